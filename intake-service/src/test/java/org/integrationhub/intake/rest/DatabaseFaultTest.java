package org.integrationhub.intake.rest;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.integrationhub.devsupport.IsolatedPostgresTestResource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.integrationhub.intake.IntakeFixture.HIS;
import static org.integrationhub.intake.IntakeFixture.envelope;
import static org.integrationhub.intake.IntakeFixture.post;

/** On a database of its own: an unexpected fault is a 500 without internals, a database down is a 503. */
@QuarkusTest
@WithTestResource(value = IsolatedPostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseFaultTest {

    static final Path LOG = Path.of("target/intake-test.log");

    static String department(String id) {
        return envelope("HIS", id, "CREATE", "{\"code\":\"" + id + "\",\"name\":\"Cardiology\"}");
    }

    static void sql(String statement) throws Exception {
        try (Connection c = IsolatedPostgresTestResource.current().connect(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    @Test
    @Order(1)
    void anUnexpectedFaultIs500WithACorrelationIdAndNoInternals() throws Exception {
        post(HIS, "departments", department("D-OK")).then().statusCode(202);
        sql("ALTER TABLE staging_record RENAME TO staging_record_moved");
        try {
            Response response = post(HIS, "departments", department("D-500"));
            response.then().statusCode(500).contentType("application/problem+json")
                    .body("type", equalTo("urn:integration-hub:problem:internal-error"))
                    .body("correlationId", notNullValue())
                    .body(not(org.hamcrest.Matchers.containsString("staging_record")))
                    .body(not(org.hamcrest.Matchers.containsString("Exception")))
                    .body(not(org.hamcrest.Matchers.containsString("INSERT")));
            String correlationId = response.path("correlationId");
            assertThat(Files.readString(LOG)).contains("correlationId=" + correlationId);
        } finally {
            sql("ALTER TABLE staging_record_moved RENAME TO staging_record");
        }
        post(HIS, "departments", department("D-AFTER")).then().statusCode(202);
    }

    @Test
    @Order(2)
    void aDatabaseThatIsDownIs503WithRetryAfter() {
        IsolatedPostgresTestResource.current().close();
        post(HIS, "departments", department("D-503")).then()
                .statusCode(503).contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("urn:integration-hub:problem:service-unavailable"))
                .body("correlationId", notNullValue());
    }
}

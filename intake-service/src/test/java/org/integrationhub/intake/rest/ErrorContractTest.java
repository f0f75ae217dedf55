package org.integrationhub.intake.rest;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.integrationhub.devsupport.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.integrationhub.intake.IntakeFixture.HIS;
import static org.integrationhub.intake.IntakeFixture.envelope;
import static org.integrationhub.intake.IntakeFixture.post;
import static org.integrationhub.intake.IntakeFixture.stored;
import static org.integrationhub.intake.IntakeFixture.unique;

/** The contract's error rows that are about the request's shape, each as problem+json with nothing stored. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class ErrorContractTest {

    @Test
    void wrongTypesAre400WithTheirPaths() throws SQLException {
        String id = unique("D");
        post(HIS, "departments", """
                {"sourceSystem": "HIS", "externalId": "%s", "operation": "CREATE", "sentAt": 1764115200,
                 "data": {"code": 7, "name": ["Cardiology"]}}""".formatted(id))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.find { it.field == 'sentAt' }.code", equalTo("invalid_format"))
                .body("errors.find { it.field == 'data.code' }.code", equalTo("invalid_format"))
                .body("errors.find { it.field == 'data.name' }.code", equalTo("invalid_format"));
        assertThat(stored(id)).isZero();
    }

    @Test
    void nullWhereAnObjectBelongsIs400() throws SQLException {
        String id = unique("D");
        post(HIS, "departments", envelope("HIS", id, "CREATE", "null")).then().statusCode(400)
                .body("errors[0].field", equalTo("data"))
                .body("errors[0].code", equalTo("required"));
        post(HIS, "departments", "null").then().statusCode(400).contentType("application/problem+json");
        post(HIS, "departments", "[1, 2]").then().statusCode(400).contentType("application/problem+json");
        assertThat(stored(id)).isZero();
    }

    @Test
    void deepNestingIs400() {
        String deep = "[".repeat(500) + "]".repeat(500);
        post(HIS, "departments", envelope("HIS", "D-1", "CREATE", "{\"code\": " + deep + "}"))
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:integration-hub:problem:malformed-request"))
                .body("detail", containsString("nested"));
    }

    @Test
    void duplicateKeysAre400NamingTheKey() {
        post(HIS, "departments", """
                {"sourceSystem": "HIS", "externalId": "D-1", "operation": "CREATE",
                 "sentAt": "2026-11-26T08:00:00Z", "data": {"code": "D-1", "name": "A", "name": "B"}}""")
                .then().statusCode(400).body("detail", containsString("name"));
    }

    @Test
    void bodyOverTheLimitIs413Problem() {
        String huge = "{\"records\": [\"" + "x".repeat(1_100_000) + "\"]}";
        given().header("X-API-Key", HIS).contentType(ContentType.JSON).body(huge)
                .when().post("/api/v1/interfaces/departments/records/batch")
                .then().statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413))
                .body("correlationId", notNullValue());
    }

    @Test
    void emptyBodyIs400() {
        given().header("X-API-Key", HIS).contentType(ContentType.JSON)
                .when().post("/api/v1/interfaces/departments/records")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void unknownPathAndWrongMethodAreProblems() {
        given().header("X-API-Key", HIS).when().get("/api/v1/nothing-here")
                .then().statusCode(404).contentType("application/problem+json");
        given().header("X-API-Key", HIS).when().delete("/api/v1/interfaces/departments/records")
                .then().statusCode(org.hamcrest.Matchers.oneOf(404, 405)).contentType("application/problem+json");
    }

    @Test
    void theCorrelationIdIsEchoed() {
        given().header("X-Correlation-Id", "partner-trace-0001").when().get("/api/v1/interfaces")
                .then().statusCode(401)
                .header("X-Correlation-Id", "partner-trace-0001")
                .body("correlationId", equalTo("partner-trace-0001"));
    }

    @Test
    void anExternalIdMustBeVisibleText() throws SQLException {
        // written as JSON escapes: U+200B, U+200B U+FEFF, U+2028 inside, U+0085 (NEL) inside, U+009F
        for (String invisible : new String[] {"\\u200B", "\\u200B\\uFEFF", "D-\\u2028-1", "D-\\u0085-1", "D\\u009F"}) {
            post(HIS, "departments", envelope("HIS", invisible, "CREATE", "{\"code\": \"D-1\", \"name\": \"A\"}"))
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("status", equalTo(400))
                    .body("errors.field", hasItem("externalId"))
                    .body("errors.find { it.field == 'externalId' }.code", equalTo("invalid_format"));
        }
        // a lone line separator is blank text: required
        post(HIS, "departments", envelope("HIS", "\\u2028", "CREATE", "{\"code\": \"D-1\", \"name\": \"A\"}"))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.find { it.field == 'externalId' }.code", equalTo("required"));
        String chinese = "科室-01-" + unique("x");
        post(HIS, "departments", envelope("HIS", chinese, "CREATE", "{\"code\": \"D-CN-1\", \"name\": \"心内科\"}"))
                .then().statusCode(202).body("externalId", equalTo(chinese));
        assertThat(stored(chinese)).isOne();
    }
}

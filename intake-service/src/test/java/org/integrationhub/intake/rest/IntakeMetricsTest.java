package org.integrationhub.intake.rest;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.integrationhub.devsupport.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationhub.intake.IntakeFixture.HIS;
import static org.integrationhub.intake.IntakeFixture.envelope;
import static org.integrationhub.intake.IntakeFixture.post;
import static org.integrationhub.intake.IntakeFixture.unique;

/** The records the dashboard counts per interface: stored with a new receipt, or refused; dry runs and replays not. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class IntakeMetricsTest {

    /** A series' value in a scrape (an OpenMetrics scrape may follow it with an exemplar: # {trace_id=...}). */
    static double value(String series) {
        String scrape = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " ([0-9.E+-]+)( # .*)?$", Pattern.MULTILINE).matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void acceptedAndRejectedRecordsAreCountedPerInterface() {
        String accepted = "hub_records_accepted_total{interface=\"departments\"}";
        String rejected = "hub_records_rejected_total{interface=\"departments\"}";
        double acceptedBefore = value(accepted);
        double rejectedBefore = value(rejected);

        String good = unique("MET");
        String record = envelope("HIS", good, "CREATE", "{\"code\": \"" + good + "\", \"name\": \"Metered\"}");
        String bad = envelope("HIS", unique("MET"), "CREATE", "{\"code\": \"x\"}");
        given().header("X-API-Key", HIS).header("Idempotency-Key", good).contentType(ContentType.JSON).body(record)
                .post("/api/v1/interfaces/departments/records").then().statusCode(202);
        // a replay of it, and a dry run, count nothing
        given().header("X-API-Key", HIS).header("Idempotency-Key", good).contentType(ContentType.JSON).body(record)
                .post("/api/v1/interfaces/departments/records").then().statusCode(202);
        given().header("X-API-Key", HIS).contentType(ContentType.JSON).body(bad)
                .post("/api/v1/interfaces/departments/records?dryRun=true").then().statusCode(400);
        post(HIS, "departments", bad).then().statusCode(400);
        String other = unique("MET");
        given().header("X-API-Key", HIS).contentType(ContentType.JSON).body("{\"records\": [" + bad + ", "
                        + envelope("HIS", other, "CREATE", "{\"code\": \"" + other + "\", \"name\": \"Batched\"}") + "]}")
                .post("/api/v1/interfaces/departments/records/batch").then().statusCode(200);

        assertThat(value(accepted) - acceptedBefore).isEqualTo(2.0);
        assertThat(value(rejected) - rejectedBefore).isEqualTo(2.0);
    }
}

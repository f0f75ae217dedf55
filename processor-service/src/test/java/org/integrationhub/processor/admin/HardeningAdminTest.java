package org.integrationhub.processor.admin;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.integrationhub.devsupport.PostgresTestResource;
import org.integrationhub.processor.staging.StagingProcessor;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.integrationhub.processor.ProcessorFixture.drain;
import static org.integrationhub.processor.ProcessorFixture.operator;
import static org.integrationhub.processor.StagingFixture.department;
import static org.integrationhub.processor.StagingFixture.execute;
import static org.integrationhub.processor.StagingFixture.queryString;
import static org.integrationhub.processor.StagingFixture.stage;
import static org.integrationhub.processor.StagingFixture.state;
import static org.integrationhub.processor.StagingFixture.unique;

/** The operator API under hostile input, and the repairs it offers: ranges, args, re-apply, audit. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class HardeningAdminTest {

    @Inject
    StagingProcessor processor;

    static io.restassured.specification.RequestSpecification ops() {
        return operator().urlEncodingEnabled(false);
    }

    @Test
    void aNulInAPathQueryOrFilterIsA400NotA500() {
        ops().get("/api/v1/departments/a%00b").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("code")).body("errors[0].code", equalTo("invalid_value"));
        ops().get("/api/v1/admin/records?externalId=a%00b").then().statusCode(400)
                .body("errors[0].field", equalTo("externalId"));
        ops().contentType(ContentType.JSON).body("{\"externalId\": \"a\\u0000b\"}").post("/api/v1/admin/records/retry")
                .then().statusCode(400).body("errors[0].field", equalTo("externalId"))
                .body("errors[0].code", equalTo("invalid_value"));
    }

    @Test
    void updatedSinceOutsideItsRangeIsA400() {
        ops().get("/api/v1/departments?updatedSince=%2B999999999-12-31T23:59:59Z").then().statusCode(400)
                .body("errors[0].field", equalTo("updatedSince")).body("errors[0].code", equalTo("invalid_value"));
    }

    @Test
    void aScheduleThatWouldNeverRunAgainIsRefused() throws SQLException {
        execute("""
                INSERT INTO scheduled_job (name, target, interval_number, interval_type, args)
                VALUES ('range_me', 'staging.process', 5, 'seconds', '{"interface": "departments"}')
                ON CONFLICT (name) DO NOTHING""");
        for (String body : List.of("{\"intervalNumber\": 2147483647, \"intervalType\": \"days\"}",
                "{\"intervalType\": \"months\", \"intervalNumber\": 13}")) {
            ops().contentType(ContentType.JSON).body(body).patch("/api/v1/admin/jobs/range_me").then().statusCode(400)
                    .body("errors.code", hasItem("invalid_value"));
        }
        for (String nextRun : List.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "1999-01-01T00:00:00Z")) {
            ops().contentType(ContentType.JSON).body("{\"nextRun\": \"" + nextRun + "\"}")
                    .patch("/api/v1/admin/jobs/range_me").then().statusCode(400)
                    .body("errors[0].field", equalTo("nextRun"));
        }
        ops().contentType(ContentType.JSON).body("{\"args\": {\"interface\": \"departments\", \"batchSize\": 1e400}}")
                .patch("/api/v1/admin/jobs/range_me").then().statusCode(400)
                .body("errors[0].field", equalTo("args.batchSize"));
        ops().contentType(ContentType.JSON).body("{\"args\": {\"interface\": \"nope\"}}")
                .patch("/api/v1/admin/jobs/range_me").then().statusCode(400)
                .body("errors[0].field", equalTo("args.interface"));
        ops().contentType(ContentType.JSON).body("{\"args\": {\"interface\": \"departments\", \"colour\": \"red\"}}")
                .patch("/api/v1/admin/jobs/range_me").then().statusCode(400)
                .body("errors[0].field", equalTo("args.colour")).body("errors[0].code", equalTo("unknown_field"));
        assertThat(queryString("SELECT interval_number || interval_type || args::text FROM scheduled_job WHERE name = 'range_me'"))
                .as("nothing changed").isEqualTo("5seconds{\"interface\": \"departments\"}");
    }

    @Test
    void eachTargetChecksTheArgsItTakes() throws SQLException {
        execute("""
                INSERT INTO scheduled_job (name, target, interval_number, interval_type, args) VALUES
                    ('args_recover', 'staging.recover', 30, 'seconds', '{}'),
                    ('args_retention', 'staging.retention', 1, 'hours', '{"processedDays": 30}')
                ON CONFLICT (name) DO NOTHING""");
        // staging.recover takes no args at all
        ops().contentType(ContentType.JSON).body("{\"args\": {\"batchSize\": 10}}")
                .patch("/api/v1/admin/jobs/args_recover").then().statusCode(400)
                .body("errors[0].field", equalTo("args.batchSize")).body("errors[0].code", equalTo("unknown_field"));
        // staging.retention: days 1-3650, batchSize 1-100000, whole numbers, nothing else
        for (String args : List.of("{\"processedDays\": 0}", "{\"failedDays\": 3651}", "{\"runDays\": 1.5}",
                "{\"batchSize\": 100001}", "{\"processedDays\": \"30\"}", "{\"keepForever\": true}")) {
            String field = "args." + args.substring(2, args.indexOf('"', 2));
            ops().contentType(ContentType.JSON).body("{\"args\": " + args + "}")
                    .patch("/api/v1/admin/jobs/args_retention").then().statusCode(400)
                    .body("errors[0].field", equalTo(field));
        }
        ops().contentType(ContentType.JSON).body("{\"args\": {\"processedDays\": 3650, \"batchSize\": 1}}")
                .patch("/api/v1/admin/jobs/args_retention").then().statusCode(200);
        assertThat(queryString("SELECT args::text FROM scheduled_job WHERE name = 'args_retention'"))
                .as("the values in range are stored exactly").isEqualTo("{\"batchSize\": 1, \"processedDays\": 3650}");
        assertThat(queryString("SELECT args::text FROM scheduled_job WHERE name = 'args_recover'")).isEqualTo("{}");
    }

    @Test
    void aScheduleChangeIsAuditedWithBeforeAndAfter() throws SQLException {
        execute("""
                INSERT INTO scheduled_job (name, target, interval_number, interval_type, args)
                VALUES ('audit_me', 'staging.recover', 30, 'seconds', '{}') ON CONFLICT (name) DO NOTHING""");
        ops().contentType(ContentType.JSON).body("{\"intervalNumber\": 45}").patch("/api/v1/admin/jobs/audit_me")
                .then().statusCode(200);
        ops().get("/api/v1/admin/audit?target=audit_me").then().statusCode(200)
                .body("[0].action", equalTo("job.change"))
                .body("[0].actor", equalTo("ops-dev"))
                .body("[0].detail.before.intervalNumber", equalTo(30))
                .body("[0].detail.after.intervalNumber", equalTo(45));
    }

    @Test
    void aRecordFrozenByAFutureFenceIsRepairedByReapplyingItsSkippedChange() throws SQLException {
        String code = unique("F");
        OffsetDateTime now = OffsetDateTime.parse("2026-11-26T08:00:00Z");
        // a change once accepted with a far-future sentAt set the fence there
        stage("departments", "HIS", code, "CREATE", now.plusYears(500), department(code, "Frozen", null));
        drain(processor, "departments");
        UUID real = stage("departments", "HIS", code, "UPDATE", now, department(code, "Real name", null));
        drain(processor, "departments");
        assertThat(state(real).status()).isEqualTo("SKIPPED");

        ops().post("/api/v1/admin/records/" + real + "/reapply").then().statusCode(200)
                .body("status", equalTo("PENDING"));
        drain(processor, "departments");
        assertThat(state(real).status()).isEqualTo("PROCESSED");
        assertThat(queryString("SELECT name || '@' || last_sent_at::text FROM department WHERE code = ?", code))
                .isEqualTo("Real name@2026-11-26 08:00:00+00");
        // later changes apply again
        UUID later = stage("departments", "HIS", code, "UPDATE", now.plusMinutes(1), department(code, "Later", null));
        drain(processor, "departments");
        assertThat(state(later).status()).isEqualTo("PROCESSED");

        ops().get("/api/v1/admin/audit?target=" + real).then().statusCode(200)
                .body("[0].action", equalTo("record.reapply")).body("[0].detail.externalId", equalTo(code));
        ops().post("/api/v1/admin/records/" + real + "/reapply").then().statusCode(409);
    }

    @Test
    void retriesAreAuditedWithTheirFilterAndCount() {
        String source = "AUD" + UUID.randomUUID().toString().substring(0, 6);
        ops().contentType(ContentType.JSON).body("{\"sourceSystem\": \"" + source + "\"}")
                .post("/api/v1/admin/records/retry").then().statusCode(200).body("retried", equalTo(0));
        ops().get("/api/v1/admin/audit?limit=5").then().statusCode(200)
                .body("find { it.detail.filter.sourceSystem == '" + source + "' }.action", equalTo("records.retry"))
                .body("find { it.detail.filter.sourceSystem == '" + source + "' }.detail.count", equalTo(0));
    }
}

package org.integrationhub.intake.rest;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.integrationhub.devsupport.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.integrationhub.intake.IntakeFixture.HIS;
import static org.integrationhub.intake.IntakeFixture.envelope;
import static org.integrationhub.intake.IntakeFixture.post;
import static org.integrationhub.intake.IntakeFixture.refused;
import static org.integrationhub.intake.IntakeFixture.rejectedInBatch;
import static org.integrationhub.intake.IntakeFixture.stored;
import static org.integrationhub.intake.IntakeFixture.unique;

/** dryRun=true: the whole check, references included, answered as it would be; nothing stored, no receipt. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class DryRunTest {

    static Response tryOne(String interfaceName, String body, Map<String, String> headers) {
        return given().header("X-API-Key", HIS).headers(headers).contentType(ContentType.JSON).body(body)
                .post("/api/v1/interfaces/" + interfaceName + "/records?dryRun=true");
    }

    static Response tryBatch(String interfaceName, String body) {
        return given().header("X-API-Key", HIS).contentType(ContentType.JSON).body(body)
                .post("/api/v1/interfaces/" + interfaceName + "/records/batch?dryRun=true");
    }

    @Test
    void aGoodRecordIsAnsweredAsAcceptedAndNothingIsStored() throws Exception {
        String code = unique("DRY");
        tryOne("departments", envelope("HIS", code, "CREATE", "{\"code\": \"" + code + "\", \"name\": \"Dry\"}"), Map.of())
                .then().statusCode(200).header("Location", nullValue())
                .body("dryRun", equalTo(true)).body("status", equalTo("PENDING")).body("receiptId", nullValue())
                .body("externalId", equalTo(code)).body("interface", equalTo("departments"));
        assertThat(stored(code)).isZero();
    }

    @Test
    void aBadRecordIsRefusedAsItWouldBeAndNothingIsStored() throws Exception {
        String code = unique("DRY");
        refused(tryOne("departments", envelope("HIS", code, "CREATE", "{\"code\": \"" + code + "\"}"), Map.of()),
                code, 400, "data.name", "required");
        refused(tryOne("employees", envelope("HIS", code, "CREATE", "{\"code\": \"" + code + "\", \"name\": \"E\", "
                + "\"departmentCode\": \"NO-SUCH-DEPT\"}"), Map.of()), code, 422, "data.departmentCode", "unknown_reference");
    }

    @Test
    void aRecordWaitingInStagingCountsAsAReference() throws Exception {
        String department = unique("DEPT");
        post(HIS, "departments", envelope("HIS", department, "CREATE",
                "{\"code\": \"" + department + "\", \"name\": \"Waiting\"}")).then().statusCode(202);
        String employee = unique("EMP");
        tryOne("employees", envelope("HIS", employee, "CREATE", "{\"code\": \"" + employee + "\", \"name\": \"E\", "
                + "\"departmentCode\": \"" + department + "\"}"), Map.of()).then().statusCode(200);
        assertThat(stored(employee)).isZero();
    }

    @Test
    void aBatchIsAnsweredRecordByRecordWithoutReceiptsAndNothingIsStored() throws Exception {
        String parent = unique("PAR");
        String child = unique("CHI");
        String bad = unique("BAD");
        String batch = "{\"records\": [" + envelope("HIS", child, "CREATE", "{\"code\": \"" + child + "\", \"name\": \"C\", "
                + "\"parentCode\": \"" + parent + "\"}") + ", "
                + envelope("HIS", parent, "CREATE", "{\"code\": \"" + parent + "\", \"name\": \"P\"}") + ", "
                + envelope("HIS", bad, "CREATE", "{\"code\": \"" + bad + "\"}") + "]}";
        var results = tryBatch("departments", batch).then().statusCode(200)
                .body("accepted", equalTo(2)).body("rejected", equalTo(1))
                .body("results[0].status", equalTo("PENDING")).body("results[0].receiptId", nullValue())
                .body("results[1].status", equalTo("PENDING"));
        rejectedInBatch(results, 2, bad, "records[2].data.name", "required");
        assertThat(stored(parent) + stored(child)).isZero();
    }

    @Test
    void anIdempotencyKeyIsCheckedButNotSpentAndABadFlagIsA400() throws Exception {
        String code = unique("DRY");
        String body = envelope("HIS", code, "CREATE", "{\"code\": \"" + code + "\", \"name\": \"Dry\"}");
        String key = unique("key");
        tryOne("departments", body, Map.of("Idempotency-Key", key)).then().statusCode(200);
        given().header("X-API-Key", HIS).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/api/v1/interfaces/departments/records").then().statusCode(202)
                .header("Idempotent-Replayed", nullValue());
        assertThat(stored(code)).as("stored once, by the real call").isEqualTo(1);
        tryOne("departments", body, Map.of("Idempotency-Key", "bad key with spaces")).then().statusCode(400);
        given().header("X-API-Key", HIS).contentType(ContentType.JSON).body(body)
                .post("/api/v1/interfaces/departments/records?dryRun=yes").then().statusCode(400)
                .body("errors[0].field", equalTo("dryRun"));
    }
}

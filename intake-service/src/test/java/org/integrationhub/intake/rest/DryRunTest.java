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

    /** A flag that is not plainly true or false stores nothing: guessing "false" would store a record meant as a try. */
    @Test
    void anAmbiguousDryRunIsA400AndStoresNothing() throws Exception {
        for (String query : new String[] {"dryRun", "dryRun=", "dryRun=false&dryRun=true", "dryRun=true&dryRun=false",
                "dryRun=false&dryRun=false"}) {
            String code = unique("DRY");
            String one = envelope("HIS", code, "CREATE", "{\"code\": \"" + code + "\", \"name\": \"Dry\"}");
            given().header("X-API-Key", HIS).contentType(ContentType.JSON).body(one)
                    .post("/api/v1/interfaces/departments/records?" + query).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("dryRun"));
            given().header("X-API-Key", HIS).contentType(ContentType.JSON).body("{\"records\": [" + one + "]}")
                    .post("/api/v1/interfaces/departments/records/batch?" + query).then().statusCode(400)
                    .body("errors[0].field", equalTo("dryRun"));
            assertThat(stored(code)).as(query).isZero();
        }
    }

    @Test
    void aKeyUsedBeforeCountsAsItWouldWithoutBeingSpent() throws Exception {
        String code = unique("DRY");
        String body = envelope("HIS", code, "CREATE", "{\"code\": \"" + code + "\", \"name\": \"Dry\"}");
        String other = envelope("HIS", code, "CREATE", "{\"code\": \"" + code + "\", \"name\": \"Other\"}");
        String key = unique("key");
        String receiptId = given().header("X-API-Key", HIS).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post("/api/v1/interfaces/departments/records").then().statusCode(202)
                .extract().path("receiptId");
        // the same key and body: the real call would repeat the receipt, so the dry run says so
        tryOne("departments", body, Map.of("Idempotency-Key", key)).then().statusCode(200)
                .header("Idempotent-Replayed", equalTo("true"))
                .body("dryRun", equalTo(true)).body("receiptId", equalTo(receiptId));
        // another body under the key: refused as the real call would be
        tryOne("departments", other, Map.of("Idempotency-Key", key)).then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("Idempotency-Key")).body("errors[0].code", equalTo("not_allowed"));
        assertThat(stored(code)).as("only the real call's row").isEqualTo(1);
    }

    @Test
    void aBatchsKeysCountAsTheyWouldWithoutBeingSpent() throws Exception {
        String a = unique("DRA");
        String b = unique("DRB");
        String messageA = unique("msg");
        String recordA = withMessageId(envelope("HIS", a, "CREATE", "{\"code\": \"" + a + "\", \"name\": \"A\"}"), messageA);
        String recordA2 = withMessageId(envelope("HIS", a, "CREATE", "{\"code\": \"" + a + "\", \"name\": \"A2\"}"), messageA);
        String messageB = unique("msg");
        String recordB = withMessageId(envelope("HIS", b, "CREATE", "{\"code\": \"" + b + "\", \"name\": \"B\"}"), messageB);
        String recordB2 = withMessageId(envelope("HIS", b, "CREATE", "{\"code\": \"" + b + "\", \"name\": \"B2\"}"), messageB);
        String storedA = post(HIS, "departments", recordA).then().statusCode(202).extract().path("receiptId");

        // a record's messageId: stored with the same body, a replay of that receipt; with another, refused; within
        // the batch, a repeat of an earlier record (same body) or refused (another), as storing in order would do
        var results = tryBatch("departments", "{\"records\": [" + String.join(", ", recordA, recordA2, recordB,
                recordB, recordB2) + "]}").then().statusCode(200)
                .body("accepted", equalTo(3)).body("rejected", equalTo(2))
                .body("results[0].receiptId", equalTo(storedA)).body("results[0].status", equalTo("PENDING"))
                .body("results[2].receiptId", nullValue()).body("results[3].status", equalTo("PENDING"));
        results.body("results[1].status", equalTo("REJECTED"))
                .body("results[1].errors[0].field", equalTo("records[1].messageId"))
                .body("results[1].errors[0].code", equalTo("not_allowed"));
        rejectedInBatch(results, 4, b, "records[4].messageId", "not_allowed");
        assertThat(stored(a)).as("only the real call's row").isEqualTo(1);
        assertThat(stored(b)).isZero();

        // the batch's own Idempotency-Key: the stored result again (replayed), or 422 for another batch
        String key = unique("key");
        String batch = "{\"records\": [" + recordB + "]}";
        String answer = given().header("X-API-Key", HIS).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(batch).post("/api/v1/interfaces/departments/records/batch").then().statusCode(200)
                .extract().asString();
        String tried = given().header("X-API-Key", HIS).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(batch).post("/api/v1/interfaces/departments/records/batch?dryRun=true").then().statusCode(200)
                .header("Idempotent-Replayed", equalTo("true")).extract().asString();
        assertThat(tried).isEqualTo(answer);
        given().header("X-API-Key", HIS).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body("{\"records\": [" + recordA + "]}").post("/api/v1/interfaces/departments/records/batch?dryRun=true")
                .then().statusCode(422).body("errors[0].field", equalTo("Idempotency-Key"));
        assertThat(stored(b)).isEqualTo(1);

        // and the real call answers that batch as its dry run said it would
        String c = unique("DRC");
        String messageC = unique("msg");
        String recordC = withMessageId(envelope("HIS", c, "CREATE", "{\"code\": \"" + c + "\", \"name\": \"C\"}"), messageC);
        String recordC2 = withMessageId(envelope("HIS", c, "CREATE", "{\"code\": \"" + c + "\", \"name\": \"C2\"}"), messageC);
        String repeated = "{\"records\": [" + String.join(", ", recordC, recordC, recordC2) + "]}";
        var dry = tryBatch("departments", repeated).then().statusCode(200).extract().jsonPath();
        var real = given().header("X-API-Key", HIS).contentType(ContentType.JSON).body(repeated)
                .post("/api/v1/interfaces/departments/records/batch").then().statusCode(200).extract().jsonPath();
        assertThat(dry.getList("results.status")).isEqualTo(real.getList("results.status"))
                .containsExactly("PENDING", "PENDING", "REJECTED");
        assertThat(real.getString("results[1].receiptId")).isEqualTo(real.getString("results[0].receiptId"));
        assertThat(stored(c)).isEqualTo(1);
    }

    /** The envelope with a messageId. */
    static String withMessageId(String envelope, String messageId) {
        return envelope.replaceFirst("\\{", "{\"messageId\": \"" + messageId + "\", ");
    }
}

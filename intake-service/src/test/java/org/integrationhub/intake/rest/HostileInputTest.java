package org.integrationhub.intake.rest;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.integrationhub.devsupport.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.integrationhub.intake.IntakeFixture.HIS;
import static org.integrationhub.intake.IntakeFixture.activeDepartment;
import static org.integrationhub.intake.IntakeFixture.envelope;
import static org.integrationhub.intake.IntakeFixture.post;
import static org.integrationhub.intake.IntakeFixture.refused;
import static org.integrationhub.intake.IntakeFixture.postBatch;
import static org.integrationhub.intake.IntakeFixture.rejectedInBatch;
import static org.integrationhub.intake.IntakeFixture.stored;
import static org.integrationhub.intake.IntakeFixture.unique;

/** What a hostile partner sends: text the database cannot store, instants out of range, abused idempotency keys. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class HostileInputTest {

    /** A JSON string escape that Jackson decodes to U+0000. */
    static final String NUL = "\\u0000";
    /** A lone high surrogate, which has no UTF-8 form. */
    static final String LONE_SURROGATE = "\\ud800";

    static String dept(String code, String name) {
        return envelope("HIS", code, "CREATE", "{\"code\":\"%s\",\"name\":\"%s\"}".formatted(code, name));
    }

    static String withSentAt(String body, String sentAt) {
        return body.replace("2026-11-26T08:00:00+08:00", sentAt);
    }

    @Test
    void aNulInDataIsA400NamingTheFieldAndNothingIsStored() throws SQLException {
        String code = unique("D");
        refused(post(HIS, "departments", dept(code, "Cardi" + NUL + "ology")),
                code, 400, "data.name", "invalid_value");
    }

    @Test
    void aNulInTheEnvelopeOrAFieldNameIsA400() throws SQLException {
        String code = unique("D");
        post(HIS, "departments", dept(code, "Name").replace("\"externalId\": \"" + code, "\"externalId\": \"" + code + NUL))
                .then().statusCode(400).body("errors[0].field", equalTo("externalId"))
                .body("errors[0].code", equalTo("invalid_value"));
        refused(post(HIS, "departments", dept(code, "Name").replace("\"name\"", "\"na" + NUL + "me\"")),
                code, 400, "data.na\\u0000me", "invalid_value");
    }

    @Test
    void aLoneSurrogateIsRefusedNotStoredAsAQuestionMark() throws SQLException {
        String code = unique("D");
        refused(post(HIS, "departments", dept(code, "Ward " + LONE_SURROGATE)),
                code, 400, "data.name", "invalid_value");
        // in a field name too, where the JSON parser itself used to refuse it as malformed, naming nothing
        refused(post(HIS, "departments", dept(code, "Ward").replace("\"name\"", "\"na" + LONE_SURROGATE + "me\"")),
                code, 400, "data.na\\uD800me", "invalid_value");
        // a surrogate pair is a real character (an emoji, a rare CJK ideograph) and is stored as sent
        String ok = unique("D");
        post(HIS, "departments", dept(ok, "Ward \\ud842\\udfb7")).then().statusCode(202);
        assertThat(org.integrationhub.intake.IntakeFixture.payloadField(ok, "name")).isEqualTo("Ward \uD842\uDFB7");
    }

    @Test
    void aNulInAPathOrQueryParameterIsA400() {
        given().urlEncodingEnabled(false).header("X-API-Key", HIS)
                .when().get("/api/v1/interfaces/departments/records/a%00b/receipts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("externalId"))
                .body("errors[0].code", equalTo("invalid_value"));
        given().urlEncodingEnabled(false).header("X-API-Key", HIS)
                .when().get("/api/v1/interfaces/departments/records/D-1/receipts?page=a%00b")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("page"));
    }

    /**
     * A %-escape that is not UTF-8 (a stray byte, a surrogate's bytes) is a 400 naming the parameter. Decoded, it
     * became U+FFFD silently, and then matched a record whose id has one.
     */
    @Test
    void aPercentEscapeThatIsNotUtf8IsA400() {
        String stored = unique("R") + "-\uFFFD";
        post(HIS, "departments", envelope("HIS", stored, "CREATE", "{\"code\": \"" + unique("D")
                + "\", \"name\": \"Replacement\"}")).then().statusCode(202);
        String escapedHead = stored.substring(0, stored.length() - 1);
        for (String bad : new String[] {"%FF", "%80", "%ED%A0%80", "%C3"}) {
            given().urlEncodingEnabled(false).header("X-API-Key", HIS)
                    .when().get("/api/v1/interfaces/departments/records/" + escapedHead + bad + "/receipts")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("externalId"))
                    .body("errors[0].code", equalTo("invalid_value"));
            given().urlEncodingEnabled(false).header("X-API-Key", HIS)
                    .when().get("/api/v1/receipts?interface=departments" + bad)
                    .then().statusCode(400).body("errors[0].field", equalTo("interface"));
        }
        // the record itself, asked for with its real character, is there
        given().urlEncodingEnabled(false).header("X-API-Key", HIS)
                .when().get("/api/v1/interfaces/departments/records/" + escapedHead + "%EF%BF%BD/receipts")
                .then().statusCode(200);
    }

    @Test
    void inABatchOnlyTheItemWithBadTextIsRejected() throws SQLException {
        String a = unique("D");
        String b = unique("D");
        String c = unique("D");
        String body = "{\"records\": [" + String.join(",", dept(a, "A"), dept(b, "B" + NUL), dept(c, "C")) + "]}";
        rejectedInBatch(postBatch(HIS, "departments", body).then().statusCode(200)
                        .body("accepted", equalTo(2)).body("rejected", equalTo(1)),
                1, b, "records[1].data.name", "invalid_value");
        assertThat(List.of(stored(a), stored(c))).containsExactly(1, 1);
    }

    @Test
    void sentAtOutsideItsRangeIsA400AndNeverClamped() throws SQLException {
        String code = unique("D");
        for (String sentAt : List.of("+999999999-12-31T23:59:59Z", "9999-12-31T23:59:59Z", "0000-01-01T00:00:00Z",
                "-4714-11-23T00:00:00Z", "1999-12-31T23:59:59Z",
                Instant.now().plus(10, ChronoUnit.MINUTES).toString(),
                "2026-11-26T08:00:00.123456789Z")) {
            refused(post(HIS, "departments", withSentAt(dept(code, "Name"), sentAt)), code, 400, "sentAt", "invalid_value");
        }
    }

    @Test
    void anAcceptedSentAtReadsBackExactly() {
        String code = unique("D");
        Instant soon = Instant.now().plus(2, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MICROS);
        for (String sentAt : List.of("2000-01-01T00:00:00Z", "2026-11-26T08:00:00.123456+08:00", soon.toString())) {
            String receipt = post(HIS, "departments", withSentAt(dept(code, "Name"), sentAt)).then().statusCode(202)
                    .extract().path("receiptId");
            String read = given().header("X-API-Key", HIS).get("/api/v1/receipts/" + receipt).then().statusCode(200)
                    .extract().path("sentAt");
            assertThat(Instant.parse(read)).isEqualTo(java.time.OffsetDateTime.parse(sentAt).toInstant());
        }
    }

    @Test
    void aHireDateOutsideItsRangeIsA400() throws SQLException {
        String dept = unique("D");
        activeDepartment(dept);
        String code = unique("E");
        for (String hireDate : List.of("+999999999-12-31", "1899-12-31", "3000-01-01")) {
            refused(post(HIS, "employees", envelope("HIS", code, "CREATE", """
                    {"code":"%s","name":"Li","departmentCode":"%s","hireDate":"%s"}""".formatted(code, dept, hireDate))),
                    code, 400, "data.hireDate", "invalid_value");
        }
    }

    @Test
    void anIdempotencyKeyMakesAWholeBatchReplayable() throws SQLException {
        String a = unique("D");
        String b = unique("D");
        String key = unique("batch");
        String body = "{\"records\": [" + dept(a, "A") + "," + dept(b, "B") + "]}";
        String first = given().header("X-API-Key", HIS).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post("/api/v1/interfaces/departments/records/batch")
                .then().statusCode(200).header("Idempotent-Replayed", nullValue()).body("accepted", equalTo(2))
                .extract().asString();
        String again = given().header("X-API-Key", HIS).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post("/api/v1/interfaces/departments/records/batch")
                .then().statusCode(200).header("Idempotent-Replayed", equalTo("true")).extract().asString();
        assertThat(again).isEqualTo(first);
        assertThat(List.of(stored(a), stored(b))).containsExactly(1, 1);

        given().header("X-API-Key", HIS).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body("{\"records\": [" + dept(a, "Other") + "]}").post("/api/v1/interfaces/departments/records/batch")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("Idempotency-Key"));
        assertThat(stored(a)).isOne();
    }

    @Test
    void idempotencyKeysAreLimitedLikeMessageIds() throws SQLException {
        String code = unique("D");
        for (String key : List.of("k".repeat(129), "k".repeat(7000))) {
            given().header("X-API-Key", HIS).header("Idempotency-Key", key).contentType(ContentType.JSON)
                    .body(dept(code, "Name")).post("/api/v1/interfaces/departments/records")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("Idempotency-Key"))
                    .body("errors[0].code", equalTo("too_long"));
            given().header("X-API-Key", HIS).header("Idempotency-Key", key).contentType(ContentType.JSON)
                    .body("{\"records\": [" + dept(code, "Name") + "]}").post("/api/v1/interfaces/departments/records/batch")
                    .then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
        }
        given().header("X-API-Key", HIS).header("Idempotency-Key", "k".repeat(128)).contentType(ContentType.JSON)
                .body(dept(code, "Name")).post("/api/v1/interfaces/departments/records").then().statusCode(202);
        assertThat(stored(code)).isOne();
    }

    @Test
    void aSourceCannotAttachToOrProbeAnotherSourcesRecords() throws SQLException {
        String hisCompany = unique("C");
        org.integrationhub.intake.IntakeFixture.partner("HIS", hisCompany, "COMPANY", true);
        String contact = unique("P");
        refused(post(org.integrationhub.intake.IntakeFixture.ERP, "partners", envelope("ERP", contact, "CREATE", """
                {"code":"%s","name":"Zhang San","type":"PERSON","categoryCode":"SUPPLIER","parentCode":"%s"}"""
                .formatted(contact, hisCompany))), contact, 422, "data.parentCode", "unknown_reference");
    }
}

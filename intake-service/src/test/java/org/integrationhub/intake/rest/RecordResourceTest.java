package org.integrationhub.intake.rest;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.integrationhub.devsupport.PostgresTestResource;
import org.integrationhub.intake.IntakeFixture;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.integrationhub.intake.IntakeFixture.refused;
import static org.integrationhub.intake.IntakeFixture.stored;
import static org.integrationhub.intake.IntakeFixture.unique;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class RecordResourceTest {

    static final String PATH = "/api/v1/interfaces/departments/records";
    static final String HIS = IntakeFixture.HIS;

    static String department(String externalId, String code, String name, String parentCode) {
        return """
                {"sourceSystem": "HIS", "externalId": "%s", "operation": "CREATE",
                 "sentAt": "2026-11-26T08:00:00+08:00",
                 "data": {"code": "%s", "name": "%s"%s}}"""
                .formatted(externalId, code, name, parentCode == null ? "" : ", \"parentCode\": \"" + parentCode + "\"");
    }

    static Response post(String key, String body) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return request.when().post(PATH);
    }

    @Test
    void acceptedRecordIsStoredPendingWithItsReceipt() throws SQLException {
        String id = unique("D");
        Response response = post(HIS, department(id, id, "Cardiology", null));

        response.then().statusCode(202)
                .contentType(ContentType.JSON)
                .header("Location", startsWith("/api/v1/receipts/"))
                .body("receiptId", notNullValue())
                .body("interface", equalTo("departments"))
                .body("sourceSystem", equalTo("HIS"))
                .body("externalId", equalTo(id))
                .body("operation", equalTo("CREATE"))
                .body("status", equalTo("PENDING"))
                .body("receivedAt", notNullValue());
        String receiptId = response.path("receiptId");
        response.then().header("Location", endsWith("/api/v1/receipts/" + receiptId));

        try (Connection c = PostgresTestResource.connect();
             PreparedStatement s = c.prepareStatement("""
                     SELECT status, operation, payload ->> 'name', payload ->> 'code', sent_at
                       FROM staging_departments WHERE receipt_id = ?::uuid""")) {
            s.setString(1, receiptId);
            ResultSet rs = s.executeQuery();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("PENDING");
            assertThat(rs.getString(2)).isEqualTo("CREATE");
            assertThat(rs.getString(3)).isEqualTo("Cardiology");
            assertThat(rs.getString(4)).isEqualTo(id);
            assertThat(rs.getObject(5, java.time.OffsetDateTime.class).toInstant())
                    .isEqualTo(java.time.OffsetDateTime.parse("2026-11-26T08:00:00+08:00").toInstant());
        }

        given().header("X-API-Key", HIS).when().get("/api/v1/receipts/" + receiptId)
                .then().statusCode(200)
                .body("receiptId", equalTo(receiptId))
                .body("status", equalTo("PENDING"))
                .body("attempts", equalTo(0));
    }

    @Test
    void missingFieldIs400NamingItAndStoresNothing() throws SQLException {
        String id = unique("D");
        String body = """
                {"sourceSystem": "HIS", "externalId": "%s", "operation": "CREATE",
                 "sentAt": "2026-11-26T08:00:00+08:00", "data": {"code": "%s"}}""".formatted(id, id);
        refused(post(HIS, body), id, 400, "data.name", "required")
                .body("type", equalTo("urn:integration-hub:problem:validation-failed"))
                .body("status", equalTo(400))
                .body("instance", equalTo(PATH))
                .body("correlationId", notNullValue())
                .body("errors", hasSize(1));
    }

    @Test
    void everyFaultIsReportedWithItsPathAndCode() throws SQLException {
        String id = unique("D");
        String body = """
                {"sourceSystem": "HIS", "externalId": "%s", "operation": "MERGE", "sentAt": "yesterday",
                 "colour": "red",
                 "data": {"code": "has space", "name": "%s", "parentCode": 12, "costCenter": "C", "active": "yes",
                          "nmae": "typo"}}""".formatted(id, "x".repeat(201));
        refused(post(HIS, body), id, 400, Map.of(
                "operation", "invalid_value",
                "sentAt", "invalid_format",
                "colour", "unknown_field",
                "data.code", "invalid_format",
                "data.name", "too_long",
                "data.parentCode", "invalid_format",
                "data.active", "invalid_format",
                "data.nmae", "unknown_field"));
    }

    @Test
    void departmentCannotBeItsOwnParent() {
        String id = unique("D");
        post(HIS, department(id, id, "Loop", id)).then().statusCode(400)
                .body("errors[0].field", equalTo("data.parentCode"))
                .body("errors[0].code", equalTo("invalid_value"));
    }

    @Test
    void malformedJsonIs400() {
        post(HIS, "{\"sourceSystem\": \"HIS\", ").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:integration-hub:problem:malformed-request"));
    }

    @Test
    void duplicateKeysAre400() {
        String id = unique("D");
        String body = department(id, id, "A", null).replace("\"operation\": \"CREATE\"",
                "\"operation\": \"CREATE\", \"operation\": \"DELETE\"");
        post(HIS, body).then().statusCode(400)
                .body("type", equalTo("urn:integration-hub:problem:malformed-request"));
    }

    @Test
    void noKeyIs401AndStoresNothing() throws SQLException {
        String id = unique("D");
        post(null, department(id, id, "Cardiology", null)).then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:integration-hub:problem:unauthorized"))
                .body("correlationId", notNullValue());
        post("not-a-key", department(id, id, "Cardiology", null)).then().statusCode(401);
        assertThat(stored(id)).isZero();
    }

    @Test
    void operatorKeyAndForeignSourceSystemAre403() throws SQLException {
        String id = unique("D");
        post("ops-dev-key", department(id, id, "Cardiology", null)).then().statusCode(403);
        // ERP's key is not granted departments
        post("erp-dev-key", department(id, id, "Cardiology", null)).then().statusCode(403);
        // HIS's key sending as ERP
        refused(post(HIS, department(id, id, "Cardiology", null).replace("\"HIS\"", "\"ERP\"")),
                id, 403, "sourceSystem", "not_allowed");
    }

    @Test
    void unknownInterfaceIs404() {
        given().header("X-API-Key", HIS).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/interfaces/wards/records")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void nonJsonIs415() {
        given().header("X-API-Key", HIS).contentType(ContentType.TEXT).body("code=D1")
                .when().post(PATH)
                .then().statusCode(415).contentType("application/problem+json")
                .body("status", equalTo(415));
    }

    @Test
    void unknownParentIs422ButAParentWaitingInStagingIsAccepted() throws SQLException {
        String child = unique("C");
        String parent = unique("P");
        refused(post(HIS, department(child, child, "Child", parent)),
                child, 422, "data.parentCode", "unknown_reference");

        post(HIS, department(parent, parent, "Parent", null)).then().statusCode(202);
        post(HIS, department(child, child, "Child", parent)).then().statusCode(202);
        assertThat(stored(child)).isOne();
    }

    @Test
    void replayWithTheSameKeyReturnsTheOriginalReceiptAndStoresNothingNew() throws SQLException {
        String id = unique("D");
        String body = department(id, id, "Cardiology", null);
        String first = given().header("X-API-Key", HIS).header("Idempotency-Key", id).contentType(ContentType.JSON)
                .body(body).when().post(PATH).then().statusCode(202).extract().path("receiptId");
        given().header("X-API-Key", HIS).header("Idempotency-Key", id).contentType(ContentType.JSON)
                .body(body).when().post(PATH).then().statusCode(202)
                .header("Idempotent-Replayed", "true")
                .body("receiptId", equalTo(first));
        given().header("X-API-Key", HIS).header("Idempotency-Key", id).contentType(ContentType.JSON)
                .body(body.replace("Cardiology", "Neurology")).when().post(PATH).then().statusCode(422)
                .body("type", equalTo("urn:integration-hub:problem:idempotency-key-reused"));
        assertThat(stored(id)).isOne();
    }

    @Test
    void receiptsOfAnotherSourceSystemAreNotFound() {
        String id = unique("D");
        String receiptId = post(HIS, department(id, id, "Cardiology", null)).then().statusCode(202)
                .extract().path("receiptId");
        given().header("X-API-Key", "erp-dev-key").when().get("/api/v1/receipts/" + receiptId)
                .then().statusCode(404).contentType("application/problem+json");
        given().header("X-API-Key", HIS).when().get("/api/v1/receipts/not-a-uuid")
                .then().statusCode(404);
    }
}

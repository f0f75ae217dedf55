package org.integrationhub.intake;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import org.integrationhub.devsupport.PostgresTestResource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Business master data put in place directly, and counts of what the intake stored. */
public final class IntakeFixture {

    public static final String HIS = "his-dev-key";
    public static final String ERP = "erp-dev-key";

    private IntakeFixture() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Response post(String key, String interfaceName, String body) {
        return given().header("X-API-Key", key).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/interfaces/" + interfaceName + "/records");
    }

    /**
     * The record {@code externalId} was refused: {@code status} as a problem whose first error names {@code field}
     * with {@code code}, and nothing is stored for it. Answers the response for further checks.
     */
    public static ValidatableResponse refused(Response response, String externalId, int status, String field,
                                              String code) throws SQLException {
        ValidatableResponse checked = response.then().statusCode(status).contentType("application/problem+json")
                .body("errors[0].field", equalTo(field)).body("errors[0].code", equalTo(code));
        assertThat(stored(externalId)).as(externalId + " stored").isZero();
        return checked;
    }

    /**
     * The record {@code externalId} was refused: {@code status} as a problem that names every field of
     * {@code codeByField} with its code (in any order, among other errors), and nothing is stored for it.
     */
    public static ValidatableResponse refused(Response response, String externalId, int status,
                                              Map<String, String> codeByField) throws SQLException {
        ValidatableResponse checked = response.then().statusCode(status).contentType("application/problem+json");
        codeByField.forEach((field, code) ->
                checked.body("errors.find { it.field == '" + field + "' }.code", equalTo(code)));
        assertThat(stored(externalId)).as(externalId + " stored").isZero();
        return checked;
    }

    /**
     * Record {@code index} of the batch answered by {@code results} was rejected, its first error naming
     * {@code field} with {@code code}, and nothing is stored for its {@code externalId}. Answers {@code results}
     * for further checks.
     */
    public static ValidatableResponse rejectedInBatch(ValidatableResponse results, int index, String externalId,
                                                      String field, String code) throws SQLException {
        String result = "results[" + index + "].";
        results.body(result + "status", equalTo("REJECTED"))
                .body(result + "errors[0].field", equalTo(field))
                .body(result + "errors[0].code", equalTo(code));
        assertThat(stored(externalId)).as(externalId + " stored").isZero();
        return results;
    }

    public static Response postBatch(String key, String interfaceName, String body) {
        return given().header("X-API-Key", key).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/interfaces/" + interfaceName + "/records/batch");
    }

    public static String envelope(String source, String externalId, String operation, String dataJson) {
        return """
                {"sourceSystem": "%s", "externalId": "%s", "operation": "%s",
                 "sentAt": "2026-11-26T08:00:00+08:00", "data": %s}""".formatted(source, externalId, operation, dataJson);
    }

    /** An active department in the business table, sent by HIS (a source references only its own records). */
    public static void activeDepartment(String code) throws SQLException {
        execute("INSERT INTO department (code, name, source_system, external_id, last_sent_at) "
                + "VALUES (?, 'Seeded', 'HIS', ?, now())", code, code);
    }

    /** An active (or archived) partner in the business table, sent by ERP. */
    public static void partner(String code, String type, boolean active) throws SQLException {
        partner("ERP", code, type, active);
    }

    /** An active (or archived) partner in the business table, sent by {@code source}. */
    public static void partner(String source, String code, String type, boolean active) throws SQLException {
        execute("INSERT INTO partner (code, name, type, category_code, active, source_system, external_id, last_sent_at) "
                + "VALUES (?, 'Seeded', ?, 'SUPPLIER', ?, ?, ?, now())", code, type, active, source, code);
    }

    /** Rows of {@code externalId} in staging, whatever the interface. */
    public static int stored(String externalId) throws SQLException {
        return storedIn("staging_record", externalId);
    }

    /** Rows of {@code externalId} in one staging partition, such as {@code staging_departments}. */
    public static int storedIn(String partition, String externalId) throws SQLException {
        try (Connection c = PostgresTestResource.connect();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM " + partition + " WHERE external_id = ?")) {
            s.setString(1, externalId);
            ResultSet rs = s.executeQuery();
            rs.next();
            return rs.getInt(1);
        }
    }

    /** A field of the stored payload, read back as the database holds it (jsonb). */
    public static String payloadField(String externalId, String field) throws SQLException {
        try (Connection c = PostgresTestResource.connect();
             PreparedStatement s = c.prepareStatement(
                     "SELECT payload ->> ? FROM staging_record WHERE external_id = ? ORDER BY received_at DESC LIMIT 1")) {
            s.setString(1, field);
            s.setString(2, externalId);
            ResultSet rs = s.executeQuery();
            return rs.next() ? rs.getString(1) : null;
        }
    }

    public static void execute(String sql, Object... params) throws SQLException {
        try (Connection c = PostgresTestResource.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.execute();
        }
    }
}

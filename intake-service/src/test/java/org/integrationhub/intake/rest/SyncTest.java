package org.integrationhub.intake.rest;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.integrationhub.common.validation.Canonical;
import org.integrationhub.common.validation.Json;
import org.integrationhub.devsupport.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.integrationhub.intake.IntakeFixture.execute;
import static org.integrationhub.intake.rest.OutcomeFeedTest.partner;

/** Reconcile and summary: a partner asks where each of its records stands, and for its totals. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class SyncTest {

    static final OffsetDateTime T0 = OffsetDateTime.parse("2026-11-20T08:00:00+08:00");
    static final OffsetDateTime T1 = T0.plusHours(1);
    static final OffsetDateTime T2 = T0.plusHours(2);

    static UUID row(String source, String externalId, OffsetDateTime sentAt, String status, String payload)
            throws SQLException {
        UUID id = UUID.randomUUID();
        boolean decided = !status.equals("PENDING");
        execute("INSERT INTO staging_record (receipt_id, interface, source_system, external_id, operation, sent_at, "
                        + "payload, status, error_message, outcome_xid) VALUES (?, 'departments', ?, ?, 'CREATE', ?, ?::jsonb, ?, ?, "
                        + (decided ? "pg_current_xact_id()" : "NULL") + ")",
                id, source, externalId, sentAt, payload, status, status.equals("FAILED") ? "parent missing" : null);
        return id;
    }

    static void applied(String source, String externalId, String code, OffsetDateTime sentAt, UUID receipt)
            throws SQLException {
        execute("INSERT INTO department (code, name, source_system, external_id, last_sent_at, last_receipt_id) "
                + "VALUES (?, 'Applied', ?, ?, ?, ?)", code, source, externalId, sentAt, receipt);
    }

    static String hash(String json) throws Exception {
        return HexFormat.of().formatHex(Canonical.sha256(Json.STRICT.readTree(json)));
    }

    static Response reconcile(String source, String body) {
        return given().header("X-API-Key", source + "-key").contentType("application/json").body(body)
                .post("/api/v1/interfaces/departments/reconcile");
    }

    @Test
    void everyItemIsAnsweredWithWhereItStandsInTheRequestsOrder() throws Exception {
        String source = partner();
        String code = source.substring(0, Math.min(source.length(), 24)) + "-1";
        String data = "{\"name\":\"One\",\"code\":\"" + code + "\"}";
        UUID appliedRow = row(source, "D1", T1, "PROCESSED", data);
        applied(source, "D1", code, T1, appliedRow);
        UUID skipped = row(source, "D1", T0, "SKIPPED", data);
        UUID waiting = row(source, "D2", T1, "PENDING", "{}");
        UUID failed = row(source, "D3", T1, "FAILED", "{}");

        String sameData = hash("{\"code\":\"" + code + "\",\"name\":\"One\"}"); // another key order, the same data
        String otherData = hash("{\"code\":\"" + code + "\",\"name\":\"Other\"}");
        JsonPath answer = reconcile(source, """
                {"items": [
                  {"externalId": "D1", "sentAt": "%1$s"},
                  {"externalId": "D1", "sentAt": "%1$s", "dataHash": "%4$s"},
                  {"externalId": "D1", "sentAt": "%1$s", "dataHash": "%5$s"},
                  {"externalId": "D1", "sentAt": "%2$s"},
                  {"externalId": "D1", "sentAt": "%3$s"},
                  {"externalId": "D2", "sentAt": "%1$s"},
                  {"externalId": "D3", "sentAt": "%1$s"},
                  {"externalId": "D4", "sentAt": "%1$s"}
                ]}""".formatted(T1, T2, T0, sameData, otherData))
                .then().statusCode(200).extract().jsonPath();
        assertThat(answer.getList("results.state", String.class)).containsExactly("IN_SYNC", "IN_SYNC", "STALE", "STALE",
                "AHEAD", "PENDING", "FAILED", "MISSING");
        assertThat(answer.getList("results.index", Integer.class)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(answer.getString("results[0].receiptId")).isEqualTo(appliedRow.toString());
        assertThat(OffsetDateTime.parse(answer.getString("results[3].appliedSentAt")).toInstant()).isEqualTo(T1.toInstant());
        assertThat(answer.getString("results[4].receiptId")).as("the version passed over as stale").isEqualTo(skipped.toString());
        assertThat(answer.getString("results[5].receiptId")).isEqualTo(waiting.toString());
        assertThat(answer.getString("results[6].receiptId")).isEqualTo(failed.toString());
        assertThat(answer.getString("results[6].errorMessage")).isEqualTo("parent missing");
        assertThat(answer.getString("results[7].receiptId")).isNull();
        assertThat(answer.getMap("counts")).containsEntry("IN_SYNC", 2).containsEntry("STALE", 2).containsEntry("AHEAD", 1)
                .containsEntry("PENDING", 1).containsEntry("FAILED", 1).containsEntry("MISSING", 1);
        assertThat(reconcile(partner(), "{\"items\": [{\"externalId\": \"D1\", \"sentAt\": \"" + T1 + "\"}]}")
                .then().statusCode(200).extract().jsonPath().getList("results.state", String.class))
                .as("another partner's record of the same id").containsExactly("MISSING");
    }

    @Test
    void theDataHashIsOfUtf8JsonWithSortedKeysAndAnOlderVersionIsAheadWhateverBecameOfIt() throws Exception {
        String source = partner();
        String code = source.substring(0, Math.min(source.length(), 24)) + "-H";
        UUID appliedRow = row(source, "H1", T1, "PROCESSED", "{\"name\": \"心内科\", \"code\": \"" + code + "\"}");
        applied(source, "H1", code, T1, appliedRow);
        row(source, "H1", T0, "FAILED", "{}"); // an older version that failed after the newer one was applied
        // the documented form, written by hand: keys sorted, no white space, UTF-8 characters as themselves
        String partnerHash = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(("{\"code\":\"" + code + "\",\"name\":\"心内科\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        JsonPath answer = reconcile(source, """
                {"items": [{"externalId": "H1", "sentAt": "%s", "dataHash": "%s"}, {"externalId": "H1", "sentAt": "%s"}]}"""
                .formatted(T1, partnerHash, T0)).then().statusCode(200).extract().jsonPath();
        assertThat(answer.getList("results.state", String.class)).containsExactly("IN_SYNC", "AHEAD");
        assertThat(answer.getBoolean("results[0].dataChecked")).isTrue();

        // retention purges the applied row: the sentAt alone decides, and the answer says the data was not checked
        execute("DELETE FROM staging_record WHERE receipt_id = ?", appliedRow);
        JsonPath purged = reconcile(source, """
                {"items": [{"externalId": "H1", "sentAt": "%s", "dataHash": "%s"}]}""".formatted(T1, "0".repeat(64)))
                .then().statusCode(200).extract().jsonPath();
        assertThat(purged.getString("results[0].state")).isEqualTo("IN_SYNC");
        assertThat(purged.getBoolean("results[0].dataChecked")).isFalse();
    }

    @Test
    void tenThousandItemsAreAnsweredAndOneMoreIsRefused() throws Exception {
        String source = partner();
        String items = IntStream.range(0, 10_000).mapToObj(i -> "{\"externalId\":\"X" + i + "\",\"sentAt\":\"" + T1 + "\"}")
                .collect(Collectors.joining(","));
        JsonPath answer = reconcile(source, "{\"items\":[" + items + "]}").then().statusCode(200).extract().jsonPath();
        assertThat(answer.getInt("counts.MISSING")).isEqualTo(10_000);
        assertThat(answer.getInt("results[9999].index")).isEqualTo(9999);
        reconcile(source, "{\"items\":[" + items + ",{\"externalId\":\"Y\",\"sentAt\":\"" + T1 + "\"}]}").then()
                .statusCode(400).body("errors[0].field", equalTo("items"));
    }

    @Test
    void aMalformedItemIsA400NamingItsField() throws Exception {
        String source = partner();
        Map<String, String> bad = Map.of(
                "{\"items\":[]}", "items",
                "{\"records\":[]}", "items",
                "{\"items\":[{\"externalId\":\"A\",\"sentAt\":\"yesterday\"}]}", "items[0].sentAt",
                "{\"items\":[{\"externalId\":\"A\",\"sentAt\":\"+999999999-12-31T23:59:59Z\"}]}", "items[0].sentAt",
                "{\"items\":[{\"externalId\":\"A\\u0000B\",\"sentAt\":\"" + T1 + "\"}]}", "items[0].externalId",
                "{\"items\":[{\"sentAt\":\"" + T1 + "\"}]}", "items[0].externalId",
                "{\"items\":[{\"externalId\":\"A\",\"sentAt\":\"" + T1 + "\",\"dataHash\":\"XYZ\"}]}", "items[0].dataHash",
                "{\"items\":[{\"externalId\":\"A\",\"sentAt\":\"" + T1 + "\",\"data\":{}}]}", "items[0].data");
        bad.forEach((body, field) -> reconcile(source, body).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo(field)));
        given().header("X-API-Key", "erp-dev-key").contentType("application/json").body("{\"items\":[]}")
                .post("/api/v1/interfaces/departments/reconcile").then().statusCode(403);
        given().header("X-API-Key", source + "-key").contentType("application/json").body("{\"items\":[]}")
                .post("/api/v1/interfaces/wards/reconcile").then().statusCode(404);
    }

    @Test
    void theSummaryCountsThePartnersRowsByStatusAndItsRecords() throws Exception {
        String source = partner();
        String code = source.substring(0, Math.min(source.length(), 24)) + "-S";
        UUID appliedRow = row(source, "S1", T1, "PROCESSED", "{}");
        applied(source, "S1", code, T1, appliedRow);
        row(source, "S2", T2, "FAILED", "{}");
        row(source, "S3", T2, "PENDING", "{}");
        row(source, "S4", T2, "PENDING", "{}");
        JsonPath summary = given().header("X-API-Key", source + "-key").get("/api/v1/interfaces/departments/summary")
                .then().statusCode(200).extract().jsonPath();
        assertThat(summary.getMap("rows")).containsEntry("PROCESSED", 1).containsEntry("FAILED", 1)
                .containsEntry("PENDING", 2).containsEntry("SKIPPED", 0).containsEntry("PROCESSING", 0);
        assertThat(summary.getInt("activeRecords")).isEqualTo(1);
        assertThat(summary.getInt("archivedRecords")).isZero();
        assertThat(OffsetDateTime.parse(summary.getString("newestAppliedSentAt")).toInstant()).isEqualTo(T1.toInstant());
        assertThat(summary.getString("sourceSystem")).isEqualTo(source);
    }
}

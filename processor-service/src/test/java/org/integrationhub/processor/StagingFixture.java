package org.integrationhub.processor;

import io.vertx.core.json.JsonObject;
import org.integrationhub.common.model.UuidV7;
import org.integrationhub.devsupport.Await;
import org.integrationhub.devsupport.PostgresTestResource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Puts staging rows in place as the intake would, and reads back what the processor made of them. */
public final class StagingFixture {

    /** The moment most tests' rows are sent at (and later rows a few seconds after). */
    public static final OffsetDateTime T0 = OffsetDateTime.parse("2026-11-26T08:00:00Z");

    /**
     * T0's clock time as a sender in UTC+8 writes it, so eight hours before T0: the department, employee and
     * partner processing tests send at it.
     */
    public static final OffsetDateTime T0_UTC8 = T0.withOffsetSameLocal(ZoneOffset.ofHours(8));

    private StagingFixture() {
    }

    public static UUID stage(String interfaceName, String sourceSystem, String externalId, String operation,
                             OffsetDateTime sentAt, String payloadJson) throws SQLException {
        UUID receiptId = UuidV7.next(); // time-ordered, as the intake makes them
        try (Connection c = PostgresTestResource.connect();
             PreparedStatement s = c.prepareStatement("""
                     INSERT INTO staging_record (receipt_id, interface, source_system, external_id, operation,
                                                 sent_at, payload)
                     VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)""")) {
            s.setObject(1, receiptId);
            s.setString(2, interfaceName);
            s.setString(3, sourceSystem);
            s.setString(4, externalId);
            s.setString(5, operation);
            s.setObject(6, sentAt);
            s.setString(7, payloadJson);
            s.executeUpdate();
        }
        return receiptId;
    }

    /** A department's data, as a partner sends it: its code, its name and its parent's code when not null. */
    public static String department(String code, String name, String parentCode) {
        JsonObject data = new JsonObject().put("code", code).put("name", name);
        return (parentCode == null ? data : data.put("parentCode", parentCode)).encode();
    }

    /** A department named "Dept " + its code. */
    public static String department(String code, String parentCode) {
        return department(code, "Dept " + code, parentCode);
    }

    /** An employee's data, as a partner sends it: its code, its name and its department's code. */
    public static String employee(String code, String name, String departmentCode) {
        return new JsonObject().put("code", code).put("name", name).put("departmentCode", departmentCode).encode();
    }

    /** status, error_message, attempts of a staging row. */
    public record RowState(String status, String errorMessage, String errorClass, int attempts) {
    }

    public static RowState state(UUID receiptId) throws SQLException {
        try (Connection c = PostgresTestResource.connect();
             PreparedStatement s = c.prepareStatement(
                     "SELECT status, error_message, error_class, attempts FROM staging_record WHERE receipt_id = ?")) {
            s.setObject(1, receiptId);
            ResultSet rs = s.executeQuery();
            if (!rs.next()) {
                throw new AssertionError("no staging row " + receiptId);
            }
            return new RowState(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4));
        }
    }

    /**
     * Asserts that the row FAILED with {@code errorClass} and an error message that contains each of
     * {@code messageParts}.
     */
    public static void assertFailed(UUID receiptId, String errorClass, String... messageParts) throws SQLException {
        RowState row = state(receiptId);
        assertThat(row.status()).as("status of " + receiptId).isEqualTo("FAILED");
        assertThat(row.errorClass()).as("error class of " + receiptId).isEqualTo(errorClass);
        assertThat(row.errorMessage()).as("error message of " + receiptId).contains(messageParts);
    }

    /** Asserts that the row FAILED with an error message that contains each of {@code messageParts}. */
    public static void assertFailedMentioning(UUID receiptId, String... messageParts) throws SQLException {
        RowState row = state(receiptId);
        assertThat(row.status()).as("status of " + receiptId).isEqualTo("FAILED");
        assertThat(row.errorMessage()).as("error message of " + receiptId).contains(messageParts);
    }

    /** Asserts that the DELETE row was PROCESSED and left the business record of {@code table} archived. */
    public static void assertArchived(UUID deleteReceiptId, String table, String code) throws SQLException {
        assertThat(state(deleteReceiptId).status()).as("status of " + deleteReceiptId).isEqualTo("PROCESSED");
        assertThat(active(table, code)).as(table + " " + code + " active").isFalse();
    }

    public static void execute(String sql, Object... params) throws SQLException {
        try (Connection c = PostgresTestResource.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.execute();
        }
    }

    public static String queryString(String sql, Object... params) throws SQLException {
        try (Connection c = PostgresTestResource.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            ResultSet rs = s.executeQuery();
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** Stages many department CREATEs in one statement (codes prefix-0 ... prefix-(n-1)). */
    public static void stageDepartments(String prefix, int n) throws SQLException {
        try (Connection c = PostgresTestResource.connect();
             PreparedStatement s = c.prepareStatement("""
                     INSERT INTO staging_record (receipt_id, interface, source_system, external_id, operation, sent_at,
                                                 payload)
                     SELECT gen_random_uuid(), 'departments', 'HIS', ? || '-' || g, 'CREATE',
                            timestamptz '2026-11-26T08:00:00Z' + g * interval '1 millisecond',
                            jsonb_build_object('code', ? || '-' || g, 'name', 'Dept ' || g)
                       FROM generate_series(0, ? - 1) g""")) {
            s.setString(1, prefix);
            s.setString(2, prefix);
            s.setInt(3, n);
            s.executeUpdate();
        }
    }

    /** Waits until the row has {@code status}; fails with the row's last state after {@code within}. */
    public static void awaitStatus(UUID receiptId, String status, Duration within) {
        Await.until(receiptId + " " + status, within, Duration.ofMillis(20), () -> state(receiptId),
                row -> status.equals(row.status()));
    }

    /**
     * Waits (up to 5 s) until the row may be claimed again: its backoff or its reference wait is over.
     * Instead of sleeping for longer than the wait was set to, which a busy machine can outlast.
     */
    public static void awaitDue(UUID receiptId) {
        Await.until("the backoff of " + receiptId + " to end", Duration.ofSeconds(5), Duration.ofMillis(50),
                () -> queryString("""
                        SELECT CASE WHEN next_attempt_at IS NULL OR next_attempt_at <= now() THEN 'due'
                                    ELSE 'not due until ' || next_attempt_at END
                          FROM staging_record WHERE receipt_id = ?""", receiptId),
                "due"::equals);
    }

    /** How many business records of {@code table} (department, employee, partner) have this code, archived ones too. */
    public static long stored(String table, String code) throws SQLException {
        return count("SELECT count(*) FROM " + table + " WHERE code = ?", code);
    }

    /** Whether the business record of {@code table} with this code is active; null when there is none. */
    public static Boolean active(String table, String code) throws SQLException {
        String active = queryString("SELECT active::text FROM " + table + " WHERE code = ?", code);
        return active == null ? null : Boolean.valueOf(active);
    }

    /**
     * The code of the parent of the business record with {@code code} in {@code table} (department or partner);
     * null when it has none, or there is no such record.
     */
    public static String parentCode(String table, String code) throws SQLException {
        return queryString("SELECT p.code FROM " + table + " c JOIN " + table + " p ON p.id = c.parent_id"
                + " WHERE c.code = ?", code);
    }

    public static long count(String sql, Object... params) throws SQLException {
        return Long.parseLong(queryString(sql, params));
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}

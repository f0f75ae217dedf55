package org.integrationhub.e2e.faults;

import org.integrationhub.e2e.faults.Workload.Envelope;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Compares what the partner was told (the {@link Ledger}) with what the database holds, for the records of
 * one scenario (their messageIds start with its prefix):
 * <ul>
 * <li>every receipt the partner got has exactly one staging row, and every staging row is one whose receipt
 *     the partner got, or one of a batch whose answer was lost when the intake died (matched by messageId);</li>
 * <li>no messageId has two rows (a retried batch stored nothing new);</li>
 * <li>nothing is left PENDING or PROCESSING; nothing is FAILED or SKIPPED (every record sent is valid and in order);</li>
 * <li>each PROCESSED row was applied exactly once: the business tables' TEST-ONLY trigger
 *     ({@code count-business-writes.sql}) logs one row per write with the writing transaction, and a row
 *     counts one transaction, a row not processed none;</li>
 * <li>each record's business state is its last accepted version.</li>
 * </ul>
 */
final class StagingAudit {

    /** The figures of one audit; {@link #problems} says what each non-zero one was. */
    static final class Result {
        int sent;
        int accepted;
        int rows;
        int lost;
        int duplicated;
        int wronglyFailed;
        int stranded;
        int mismatched;
        int unreceipted;
        int storedWithoutAnswer;
        final List<String> problems = new ArrayList<>();

        void problem(String kind, String detail) {
            long sameKind = problems.stream().filter(p -> p.startsWith(kind)).count();
            if (sameKind < 5) {
                problems.add(kind + ": " + detail);
            }
        }
    }

    private record Row(UUID receiptId, String iface, String externalId, String messageId, String status,
                       String error, int attempts, int writes) {
    }

    /** Installs the TEST-ONLY write counter on the business tables. */
    static void installWriteCounter(Connection c) throws SQLException {
        try (InputStream in = StagingAudit.class.getResourceAsStream("/faults/count-business-writes.sql");
             Statement s = c.createStatement()) {
            s.execute(new String(Objects.requireNonNull(in, "count-business-writes.sql").readAllBytes(),
                    StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Result audit(Connection c, Ledger ledger, String prefix) throws SQLException {
        Result r = new Result();
        List<Ledger.Entry> entries = ledger.entries().stream()
                .filter(e -> e.envelope.messageId().startsWith(prefix + "-")).toList();
        r.sent = entries.size();
        Map<String, List<Row>> rowsByMessage = new HashMap<>();
        Map<UUID, Row> rowsByReceipt = new HashMap<>();
        try (PreparedStatement q = c.prepareStatement("""
                SELECT s.receipt_id, s.interface, s.external_id, s.idempotency_key, s.status, s.error_message,
                       s.attempts,
                       (SELECT count(DISTINCT w.txid) FROM faults_business_write w WHERE w.receipt_id = s.receipt_id) AS writes
                  FROM staging_record s
                 WHERE s.source_system = 'HIS' AND s.idempotency_key LIKE ?""")) {
            q.setString(1, prefix + "-%");
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    Row row = new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getInt(7), rs.getInt(8));
                    rowsByMessage.computeIfAbsent(row.messageId, k -> new ArrayList<>()).add(row);
                    rowsByReceipt.put(row.receiptId, row);
                }
            }
        }
        r.rows = rowsByReceipt.size();

        for (Ledger.Entry e : entries) {
            if (e.receiptId == null) {
                continue;
            }
            r.accepted++;
            Row row = rowsByReceipt.get(e.receiptId);
            if (row == null) {
                r.lost++;
                r.problem("lost", "receipt " + e.receiptId + " (" + e.envelope.messageId() + ") has no staging row");
            } else if (!e.envelope.messageId().equals(row.messageId)) {
                r.lost++;
                r.problem("lost", "receipt " + e.receiptId + " holds " + row.messageId + ", not " + e.envelope.messageId());
            }
        }
        Set<UUID> receipts = ledger.receipts();
        for (Map.Entry<String, List<Row>> m : rowsByMessage.entrySet()) {
            if (m.getValue().size() > 1) {
                r.duplicated += m.getValue().size() - 1;
                r.problem("duplicated", "messageId " + m.getKey() + " has " + m.getValue().size() + " staging rows");
            }
        }
        for (Row row : rowsByReceipt.values()) {
            if (!receipts.contains(row.receiptId)) {
                Ledger.Entry entry = ledger.get(row.messageId);
                if (entry != null && entry.answerLost) {
                    r.storedWithoutAnswer++;
                } else {
                    r.unreceipted++;
                    r.problem("unreceipted", "row " + row.receiptId + " (" + row.messageId + ") is no receipt the partner got");
                }
            }
            switch (row.status) {
                case "PENDING", "PROCESSING" -> {
                    r.stranded++;
                    r.problem("stranded", row.iface + " " + row.externalId + " " + row.receiptId + " still " + row.status
                            + " after " + row.attempts + " attempts" + (row.error == null ? "" : ": " + row.error));
                }
                case "FAILED", "SKIPPED" -> {
                    r.wronglyFailed++;
                    r.problem("wrongly " + row.status, row.iface + " " + row.externalId + " " + row.receiptId
                            + " after " + row.attempts + " attempts: " + row.error);
                }
                default -> {
                }
            }
            int expectedWrites = row.status.equals("PROCESSED") ? 1 : 0;
            if (row.writes > expectedWrites) {
                r.duplicated += row.writes - expectedWrites;
                r.problem("duplicated", row.iface + " " + row.externalId + " " + row.receiptId + " (" + row.status
                        + ") was written to the business table by " + row.writes + " transactions");
            } else if (row.writes < expectedWrites) {
                r.lost++;
                r.problem("lost", row.iface + " " + row.externalId + " " + row.receiptId
                        + " is PROCESSED but no transaction wrote it to the business table");
            }
        }
        compareBusinessState(c, prefix, entries, rowsByMessage, r);
        return r;
    }

    /** The business state each record should have: its last accepted envelope (by sentAt), with its receipt. */
    private record Expected(Envelope last, UUID receipt, Map<String, Object> fields) {
    }

    private static final Map<String, String> QUERIES = Map.of(
            "departments", """
                    SELECT d.external_id, d.name, p.code AS parentCode, d.cost_center AS costCenter, d.active,
                           d.last_receipt_id, d.last_sent_at
                      FROM department d LEFT JOIN department p ON p.id = d.parent_id
                     WHERE d.source_system = 'HIS' AND d.external_id LIKE ?""",
            "employees", """
                    SELECT e.external_id, e.name, d.code AS departmentCode, e.title, e.email, e.active,
                           e.last_receipt_id, e.last_sent_at
                      FROM employee e JOIN department d ON d.id = e.department_id
                     WHERE e.source_system = 'HIS' AND e.external_id LIKE ?""",
            "partners", """
                    SELECT p.external_id, p.name, p.type, p.category_code AS categoryCode, c.code AS parentCode,
                           p.email, p.active, p.last_receipt_id, p.last_sent_at
                      FROM partner p LEFT JOIN partner c ON c.id = p.parent_id
                     WHERE p.source_system = 'HIS' AND p.external_id LIKE ?""");

    private static final Map<String, List<String>> FIELDS = Map.of(
            "departments", List.of("name", "parentCode", "costCenter"),
            "employees", List.of("name", "departmentCode", "title", "email"),
            "partners", List.of("name", "type", "categoryCode", "parentCode", "email"));

    private static void compareBusinessState(Connection c, String prefix, List<Ledger.Entry> entries,
                                             Map<String, List<Row>> rowsByMessage, Result r) throws SQLException {
        // the envelopes that were stored, per record, folded in sentAt order
        Map<String, Map<String, List<Ledger.Entry>>> stored = new LinkedHashMap<>();
        for (Ledger.Entry e : entries) {
            if (rowsByMessage.containsKey(e.envelope.messageId())) {
                stored.computeIfAbsent(e.envelope.iface(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(e.envelope.externalId(), k -> new ArrayList<>()).add(e);
            }
        }
        for (Map.Entry<String, Map<String, List<Ledger.Entry>>> perInterface : stored.entrySet()) {
            String iface = perInterface.getKey();
            Map<String, Expected> expected = new HashMap<>();
            perInterface.getValue().forEach((externalId, versions) -> {
                if (versions.stream().anyMatch(v -> rowsByMessage.get(v.envelope.messageId()).stream()
                        .anyMatch(row -> row.status.equals("PENDING") || row.status.equals("PROCESSING")))) {
                    return; // not finished: counted as stranded, its state is not final yet
                }
                versions.sort(Comparator.comparing(e -> e.envelope.sentAt()));
                Map<String, Object> fields = new HashMap<>();
                boolean active = true;
                for (Ledger.Entry v : versions) {
                    if (v.envelope.operation().equals("DELETE")) {
                        active = false;
                    } else {
                        fields = new HashMap<>(v.envelope.data());
                        active = !Boolean.FALSE.equals(v.envelope.data().get("active"));
                    }
                }
                fields.put("active", active);
                Ledger.Entry last = versions.get(versions.size() - 1);
                expected.put(externalId, new Expected(last.envelope,
                        rowsByMessage.get(last.envelope.messageId()).get(0).receiptId, fields));
            });
            Map<String, Map<String, Object>> actual = new HashMap<>();
            try (PreparedStatement q = c.prepareStatement(QUERIES.get(iface))) {
                q.setString(1, prefix + "-%");
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        Map<String, Object> values = new HashMap<>();
                        for (String field : FIELDS.get(iface)) {
                            values.put(field, rs.getString(field));
                        }
                        values.put("active", rs.getBoolean("active"));
                        values.put("receipt", rs.getObject("last_receipt_id", UUID.class));
                        values.put("sentAt", rs.getObject("last_sent_at", java.time.OffsetDateTime.class).toInstant());
                        actual.put(rs.getString("external_id"), values);
                    }
                }
            }
            for (Map.Entry<String, Expected> e : expected.entrySet()) {
                Map<String, Object> is = actual.get(e.getKey());
                Expected should = e.getValue();
                if (is == null) {
                    r.lost++;
                    r.problem("lost", iface + " " + e.getKey() + " is not in the business table");
                    continue;
                }
                List<String> differences = new ArrayList<>();
                for (String field : FIELDS.get(iface)) {
                    Object want = should.fields.get(field);
                    if (!Objects.equals(want == null ? null : String.valueOf(want), is.get(field))) {
                        differences.add(field + " " + is.get(field) + " instead of " + want);
                    }
                }
                if (!should.fields.get("active").equals(is.get("active"))) {
                    differences.add("active " + is.get("active") + " instead of " + should.fields.get("active"));
                }
                if (!should.receipt.equals(is.get("receipt"))) {
                    differences.add("last receipt " + is.get("receipt") + " instead of " + should.receipt);
                }
                if (!should.last.sentAt().equals((Instant) is.get("sentAt"))) {
                    differences.add("last sentAt " + is.get("sentAt") + " instead of " + should.last.sentAt());
                }
                if (!differences.isEmpty()) {
                    r.mismatched++;
                    r.problem("mismatched", iface + " " + e.getKey() + ": " + String.join(", ", differences));
                }
            }
        }
    }
}

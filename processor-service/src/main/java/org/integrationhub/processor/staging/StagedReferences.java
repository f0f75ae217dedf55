package org.integrationhub.processor.staging;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.integrationhub.common.model.ErrorClass;
import org.integrationhub.common.model.RecordStatus;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What became of a referenced record that is not (or not yet) in the business tables: if the same source
 * system sent it and it is still open in staging, the referencing row waits; if it failed, the referencing
 * row fails too, naming it. Records that wait for each other in a circle never resolve: such a row fails,
 * naming the circle.
 */
@ApplicationScoped
public class StagedReferences {

    /**
     * The staged row that decides a missing reference: an open one first (the referencing row waits),
     * else the newest failed one. Only open and failed rows are read (index staging_record_waiting_code_idx),
     * never the processed history.
     */
    static final String LATEST = """
            SELECT receipt_id, status, error_message
              FROM staging_record
             WHERE interface = $1 AND source_system = $2 AND payload ->> 'code' = $3 AND operation <> 'DELETE'
               AND status IN ('PENDING', 'PROCESSING', 'FAILED')
             ORDER BY status <> 'FAILED' DESC, sent_at DESC, received_at DESC
             LIMIT 1""";

    /**
     * Whether the record {@code $4} would wait for itself: follows the reference field {@code $5} from the
     * record {@code $3} it waits for, through open staged rows of the same source whose record is not active in
     * the business table (those would apply, ending the wait), and answers the path if it comes back to $4.
     * Each path visits a code once, so it ends; the walk is bounded by the open rows of that source.
     */
    static final String CYCLE = """
            WITH RECURSIVE chain (code, path) AS (
                SELECT $3::text, ARRAY[$4::text, $3::text]
              UNION
                SELECT s.payload ->> $5, chain.path || (s.payload ->> $5)
                  FROM chain
                  JOIN staging_record s
                    ON s.interface = $1 AND s.source_system = $2 AND s.payload ->> 'code' = chain.code
                   AND s.status IN ('PENDING', 'PROCESSING') AND s.operation <> 'DELETE'
                 WHERE chain.code <> $4
                   AND s.payload ->> $5 IS NOT NULL
                   AND (s.payload ->> $5 = $4 OR NOT (s.payload ->> $5 = ANY (chain.path)))
                   AND NOT EXISTS (SELECT 1 FROM %s t WHERE t.code = chain.code AND t.active AND t.source_system = $2))
            SELECT array_to_string(path, ' -> ') AS path FROM chain WHERE code = $4 LIMIT 1""";

    private final Map<String, String> cycleByTable = new ConcurrentHashMap<>();

    /**
     * How the staged side decides a reference the business table lacks: its newest staged row failed (with
     * that receipt and error), or, with both null, nothing is open or failed in staging.
     */
    public record Verdict(String failedReceiptId, String error) {
        static final Verdict ABSENT = new Verdict(null, null);

        public boolean failed() {
            return failedReceiptId != null;
        }
    }

    /**
     * Fails with {@link WaitException} when the referenced record is still open in staging (or with an
     * {@link ApplyException} when that wait would be circular); else answers what staging says of it.
     *
     * @param selfReference for a reference to the row's own interface (a parent): the business table and the
     *                      field, to find circles; null otherwise
     * @param label         how messages name it: "parent department D-1"
     */
    public Uni<Verdict> decide(SqlConnection conn, ClaimedRow row, String interfaceName, String code, String label,
                               SelfReference selfReference) {
        return conn.preparedQuery(LATEST).execute(Tuple.of(interfaceName, row.sourceSystem(), code)).chain(rows -> {
            if (rows.size() == 0) {
                return Uni.createFrom().item(Verdict.ABSENT);
            }
            Row found = rows.iterator().next();
            String receipt = found.getUUID("receipt_id").toString();
            return switch (RecordStatus.valueOf(found.getString("status"))) {
                case PENDING, PROCESSING -> waitUnlessCircular(conn, row, code, label, receipt, selfReference);
                case FAILED -> Uni.createFrom().item(new Verdict(receipt, found.getString("error_message")));
                default -> Uni.createFrom().item(Verdict.ABSENT);
            };
        });
    }

    /** A reference from an interface to itself: its business table and the field that holds it. */
    public record SelfReference(String table, String field) {
    }

    private Uni<Verdict> waitUnlessCircular(SqlConnection conn, ClaimedRow row, String code, String label,
                                            String receipt, SelfReference self) {
        WaitException wait = new WaitException("waiting for " + label + " (receipt " + receipt + ")");
        String own = row.payload().getString("code");
        if (self == null || own == null) {
            return Uni.createFrom().failure(wait);
        }
        String sql = cycleByTable.computeIfAbsent(self.table(), table -> CYCLE.formatted(table));
        return conn.preparedQuery(sql).execute(Tuple.of(row.interfaceName(), row.sourceSystem(), code, own, self.field()))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw wait;
                    }
                    throw new ApplyException(ErrorClass.REFERENCE, self.field()
                            + " makes a circle among records waiting in staging (" + rows.iterator().next().getString("path")
                            + "); none of them can be applied first. Send one of them without " + self.field() + ", "
                            + "then the others");
                });
    }
}

package org.integrationhub.intake.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.integrationhub.common.model.RecordStatus;
import org.integrationhub.common.registry.InterfaceDefinition;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the hub holds of one partner's records, read set-wise for the partner's sync calls: reconcile (where each
 * of up to 10,000 records stands, in one statement) and the summary (counts by status, the newest applied). The
 * intake only reads business tables, never writes them.
 */
@ApplicationScoped
public class SyncRepository {

    /**
     * Per item ($3 external ids, $4 sentAts, in order): the business record linked to it (its fence, whether it is
     * active, and with $5 the payload it was last applied from) and the staging row of exactly that sentAt, the
     * newest received if it was sent twice. $1 interface, $2 source system; %1$s the interface's business table.
     */
    static final String RECONCILE = """
            SELECT item.n, b.last_sent_at, b.active, CASE WHEN $5 THEN applied.payload END AS applied_payload,
                   sent.receipt_id, sent.status, sent.error_message
              FROM unnest($3::text[], $4::timestamptz[]) WITH ORDINALITY AS item (external_id, sent_at, n)
              LEFT JOIN %1$s b ON b.source_system = $2 AND b.external_id = item.external_id
              LEFT JOIN staging_record applied
                     ON $5 AND applied.interface = $1 AND applied.receipt_id = b.last_receipt_id
              LEFT JOIN LATERAL (
                    SELECT s.receipt_id, s.status, s.error_message
                      FROM staging_record s
                     WHERE s.interface = $1 AND s.source_system = $2 AND s.external_id = item.external_id
                       AND s.sent_at = item.sent_at
                     ORDER BY s.received_at DESC
                     LIMIT 1) sent ON true
             ORDER BY item.n""";

    /** The partner's staging rows of one interface by status. $1 interface, $2 source system. */
    static final String ROWS_BY_STATUS = """
            SELECT status, count(*) AS n FROM staging_record WHERE interface = $1 AND source_system = $2 GROUP BY status""";

    /** The partner's business records of one interface and the newest sentAt applied. %1$s the business table. */
    static final String RECORDS = """
            SELECT count(*) FILTER (WHERE active) AS active, count(*) FILTER (WHERE NOT active) AS archived,
                   max(last_sent_at) AS newest_applied
              FROM %1$s WHERE source_system = $1""";

    private final Map<String, String> reconcile = new ConcurrentHashMap<>();
    private final Map<String, String> records = new ConcurrentHashMap<>();

    @Inject
    Pool pool;

    /** An item as the hub holds it; each part null when the hub has none. */
    public record Held(OffsetDateTime appliedSentAt, Boolean active, JsonObject appliedData, UUID receiptId,
                       RecordStatus status, String errorMessage) {
    }

    /** One item: the record a partner asks about. */
    public record Asked(String externalId, OffsetDateTime sentAt) {
    }

    public Uni<List<Held>> reconcile(InterfaceDefinition d, String sourceSystem, List<Asked> items, boolean withData) {
        String sql = reconcile.computeIfAbsent(d.name(), name -> RECONCILE.formatted(d.businessTable()));
        String[] ids = items.stream().map(Asked::externalId).toArray(String[]::new);
        OffsetDateTime[] sentAts = items.stream().map(Asked::sentAt).toArray(OffsetDateTime[]::new);
        return pool.preparedQuery(sql).execute(Tuple.of(d.name(), sourceSystem, ids, sentAts, withData)).map(rows -> {
            List<Held> held = new ArrayList<>(items.size());
            for (Row row : rows) {
                String status = row.getString("status");
                held.add(new Held(row.getOffsetDateTime("last_sent_at"), row.getBoolean("active"),
                        (JsonObject) row.getValue("applied_payload"), row.getUUID("receipt_id"),
                        status == null ? null : RecordStatus.valueOf(status), row.getString("error_message")));
            }
            return held;
        });
    }

    /** The summary's figures. */
    public record Summary(Map<RecordStatus, Long> rows, long active, long archived, OffsetDateTime newestApplied) {
    }

    public Uni<Summary> summary(InterfaceDefinition d, String sourceSystem) {
        String sql = records.computeIfAbsent(d.name(), name -> RECORDS.formatted(d.businessTable()));
        return pool.preparedQuery(ROWS_BY_STATUS).execute(Tuple.of(d.name(), sourceSystem)).chain(byStatus -> {
            Map<RecordStatus, Long> rows = new EnumMap<>(RecordStatus.class);
            for (RecordStatus status : RecordStatus.values()) {
                rows.put(status, 0L);
            }
            byStatus.forEach(row -> rows.put(RecordStatus.valueOf(row.getString("status")), row.getLong("n")));
            return pool.preparedQuery(sql).execute(Tuple.of(sourceSystem)).map(found -> {
                Row row = found.iterator().next();
                return new Summary(rows, row.getLong("active"), row.getLong("archived"),
                        row.getOffsetDateTime("newest_applied"));
            });
        });
    }
}

package org.integrationhub.processor.admin;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.integrationhub.common.model.RecordStatus;
import org.integrationhub.common.registry.InterfaceRegistry;
import org.integrationhub.processor.business.BusinessReads;
import org.integrationhub.processor.business.ListQuery;
import org.integrationhub.processor.business.Page;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The operator's SQL over staging rows: listing, retrying failed rows, counts. */
@ApplicationScoped
public class StagingAdminRepository {

    /** $1 interface, $2 status, $3 source system, $4 external id; each null for any. */
    static final String FILTER = """
             WHERE ($1::text IS NULL OR interface = $1)
               AND ($2::text IS NULL OR status = $2)
               AND ($3::text IS NULL OR source_system = $3)
               AND ($4::text IS NULL OR external_id = $4)""";

    static final String LIST = "SELECT " + StagingRowView.COLUMNS + " FROM staging_record\n" + FILTER + "\n" + """
             ORDER BY received_at DESC, receipt_id DESC
             LIMIT $5 OFFSET $6""";

    static final String COUNT = "SELECT count(*) FROM staging_record\n" + FILTER;

    static final String FIND = "SELECT " + StagingRowView.COLUMNS + " FROM staging_record WHERE receipt_id = $1";

    /**
     * FAILED rows back to PENDING as new (attempts from 0, error cleared), with a wake-up signal per
     * interface touched, sent when the transaction commits, and the operator's action in the audit log in the
     * same statement. $1 receipt id, or $2..$5 a filter; $6 the operator, $7 the action, $8 its target.
     */
    static final String RETRY = """
            WITH retried AS (
                UPDATE staging_record
                   SET status = 'PENDING', error_class = NULL, error_message = NULL, processed_at = NULL,
                       attempts = 0, next_attempt_at = NULL
                 WHERE status = 'FAILED'
                   AND ($1::uuid IS NULL OR receipt_id = $1)
                   AND ($2::text IS NULL OR interface = $2)
                   AND ($3::text IS NULL OR source_system = $3)
                   AND ($4::text IS NULL OR external_id = $4)
                   AND ($5::text IS NULL OR error_class = $5)
                RETURNING interface),
            signals AS (
                SELECT pg_notify('staging_pending', i) FROM (SELECT DISTINCT interface AS i FROM retried) touched),
            audit AS (
                INSERT INTO operator_action (actor, action, target, detail)
                SELECT $6, $7, $8, jsonb_build_object('filter', jsonb_strip_nulls(jsonb_build_object(
                           'interface', $2::text, 'sourceSystem', $3::text, 'externalId', $4::text,
                           'errorClass', $5::text)), 'count', (SELECT count(*) FROM retried))
                 WHERE EXISTS (SELECT 1 FROM retried) OR $1::uuid IS NULL
                RETURNING id)
            SELECT (SELECT count(*) FROM retried) AS retried, (SELECT count(*) FROM signals) AS signalled,
                   (SELECT count(*) FROM audit) AS audited""";

    /**
     * A SKIPPED row back to PENDING to be applied on purpose although a newer change was applied (the fence
     * moves to its sentAt), audited in the same statement. $1 receipt id, $2 the operator.
     */
    static final String REAPPLY = """
            WITH reapplied AS (
                UPDATE staging_record
                   SET status = 'PENDING', error_class = NULL, error_message = NULL, processed_at = NULL,
                       attempts = 0, next_attempt_at = NULL, reapply = true
                 WHERE status = 'SKIPPED' AND receipt_id = $1
                RETURNING interface, source_system, external_id, sent_at),
            signals AS (
                SELECT pg_notify('staging_pending', interface) FROM reapplied),
            audit AS (
                INSERT INTO operator_action (actor, action, target, detail)
                SELECT $2, 'record.reapply', $1::text, jsonb_build_object('interface', interface,
                       'sourceSystem', source_system, 'externalId', external_id, 'sentAt', sent_at)
                  FROM reapplied
                RETURNING id)
            SELECT (SELECT count(*) FROM reapplied) AS reapplied, (SELECT count(*) FROM signals) AS signalled,
                   (SELECT count(*) FROM audit) AS audited""";

    /** Rows per interface and status, and the oldest pending row's age; one pass over the table. */
    static final String STATS = """
            SELECT interface, status, count(*) AS rows,
                   extract(epoch FROM now() - min(received_at)) AS oldest_seconds
              FROM staging_record
             GROUP BY interface, status
             ORDER BY interface, status""";

    /** The retry's filter; every part optional. */
    public record RetryFilter(String interfaceName, String sourceSystem, String externalId, String errorClass) {
    }

    @Inject
    Pool pool;

    public Uni<Page<StagingRowView>> list(String interfaceName, String status, String sourceSystem, String externalId,
                                          ListQuery page) {
        return BusinessReads.page(pool, LIST, COUNT, Arrays.asList(interfaceName, status, sourceSystem, externalId),
                page, StagingRowView::of);
    }

    public Uni<StagingRowView> find(UUID receiptId) {
        return pool.preparedQuery(FIND).execute(Tuple.of(receiptId))
                .map(rows -> rows.size() == 0 ? null : StagingRowView.of(rows.iterator().next()));
    }

    /** Answers how many FAILED rows went back to PENDING; the action is audited as {@code actor}'s. */
    public Uni<Long> retry(UUID receiptId, RetryFilter filter, String actor) {
        return pool.preparedQuery(RETRY).execute(Tuple.from(Arrays.asList(receiptId, filter.interfaceName(),
                        filter.sourceSystem(), filter.externalId(), filter.errorClass(), actor,
                        receiptId == null ? "records.retry" : "record.retry",
                        receiptId == null ? null : receiptId.toString())))
                .map(rows -> rows.iterator().next().getLong("retried"));
    }

    /** Answers whether the SKIPPED row went back to PENDING to be re-applied; audited as {@code actor}'s. */
    public Uni<Boolean> reapply(UUID receiptId, String actor) {
        return pool.preparedQuery(REAPPLY).execute(Tuple.of(receiptId, actor))
                .map(rows -> rows.iterator().next().getLong("reapplied") == 1);
    }

    /** interface -> status -> rows, and interface -> age in seconds of its oldest PENDING row. */
    public Uni<Stats> stats() {
        return pool.query(STATS).execute().map(rows -> {
            Map<String, InterfaceStats> byInterface = new LinkedHashMap<>();
            for (var definition : InterfaceRegistry.all()) {
                byInterface.put(definition.name(), new InterfaceStats(definition.name(), new LinkedHashMap<>(), null));
            }
            for (Row row : rows) {
                InterfaceStats s = byInterface.computeIfAbsent(row.getString("interface"),
                        name -> new InterfaceStats(name, new LinkedHashMap<>(), null));
                s.rows().put(row.getString("status"), row.getLong("rows"));
                if (RecordStatus.PENDING.name().equals(row.getString("status"))) {
                    byInterface.put(s.interfaceName(), new InterfaceStats(s.interfaceName(), s.rows(),
                            row.getDouble("oldest_seconds")));
                }
            }
            return new Stats(List.copyOf(byInterface.values()));
        });
    }
}

package org.integrationhub.intake.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.integrationhub.common.model.RecordStatus;
import org.integrationhub.common.staging.Receipt;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A source system's outcomes in the order they were decided (V9__outcome_feed.sql): by the id of the transaction
 * that decided each, then receipt id, and only outcomes of transactions older than every one still running, so
 * that no outcome can later commit behind a position already read.
 */
@ApplicationScoped
public class OutcomeFeedRepository {

    /** The statuses the index of failures holds (staging_record_outcome_failed_idx). */
    static final Set<RecordStatus> FAILURES = Set.of(RecordStatus.FAILED, RecordStatus.SKIPPED);

    /** $1 source system, $2/$3 the position after which to read, $4 interfaces or null, $5 statuses or null, $6 limit. */
    static final String PAGE = """
            SELECT receipt_id, interface, source_system, external_id, operation, sent_at, received_at, status,
                   error_message, attempts, processed_at, outcome_xid::text AS decided_by
              FROM staging_record
             WHERE source_system = $1 AND %s
               AND (outcome_xid, receipt_id) > ($2::text::xid8, $3::uuid)
               AND outcome_xid < pg_snapshot_xmin(pg_current_snapshot())
               AND ($4::text[] IS NULL OR interface = ANY ($4))
               AND ($5::text[] IS NULL OR status = ANY ($5))
             ORDER BY outcome_xid, receipt_id
             LIMIT $6""";
    /** Every outcome (index staging_record_outcome_idx). */
    public static final String ALL = PAGE.formatted("outcome_xid IS NOT NULL");
    /** Failures only (index staging_record_outcome_failed_idx, which holds no processed row). */
    public static final String FAILED = PAGE.formatted("status IN ('FAILED', 'SKIPPED')");

    @Inject
    Pool pool;

    /** A position in the feed: after the outcome of {@code receiptId} decided by transaction {@code xid}. */
    public record Position(long xid, UUID receiptId) {
        public static final Position START = new Position(0, new UUID(0, 0));
    }

    /** An outcome and its position. */
    public record Outcome(Receipt receipt, Position position) {
    }

    /** Up to {@code limit} outcomes after {@code after}; {@code statuses} and {@code interfaces} empty mean all. */
    public Uni<List<Outcome>> page(String sourceSystem, Position after, Set<RecordStatus> statuses,
                                   List<String> interfaces, int limit) {
        String sql = !statuses.isEmpty() && FAILURES.containsAll(statuses) ? FAILED : ALL;
        String[] wanted = statuses.isEmpty() ? null : statuses.stream().map(Enum::name).toArray(String[]::new);
        return pool.preparedQuery(sql).execute(Tuple.from(new Object[]{sourceSystem, Long.toUnsignedString(after.xid()),
                        after.receiptId(), interfaces.isEmpty() ? null : interfaces.toArray(String[]::new), wanted, limit}))
                .map(rows -> {
                    List<Outcome> page = new ArrayList<>(limit);
                    for (Row row : rows) {
                        page.add(new Outcome(StagingWriteRepository.receipt(row),
                                new Position(Long.parseUnsignedLong(row.getString("decided_by")), row.getUUID("receipt_id"))));
                    }
                    return page;
                });
    }
}

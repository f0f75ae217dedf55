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
import java.util.stream.Collectors;

/**
 * A source system's outcomes in the order they were decided (V9__outcome_feed.sql): by the id of the transaction
 * that decided each, then receipt id, and only outcomes of transactions older than every one still running, so
 * that no outcome can later commit behind a position already read.
 */
@ApplicationScoped
public class OutcomeFeedRepository {

    /** The statuses the index of failures holds (staging_record_outcome_failed_idx). */
    static final Set<RecordStatus> FAILURES = Set.of(RecordStatus.FAILED, RecordStatus.SKIPPED);

    /**
     * $1 source system, $2/$3 the position after which to read, $4 interfaces (or null: all), $5 statuses (or null:
     * all), $6 limit. The horizon (the oldest running transaction) comes with the page, from the same snapshot:
     * one row with only the horizon when the page is empty.
     */
    static final String PAGE = """
            WITH horizon AS MATERIALIZED (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin)
            SELECT h.xmin::text AS horizon, o.*
              FROM horizon h
              LEFT JOIN LATERAL (
                    SELECT receipt_id, interface, source_system, external_id, operation, sent_at, received_at, status,
                           error_message, attempts, processed_at, trace_parent, outcome_xid::text AS decided_by
                      FROM staging_record
                     WHERE source_system = $1 AND %s
                       AND (outcome_xid, receipt_id) > ($2::text::xid8, $3::uuid)
                       AND outcome_xid < h.xmin
                       AND %s
                       AND ($5::text[] IS NULL OR status = ANY ($5))
                     ORDER BY outcome_xid, receipt_id
                     LIMIT $6) o ON true
             ORDER BY o.decided_by::xid8, o.receipt_id""";
    /** Every outcome (index staging_record_outcome_idx), of every interface. */
    public static final String ALL = PAGE.formatted("outcome_xid IS NOT NULL", "$4::text[] IS NULL");
    /** Failures only (index staging_record_outcome_failed_idx, which holds no processed row). */
    public static final String FAILED = PAGE.formatted("status IN ('FAILED', 'SKIPPED')", "$4::text[] IS NULL");

    /**
     * The statement for outcomes of some interfaces only: their names (declared names, checked against the
     * registry before they get here) are written into it, so the planner prunes the other interfaces' partitions,
     * which it cannot do for a parameter's array. One statement per set of interfaces, a handful in all.
     */
    public static String of(List<String> interfaces, boolean failures) {
        String names = interfaces.stream().sorted().distinct().map(name -> "'" + name.replace("'", "''") + "'")
                .collect(Collectors.joining(", "));
        return PAGE.formatted(failures ? "status IN ('FAILED', 'SKIPPED')" : "outcome_xid IS NOT NULL",
                "$4::text[] IS NOT NULL AND interface IN (" + names + ")");
    }

    @Inject
    Pool pool;

    /** A position in the feed: after the outcome of {@code receiptId} decided by transaction {@code xid}. */
    public record Position(long xid, UUID receiptId) {
        public static final Position START = new Position(0, new UUID(0, 0));

        /** After every outcome of transactions older than {@code xid}. */
        static Position before(long xid) {
            return new Position(xid - 1, new UUID(-1L, -1L));
        }
    }

    /** An outcome and its position. */
    public record Outcome(Receipt receipt, Position position) {
    }

    /**
     * A page of outcomes and the feed's horizon: every outcome of a transaction older than it was considered, so
     * a reader that got them all may move on to {@link Position#before(long) before} it.
     */
    public record Page(List<Outcome> outcomes, long horizon) {

        /** Where to read on from: after the last outcome, or, when the page took all there was, up to the horizon. */
        public Position next(Position after, boolean complete) {
            if (!complete) {
                return outcomes.get(outcomes.size() - 1).position();
            }
            Position caughtUp = Position.before(horizon);
            return Long.compareUnsigned(caughtUp.xid(), after.xid()) > 0 ? caughtUp
                    : outcomes.isEmpty() ? after : outcomes.get(outcomes.size() - 1).position();
        }
    }

    /** Up to {@code limit} outcomes after {@code after}; {@code statuses} and {@code interfaces} empty mean all. */
    public Uni<Page> page(String sourceSystem, Position after, Set<RecordStatus> statuses, List<String> interfaces,
                          int limit) {
        boolean failures = !statuses.isEmpty() && FAILURES.containsAll(statuses);
        String sql = interfaces.isEmpty() ? (failures ? FAILED : ALL) : of(interfaces, failures);
        String[] wanted = statuses.isEmpty() ? null : statuses.stream().map(Enum::name).toArray(String[]::new);
        return pool.preparedQuery(sql).execute(Tuple.from(new Object[]{sourceSystem, Long.toUnsignedString(after.xid()),
                        after.receiptId(), interfaces.isEmpty() ? null : interfaces.toArray(String[]::new), wanted, limit}))
                .map(rows -> {
                    List<Outcome> outcomes = new ArrayList<>(limit);
                    long horizon = 0;
                    for (Row row : rows) {
                        horizon = Long.parseUnsignedLong(row.getString("horizon"));
                        if (row.getUUID("receipt_id") != null) {
                            outcomes.add(new Outcome(StagingWriteRepository.receipt(row), new Position(
                                    Long.parseUnsignedLong(row.getString("decided_by")), row.getUUID("receipt_id"))));
                        }
                    }
                    return new Page(outcomes, horizon);
                });
    }
}

package org.integrationhub.processor.staging;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.integrationhub.common.model.ErrorClass;
import org.integrationhub.common.model.Operation;
import org.integrationhub.common.model.RecordStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The staging rows' life cycle SQL: claim with a lease, finish with an outcome, recover expired leases.
 * Every status change after the claim is guarded by the lease ({@code claimed_by}), so a worker whose
 * lease was taken over cannot write an outcome, and its transaction rolls its business change back.
 */
@ApplicationScoped
public class StagingClaimRepository {

    /**
     * One statement claims a batch; SKIP LOCKED lets concurrent workers take disjoint batches. A row is
     * claimable when its backoff is over and no older row of the same record is still open (pending or being
     * processed), so the rows of one record apply one at a time, in sentAt order, on any number of workers.
     *
     * <p>Its cost must not depend on the planner's statistics: right after a bulk load they say a partition
     * is nearly empty, and a per-row NOT EXISTS probe then ran as a nested loop scanning every open row for
     * every candidate (29 s for one claim). So it reads a bounded window of the oldest due rows ($6), keeps
     * the first of each record in that window (a record's older due rows are always in the window, which is a
     * prefix in sent order), and drops records that have a row being processed or waiting out a backoff (a
     * small set read once). Every step is linear in the window or in the open rows, whatever the plan.
     *
     * <p>That small set is read as a UNION of two plain index scans over the partial indexes, not as one OR:
     * every row passes through PROCESSING, so until vacuum the processing index holds an entry for each row
     * drained since; an OR became a bitmap scan that visited all of their heap pages on every claim (2.5 ms
     * with 30,000 such entries, growing with them), while a plain index scan marks dead entries as it meets
     * them and skips them from then on (0.24 ms).
     */
    static final String CLAIM = """
            WITH due AS MATERIALIZED (
                SELECT receipt_id, source_system, external_id, sent_at, received_at,
                       row_number() OVER (PARTITION BY source_system, external_id
                                          ORDER BY sent_at, received_at, receipt_id) AS nth
                  FROM (SELECT receipt_id, source_system, external_id, sent_at, received_at
                          FROM staging_record
                         WHERE interface = $1 AND status = 'PENDING'
                           AND (next_attempt_at IS NULL OR next_attempt_at <= $5)
                         ORDER BY sent_at, received_at, receipt_id
                         LIMIT $6) oldest),
            blocked AS MATERIALIZED (
                SELECT source_system, external_id FROM staging_record
                 WHERE interface = $1 AND status = 'PROCESSING'
                UNION
                SELECT source_system, external_id FROM staging_record
                 WHERE interface = $1 AND status = 'PENDING' AND next_attempt_at > $5),
            claimable AS (
                SELECT p.receipt_id
                  FROM staging_record p
                 WHERE p.interface = $1 AND p.status = 'PENDING'
                   AND p.receipt_id = ANY (ARRAY(
                       SELECT due.receipt_id FROM due
                        WHERE due.nth = 1
                          AND NOT EXISTS (SELECT 1 FROM blocked b
                                           WHERE b.source_system = due.source_system
                                             AND b.external_id = due.external_id)))
                 ORDER BY p.sent_at, p.received_at, p.receipt_id
                 LIMIT $3
                   FOR UPDATE SKIP LOCKED)
            UPDATE staging_record s
               SET status = 'PROCESSING', attempts = s.attempts + 1, claimed_by = $2, lease_until = $4,
                   next_attempt_at = NULL
              FROM claimable
             WHERE s.interface = $1 AND s.receipt_id = claimable.receipt_id
            RETURNING s.receipt_id, s.interface, s.source_system, s.external_id, s.operation, s.sent_at,
                      s.received_at, s.payload, s.attempts, s.reapply, s.trace_parent, s.correlation_id""";

    /** How many of the oldest due rows a claim looks at per row it may take: room for rows others hold. */
    static final int WINDOW_PER_ROW = 5;

    /**
     * The outcome, in the same transaction as the business change; matches only while we hold the lease.
     *
     * <p>The outcome writes guard on the lease ({@code claimed_by}) and not on {@code status = 'PROCESSING'}
     * as well: the constraint staging_record_claim_ck makes the two the same, and without the status the
     * index of rows being processed cannot serve them, so they always go by the primary key. With it, plans
     * made while statistics said nothing was being processed scanned that index, which holds an entry for
     * every row drained since the last vacuum, for every row: a drain over a large history slowed to half.
     */
    static final String FINISH = """
            UPDATE staging_record
               SET status = $4, error_message = $5, error_class = NULL, processed_at = $6,
                   claimed_by = NULL, lease_until = NULL
             WHERE interface = $1 AND receipt_id = $2 AND claimed_by = $3""";

    /**
     * A failure: FAILED with its error, or back to PENDING until {@code $8} for another attempt; the attempt goes
     * to the row's history (staging_attempt) in the same statement. Its row count is the row's (0 without the lease).
     */
    static final String FAIL = """
            WITH failed AS (
                UPDATE staging_record
                   SET status = $4, error_class = $5, error_message = $6,
                       processed_at = CASE WHEN $4 = 'FAILED' THEN $7::timestamptz END,
                       next_attempt_at = $8, claimed_by = NULL, lease_until = NULL
                 WHERE interface = $1 AND receipt_id = $2 AND claimed_by = $3
                RETURNING receipt_id, interface)
            INSERT INTO staging_attempt (receipt_id, interface, at, worker, outcome, error_class, error_message)
            SELECT receipt_id, interface, $7, $3, CASE WHEN $4 = 'FAILED' THEN 'FAILED' ELSE 'RETRY' END, $5, $6
              FROM failed""";

    /**
     * Waiting for a referenced record still in staging: back to PENDING until $4, the attempt not counted. The
     * first wait for each reason goes to the row's history; a long wait does not write one entry per look.
     */
    static final String WAIT = """
            WITH waiting AS (
                UPDATE staging_record
                   SET status = 'PENDING', error_message = $5, next_attempt_at = $4, attempts = greatest(attempts - 1, 0),
                       claimed_by = NULL, lease_until = NULL
                 WHERE interface = $1 AND receipt_id = $2 AND claimed_by = $3
                RETURNING receipt_id, interface),
            noted AS (
                INSERT INTO staging_attempt (receipt_id, interface, worker, outcome, error_message)
                SELECT w.receipt_id, w.interface, $3, 'WAIT', $5 FROM waiting w
                 WHERE NOT EXISTS (SELECT 1 FROM staging_attempt a
                                    WHERE a.receipt_id = w.receipt_id AND a.interface = w.interface
                                      AND a.outcome = 'WAIT' AND a.error_message IS NOT DISTINCT FROM $5))
            SELECT count(*) AS waited FROM waiting""";

    /**
     * A live worker extends the leases of the rows it is applying ($3); rows it claimed but lost track of
     * (their transaction died with a connection) keep their old lease, so {@link #RELEASE_ORPHANS} finds them.
     */
    static final String HEARTBEAT = """
            UPDATE staging_record SET lease_until = $2
             WHERE status = 'PROCESSING' AND claimed_by = $1 AND receipt_id = ANY ($3)""";

    /** This instance is alive: its row in processor_worker, beaten every heartbeat interval. */
    static final String BEAT = """
            INSERT INTO processor_worker (worker_id, heartbeat_at) VALUES ($1, $2)
            ON CONFLICT (worker_id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at, stopping = false""";

    /**
     * Instances whose heartbeat is older than $1 are dead (killed, or cut off from the database): they are
     * struck off and every row they held goes back to PENDING at once, the attempt not counted.
     */
    static final String RECOVER_DEAD = """
            WITH dead AS (
                DELETE FROM processor_worker WHERE heartbeat_at < $1 RETURNING worker_id)
            UPDATE staging_record s
               SET status = 'PENDING', claimed_by = NULL, lease_until = NULL, attempts = greatest(s.attempts - 1, 0)
              FROM dead
             WHERE s.status = 'PROCESSING' AND s.claimed_by = dead.worker_id
            RETURNING s.claimed_by""";

    /**
     * Rows this live worker holds but is not applying ($3), claimed before $2 (so not a claim whose answer is
     * still on its way): their transaction died with its connection, so they go back to PENDING.
     */
    static final String RELEASE_ORPHANS = """
            UPDATE staging_record
               SET status = 'PENDING', claimed_by = NULL, lease_until = NULL, attempts = greatest(attempts - 1, 0)
             WHERE status = 'PROCESSING' AND claimed_by = $1 AND lease_until < $2 AND NOT (receipt_id = ANY ($3))""";

    /** A stopping instance leaves the table, so no one mistakes it for a dead one holding rows. */
    static final String DEREGISTER = "DELETE FROM processor_worker WHERE worker_id = $1";

    /** Rows whose worker died (its lease ran out) go back to PENDING; the attempt is counted already. */
    static final String RECOVER_EXPIRED = """
            UPDATE staging_record
               SET status = 'PENDING', claimed_by = NULL, lease_until = NULL
             WHERE status = 'PROCESSING' AND lease_until < $1""";

    /** On shutdown: hand back what this worker still holds, without counting the attempt. */
    static final String RELEASE = """
            UPDATE staging_record
               SET status = 'PENDING', claimed_by = NULL, lease_until = NULL, attempts = greatest(attempts - 1, 0)
             WHERE status = 'PROCESSING' AND claimed_by = $1""";

    /**
     * Group commit (one transaction for several rows): each row runs inside the savepoint {@code hub_row}, so a row
     * that fails rolls back to it and leaves the rows before it in place. Opening a row's savepoint releases the
     * previous row's in the same round trip; the group's COMMIT releases the last. Simple protocol: two statements
     * in one message.
     */
    static final String FIRST_ROW = "SAVEPOINT hub_row";
    static final String NEXT_ROW = "RELEASE SAVEPOINT hub_row; SAVEPOINT hub_row";
    static final String UNDO_ROW = "ROLLBACK TO SAVEPOINT hub_row";

    @Inject
    Pool pool;
    @Inject
    Clock clock;

    public Uni<List<ClaimedRow>> claim(String interfaceName, String workerId, int batchSize, Duration lease) {
        OffsetDateTime now = now();
        return pool.preparedQuery(CLAIM)
                .execute(Tuple.of(interfaceName, workerId, batchSize, now.plus(lease), now, batchSize * WINDOW_PER_ROW))
                .map(rows -> {
                    List<ClaimedRow> claimed = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        claimed.add(row(row));
                    }
                    // RETURNING has no order: apply in the order the partner sent them
                    claimed.sort(Comparator.comparing(ClaimedRow::sentAt).thenComparing(ClaimedRow::receivedAt));
                    return claimed;
                });
    }

    /** Writes the outcome on {@code conn}; fails (rolling the transaction back) if the lease was lost. */
    public Uni<Void> finish(SqlConnection conn, ClaimedRow row, String workerId, ApplyOutcome outcome) {
        return conn.preparedQuery(FINISH)
                .execute(Tuple.from(Arrays.asList(row.interfaceName(), row.receiptId(), workerId,
                        outcome.status().name(), outcome.message(), now())))
                .invoke(result -> requireLease(result.rowCount(), row))
                .replaceWithVoid();
    }

    /**
     * Writes a failure on {@code client}: the pool, in a statement of its own, or the connection of a group's
     * transaction. Answers whether the lease was still held.
     *
     * @param retryAfter for PENDING: how long until the next attempt
     */
    public Uni<Boolean> fail(SqlClient client, ClaimedRow row, String workerId, RecordStatus status,
                             ErrorClass errorClass, String message, Duration retryAfter) {
        OffsetDateTime now = now();
        return client.preparedQuery(FAIL)
                .execute(Tuple.from(Arrays.asList(row.interfaceName(), row.receiptId(), workerId, status.name(),
                        errorClass.name(), message, now, status == RecordStatus.PENDING ? now.plus(retryAfter) : null)))
                .map(result -> result.rowCount() == 1);
    }

    /** Sends the row back to wait for a staged reference, on {@code client} (as {@link #fail}). */
    public Uni<Boolean> waitFor(SqlClient client, ClaimedRow row, String workerId, String reason, Duration delay) {
        return client.preparedQuery(WAIT)
                .execute(Tuple.of(row.interfaceName(), row.receiptId(), workerId, now().plus(delay), reason))
                .map(result -> result.iterator().next().getLong("waited") == 1);
    }

    /** Opens a row's savepoint in a group's transaction, releasing the previous row's unless it is the first. */
    public Uni<Void> beginRow(SqlConnection conn, boolean first) {
        return conn.query(first ? FIRST_ROW : NEXT_ROW).execute().replaceWithVoid();
    }

    /** Undoes everything since the row's savepoint; the group's transaction goes on. */
    public Uni<Void> undoRow(SqlConnection conn) {
        return conn.query(UNDO_ROW).execute().replaceWithVoid();
    }

    /** Extends the leases of {@code receiptIds}, the rows the worker is applying. */
    public Uni<Integer> heartbeat(String workerId, Duration lease, UUID[] receiptIds) {
        return pool.preparedQuery(HEARTBEAT).execute(Tuple.of(workerId, now().plus(lease), receiptIds))
                .map(r -> r.rowCount());
    }

    /** Records that {@code workerId} is alive now. */
    public Uni<Void> beat(String workerId) {
        return pool.preparedQuery(BEAT).execute(Tuple.of(workerId, now())).replaceWithVoid();
    }

    /** Strikes off workers silent for {@code staleAfter} and puts their rows back; answers the rows. */
    public Uni<Integer> recoverDead(Duration staleAfter) {
        return pool.preparedQuery(RECOVER_DEAD).execute(Tuple.of(now().minus(staleAfter))).map(r -> r.rowCount());
    }

    /**
     * Puts back the rows {@code workerId} holds but is not applying ({@code inFlight} are), claimed more than
     * {@code settle} ago; answers how many.
     */
    public Uni<Integer> releaseOrphans(String workerId, Duration lease, Duration settle, UUID[] inFlight) {
        return pool.preparedQuery(RELEASE_ORPHANS)
                .execute(Tuple.of(workerId, now().plus(lease).minus(settle), inFlight)).map(r -> r.rowCount());
    }

    public Uni<Void> deregister(String workerId) {
        return pool.preparedQuery(DEREGISTER).execute(Tuple.of(workerId)).replaceWithVoid();
    }

    public Uni<Integer> recoverExpired() {
        return pool.preparedQuery(RECOVER_EXPIRED).execute(Tuple.of(now())).map(r -> r.rowCount());
    }

    public Uni<Integer> release(String workerId) {
        return pool.preparedQuery(RELEASE).execute(Tuple.of(workerId)).map(r -> r.rowCount());
    }

    private static void requireLease(int updated, ClaimedRow row) {
        if (updated != 1) {
            throw new LeaseLostException(row.receiptId());
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    static ClaimedRow row(Row row) {
        Object payload = row.getValue("payload");
        return new ClaimedRow(row.getUUID("receipt_id"), row.getString("interface"), row.getString("source_system"),
                row.getString("external_id"), Operation.valueOf(row.getString("operation")),
                row.getOffsetDateTime("sent_at"), row.getOffsetDateTime("received_at"),
                payload instanceof JsonObject json ? json : new JsonObject(), row.getInteger("attempts"),
                row.getBoolean("reapply"), row.getString("trace_parent"), row.getString("correlation_id"));
    }

    /** This worker no longer holds the row; whatever it did is rolled back. */
    public static class LeaseLostException extends RuntimeException {
        public LeaseLostException(UUID receiptId) {
            super("lease on " + receiptId + " was lost before its outcome was written", null, false, false);
        }
    }
}

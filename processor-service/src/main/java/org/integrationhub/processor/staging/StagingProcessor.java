package org.integrationhub.processor.staging;

import io.opentelemetry.api.trace.Span;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.integrationhub.common.model.ErrorClass;
import org.integrationhub.common.model.RecordStatus;
import org.integrationhub.common.model.Transactions;
import org.integrationhub.common.registry.InterfaceRegistry;
import org.integrationhub.processor.config.ProcessorConfig;
import org.integrationhub.processor.config.WorkerIdentity;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drains an interface's pending rows: claims them in batches and applies them, one outcome per row. A failing row
 * is marked and never undoes or blocks the others. The {@code staging.process} job runs it.
 *
 * <p>How rows commit is the commit size's choice ({@code commitSize} in a job's args, else
 * {@code hub.processor.commit-size}):
 * <ul>
 * <li>{@code 1}: each row in a transaction of its own; a failure is written in another.</li>
 * <li>more (group commit): up to that many rows of a batch in one transaction, each inside a savepoint. A row that
 *     fails rolls back to its savepoint and its failure (or its wait) is written in the same transaction; the rows
 *     before it stay. The group commits once, when it is full, when it has been open for
 *     {@code hub.processor.commit-window}, or when the batch ends; only then are its outcomes counted and traced.
 *     A group whose transaction breaks (a lost connection, a failed COMMIT) has written nothing: its rows, still
 *     claimed, are applied again one per transaction, where the lease guard on each outcome keeps every row's
 *     change to one.</li>
 * </ul>
 */
@ApplicationScoped
public class StagingProcessor {

    private static final Logger LOG = Logger.getLogger(StagingProcessor.class);
    /** The largest batch a drain takes. */
    public static final int MAX_BATCH_SIZE = 1000;
    /** How long a group whose transaction broke waits before its rows are applied again one by one. */
    static final long REGROUP_PAUSE_MS = 50;

    @Inject
    Pool pool;
    @Inject
    StagingClaimRepository claims;
    @Inject
    ProcessorConfig config;
    @Inject
    Clock clock;
    @Inject
    WorkerIdentity identity;
    @Inject
    org.integrationhub.processor.metrics.ProcessingMetrics metrics;

    @Inject
    RecordApplier applier;
    @Inject
    io.vertx.mutiny.core.Vertx vertx;
    @Inject
    RowTracing tracing;

    private String workerId;
    /** Rows this instance has claimed and not yet finished: the only ones it renews, never orphans. */
    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
    /** Set when the instance stops: no new claims, and the rest of a claimed batch is handed back. */
    private final AtomicBoolean stopping = new AtomicBoolean();
    /**
     * Claims sent and not yet answered: their rows are in no one's {@link #inFlight} yet, so a stop waits for
     * them too, or it would hand back before they land and leave them claimed by a worker that is gone.
     */
    private final AtomicInteger claiming = new AtomicInteger();

    @Inject
    void init() {
        workerId = identity.id();
    }

    public String workerId() {
        return workerId;
    }

    /** Drains {@code interfaceName} in batches of the configured default size and commit size. */
    public Uni<Integer> drain(String interfaceName) {
        return drain(interfaceName, config.defaultBatchSize(), config.commitSize());
    }

    /** Drains {@code interfaceName} in batches of {@code batchSize}, at the configured commit size. */
    public Uni<Integer> drain(String interfaceName, int batchSize) {
        return drain(interfaceName, batchSize, config.commitSize());
    }

    /**
     * Claims and applies batches of {@code batchSize} rows of {@code interfaceName}, committing {@code commitSize}
     * rows at a time, until a claim finds nothing or the run budget is spent; answers the rows handled.
     */
    public Uni<Integer> drain(String interfaceName, int batchSize, int commitSize) {
        if (InterfaceRegistry.find(interfaceName).isEmpty()) {
            return Uni.createFrom().failure(new IllegalArgumentException("no interface " + interfaceName));
        }
        Instant deadline = clock.instant().plus(config.runBudget());
        return Multi.createBy().repeating().uni(() -> processBatch(interfaceName, batchSize, workerId, commitSize))
                // until a claim finds nothing: the next row of a record becomes claimable once the one before is done
                .whilst(handled -> handled > 0 && clock.instant().isBefore(deadline))
                .collect().with(java.util.stream.Collectors.summingInt(Integer::intValue));
    }

    /** Claims one batch as this instance's worker and applies it; answers the number of rows claimed. */
    public Uni<Integer> processBatch(String interfaceName, int batchSize) {
        return processBatch(interfaceName, batchSize, workerId);
    }

    /**
     * Claims one batch for {@code worker} and applies it row by row, renewing the batch's leases while it
     * works; answers the number of rows claimed. Several workers may run this at once.
     */
    public Uni<Integer> processBatch(String interfaceName, int batchSize, String worker) {
        return processBatch(interfaceName, batchSize, worker, config.commitSize());
    }

    /** As {@link #processBatch(String, int, String)}, committing {@code commitSize} rows at a time. */
    public Uni<Integer> processBatch(String interfaceName, int batchSize, String worker, int commitSize) {
        return Uni.createFrom().deferred(() -> {
            // counted before the check: a stop either sees this claim or is seen by it (onStop sets, then reads)
            claiming.incrementAndGet();
            if (stopping.get()) {
                claiming.decrementAndGet();
                return Uni.createFrom().item(0);
            }
            return claims.claim(interfaceName, worker, batchSize, config.leaseDuration())
                    .invoke(rows -> rows.forEach(row -> inFlight.add(row.receiptId())))
                    .eventually(claiming::decrementAndGet)
                    .chain(rows -> applyClaimed(interfaceName, worker, rows, commitSize));
        });
    }

    private Uni<Integer> applyClaimed(String interfaceName, String worker, List<ClaimedRow> rows, int commitSize) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Span batch = tracing.batch(interfaceName, worker, rows.size());
        return (commitSize > 1 ? applyInGroups(rows, worker, batch, commitSize) : applyEach(rows, worker, batch))
                .eventually(() -> {
                    rows.forEach(row -> inFlight.remove(row.receiptId()));
                    batch.end();
                })
                .replaceWith(rows.size());
    }

    /** Each row in a transaction of its own (commit size 1). */
    private Uni<Void> applyEach(List<ClaimedRow> rows, String worker, Span batch) {
        long[] lastBeat = {System.nanoTime()};
        long beatEvery = config.leaseDuration().toNanos() / 3;
        UUID[] ids = rows.stream().map(ClaimedRow::receiptId).toArray(UUID[]::new);
        return Multi.createFrom().iterable(rows)
                // a stopping instance finishes the row at hand and hands the rest back (see onStop)
                .onItem().transformToUniAndConcatenate(row -> stopping.get() ? Uni.createFrom().voidItem()
                        : applyOne(row, worker, batch).chain(() -> {
                            if (System.nanoTime() - lastBeat[0] < beatEvery) {
                                return Uni.createFrom().voidItem();
                            }
                            lastBeat[0] = System.nanoTime();
                            return claims.heartbeat(worker, config.leaseDuration(), ids).replaceWithVoid();
                        }))
                .collect().last()
                .replaceWithVoid();
    }

    /** A row's outcome in a group not yet committed: counted and traced once the group commits. */
    private record Decided(ClaimedRow row, Span span, String outcome, long started) {
    }

    /** Group commit: the batch's rows in consecutive groups of up to {@code commitSize}, one transaction each. */
    private Uni<Void> applyInGroups(List<ClaimedRow> rows, String worker, Span batch, int commitSize) {
        int[] next = {0};
        long[] lastBeat = {System.nanoTime()};
        long beatEvery = config.leaseDuration().toNanos() / 3;
        return Multi.createBy().repeating()
                .uni(() -> applyGroup(rows.subList(next[0], Math.min(rows.size(), next[0] + commitSize)), worker, batch)
                        .invoke(taken -> next[0] += taken)
                        .call(() -> {
                            // between groups, never inside one: the group's own locks would hold the renewal up
                            if (next[0] >= rows.size() || System.nanoTime() - lastBeat[0] < beatEvery) {
                                return Uni.createFrom().voidItem();
                            }
                            lastBeat[0] = System.nanoTime();
                            UUID[] rest = rows.subList(next[0], rows.size()).stream().map(ClaimedRow::receiptId)
                                    .toArray(UUID[]::new);
                            return claims.heartbeat(worker, config.leaseDuration(), rest).replaceWithVoid();
                        }))
                // a group takes nothing once the instance is stopping: the rest is handed back (see onStop)
                .whilst(taken -> taken > 0 && next[0] < rows.size())
                .collect().last()
                .replaceWithVoid();
    }

    /**
     * Applies the first rows of {@code group} in one transaction, each inside a savepoint, until the group is full,
     * its commit window has passed, or the instance is stopping; commits; answers how many rows it took. When the
     * transaction breaks, those rows are applied again one per transaction.
     */
    private Uni<Integer> applyGroup(List<ClaimedRow> group, String worker, Span batch) {
        long closesAt = System.nanoTime() + config.commitWindow().toNanos();
        List<Decided> decided = new ArrayList<>(group.size());
        int[] taken = {0};
        return Transactions.runWithSavepoints(pool, conn -> Multi.createFrom().iterable(group)
                        .onItem().transformToUniAndConcatenate(row -> {
                            if (stopping.get() || taken[0] > 0 && System.nanoTime() - closesAt > 0) {
                                return Uni.createFrom().<Decided>nullItem(); // left for the next group
                            }
                            return applyInSavepoint(conn, row, worker, batch, taken[0]++ == 0).invoke(decided::add);
                        })
                        .collect().last())
                .invoke(() -> {
                    decided.forEach(d -> done(d.row(), d.span(), d.outcome(), d.started()));
                    if (taken[0] > 0) {
                        metrics.groupCommitted();
                    }
                })
                .replaceWith(() -> taken[0])
                .onFailure().recoverWithUni(failure -> {
                    metrics.groupRetriedRowByRow();
                    List<ClaimedRow> again = group.subList(0, taken[0]);
                    LOG.warnf("%s: a group of %d rows rolled back (%s); applying them one per transaction", worker,
                            again.size(), failure.getMessage());
                    decided.forEach(d -> RowTracing.end(d.span(), "ROLLED_BACK"));
                    // a moment first: a connection the database dropped goes back to the pool before the pool
                    // learns that it is closed, and the first row would be handed the dead one
                    return Uni.createFrom().emitter(paused -> vertx.setTimer(REGROUP_PAUSE_MS, id -> paused.complete(null)))
                            .chain(() -> applyEach(again, worker, batch)).replaceWith(again.size());
                });
    }

    /**
     * One row of a group: apply and outcome inside the row's savepoint; on failure, back to the savepoint and the
     * failure written in its place. Fails only when the transaction itself is broken.
     */
    private Uni<Decided> applyInSavepoint(SqlConnection conn, ClaimedRow row, String worker, Span batch, boolean first) {
        long started = System.nanoTime();
        Span span = tracing.apply(batch, row);
        // the savepoint and the row's first statement go out together (the connection pipelines them, in order):
        // the savepoint costs no round trip of its own
        return Uni.combine().all().unis(claims.beginRow(conn, first),
                        Uni.createFrom().deferred(() -> applier.apply(conn, row)
                                .call(outcome -> claims.finish(conn, row, worker, outcome))))
                .collectFailures().asTuple()
                .map(begun -> new Decided(row, span, begun.getItem2().status().name(), started))
                .onFailure().recoverWithUni(failure -> claims.undoRow(conn)
                        .chain(() -> recordFailure(conn, row, worker, failure))
                        .replaceWith(() -> new Decided(row, span, outcomeOf(failure, row), started)))
                .onFailure().invoke(broken -> RowTracing.end(span, "ROLLED_BACK"));
    }

    /** The rows this instance is applying now. */
    public UUID[] inFlight() {
        return inFlight.toArray(UUID[]::new);
    }

    /** Whether the instance is stopping (and claims nothing more). */
    public boolean stopping() {
        return stopping.get();
    }

    Uni<Void> applyOne(ClaimedRow row) {
        return applyOne(row, workerId);
    }

    Uni<Void> applyOne(ClaimedRow row, String worker) {
        return applyOne(row, worker, Span.getInvalid());
    }

    Uni<Void> applyOne(ClaimedRow row, String worker, Span batch) {
        long started = System.nanoTime();
        Span span = tracing.apply(batch, row);
        return Transactions.run(pool, conn -> applier.apply(conn, row)
                        .call(outcome -> claims.finish(conn, row, worker, outcome)))
                .invoke(outcome -> done(row, span, outcome.status().name(), started))
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> recordFailure(pool, row, worker, failure)
                        .invoke(() -> done(row, span, outcomeOf(failure, row), started)));
    }

    private void done(ClaimedRow row, Span span, String outcome, long started) {
        metrics.row(row.interfaceName(), outcome, System.nanoTime() - started);
        RowTracing.end(span, outcome);
    }

    private String outcomeOf(Throwable failure, ClaimedRow row) {
        if (failure instanceof WaitException) {
            return "WAITING";
        }
        if (failure instanceof StagingClaimRepository.LeaseLostException) {
            return "LEASE_LOST";
        }
        FailureClassifier.Classified classified = FailureClassifier.classify(failure);
        return classified.errorClass().retryable() && row.attempts() < config.maxAttempts() ? "RETRIED" : RecordStatus.FAILED.name();
    }

    /** Writes the row's failure (or its wait) on {@code client}: the pool, or a group's connection. */
    private Uni<Void> recordFailure(SqlClient client, ClaimedRow row, String worker, Throwable failure) {
        if (failure instanceof StagingClaimRepository.LeaseLostException) {
            RowTracing.logging(row, () -> LOG.warnf("%s: %s", worker, failure.getMessage()));
            return Uni.createFrom().voidItem();
        }
        if (failure instanceof WaitException wait) {
            return claims.waitFor(client, row, worker, wait.getMessage(), config.referenceWait()).replaceWithVoid();
        }
        FailureClassifier.Classified classified = FailureClassifier.classify(failure);
        if (classified.errorClass() == ErrorClass.INTERNAL) {
            RowTracing.logging(row, () -> LOG.errorf(failure, "receipt %s (%s) failed unexpectedly", row.receiptId(),
                    row.interfaceName()));
        }
        boolean retry = classified.errorClass().retryable() && row.attempts() < config.maxAttempts();
        RecordStatus status = retry ? RecordStatus.PENDING : RecordStatus.FAILED;
        String message = retry ? classified.message() + " (attempt " + row.attempts() + " of " + config.maxAttempts()
                + ", retrying)" : classified.message();
        return claims.fail(client, row, worker, status, classified.errorClass(), message, backoff(row.attempts()))
                .invoke(written -> {
                    if (!written) {
                        RowTracing.logging(row, () -> LOG.warnf(
                                "receipt %s: lease lost before its failure was written", row.receiptId()));
                    }
                })
                .replaceWithVoid();
    }

    /** Exponential backoff with full jitter between half and the whole delay: base * 2^(attempt-1), capped. */
    Duration backoff(int attempt) {
        long base = config.retryBase().toMillis();
        long capped = Math.min(config.retryMax().toMillis(), base << Math.min(20, Math.max(0, attempt - 1)));
        return Duration.ofMillis(capped / 2 + java.util.concurrent.ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    /**
     * A graceful stop, in order: claim nothing more; let the claims on their way land and the row at hand
     * finish (each batch hands back the rest); wait up to {@code stop-grace} for that; then hand back whatever
     * this instance still holds and leave the worker table, so another replica picks the rows up at once. The
     * pool closes after this.
     */
    void onStop(@Observes ShutdownEvent event) {
        stopping.set(true);
        long deadline = System.nanoTime() + config.stopGrace().toNanos();
        while ((claiming.get() > 0 || !inFlight.isEmpty()) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        try {
            Integer released = claims.release(workerId).call(() -> claims.deregister(workerId))
                    .await().atMost(Duration.ofSeconds(5));
            LOG.infof("%s stopped; %d claimed rows handed back", workerId, released);
        } catch (RuntimeException e) {
            LOG.warnf("%s stopped without handing back its rows (they return when its heartbeat goes stale): %s",
                    workerId, e.getMessage());
        }
    }
}

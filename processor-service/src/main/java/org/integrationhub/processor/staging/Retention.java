package org.integrationhub.processor.staging;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.stream.Collectors;
import org.integrationhub.common.model.RecordStatus;

/**
 * Deletes processed and skipped rows older than {@code processedDays} and failed ones older than
 * {@code failedDays}, with the run history and stored batch answers past their time, {@code batchSize} rows
 * per statement so that no statement holds many locks or bloats a transaction. The {@code staging.retention}
 * job runs it.
 */
@ApplicationScoped
public class Retention {

    /** How long each kind of history is kept, and the rows per DELETE. */
    public record Periods(int processedDays, int failedDays, int runDays, int batchSize) {
    }

    /** One bounded batch of finished rows older than $2 (index staging_record_finished_idx). */
    static final String DELETE_BATCH = """
            DELETE FROM staging_record s
             USING (SELECT interface, receipt_id FROM staging_record
                     WHERE status = ANY ($1) AND processed_at < $2
                     ORDER BY processed_at
                     LIMIT $3) old
             WHERE s.interface = old.interface AND s.receipt_id = old.receipt_id""";

    /** Job runs older than the run history kept (every drain is one, woken ones included). */
    static final String DELETE_RUNS = """
            DELETE FROM job_run WHERE id IN (
                SELECT id FROM job_run WHERE started_at < $1 ORDER BY started_at LIMIT $2)""";

    /** Stored batch answers: an Idempotency-Key replays for as long as processed rows are kept. */
    static final String DELETE_BATCH_ANSWERS = """
            DELETE FROM batch_request WHERE (interface, source_system, idempotency_key) IN (
                SELECT interface, source_system, idempotency_key FROM batch_request
                 WHERE received_at < $1 ORDER BY received_at LIMIT $2)""";

    @Inject
    Pool pool;
    @Inject
    Clock clock;

    /** Answers the staging rows deleted. */
    public Uni<Integer> purge(Periods periods) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        int batchSize = periods.batchSize();
        return purge(new String[] {RecordStatus.PROCESSED.name(), RecordStatus.SKIPPED.name()}, now.minusDays(periods.processedDays()), batchSize)
                .chain(done -> purge(new String[] {RecordStatus.FAILED.name()}, now.minusDays(periods.failedDays()), batchSize)
                        .map(failed -> done + failed))
                .call(() -> bounded(DELETE_RUNS, now.minusDays(periods.runDays()), batchSize))
                .call(() -> bounded(DELETE_BATCH_ANSWERS, now.minusDays(periods.processedDays()), batchSize));
    }

    /** Repeats a bounded DELETE of rows older than {@code before} until a batch comes back short. */
    private Uni<Integer> bounded(String sql, OffsetDateTime before, int batchSize) {
        return Multi.createBy().repeating()
                .uni(() -> pool.preparedQuery(sql).execute(Tuple.of(before, batchSize)).map(result -> result.rowCount()))
                .whilst(deleted -> deleted == batchSize)
                .collect().with(Collectors.summingInt(Integer::intValue));
    }

    private Uni<Integer> purge(String[] statuses, OffsetDateTime before, int batchSize) {
        return Multi.createBy().repeating()
                .uni(() -> pool.preparedQuery(DELETE_BATCH).execute(Tuple.of(statuses, before, batchSize))
                        .map(result -> result.rowCount()))
                .whilst(deleted -> deleted == batchSize)
                .collect().with(Collectors.summingInt(Integer::intValue));
    }
}

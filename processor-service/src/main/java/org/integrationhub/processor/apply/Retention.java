package org.integrationhub.processor.apply;

import com.fasterxml.jackson.databind.JsonNode;
import org.integrationhub.common.problem.FieldError;
import org.integrationhub.processor.job.JobArgs;
import java.util.List;
import java.util.Set;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.integrationhub.processor.job.JobTarget;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.stream.Collectors;

/**
 * The {@code staging.retention} job target: deletes processed and skipped rows older than
 * {@code processedDays} and failed ones older than {@code failedDays}, {@code batchSize} rows per statement
 * so that no statement holds many locks or bloats a transaction.
 */
@ApplicationScoped
public class Retention implements JobTarget {

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

    @Override
    public String name() {
        return "staging.retention";
    }

    @Override
    public void checkArgs(JsonNode args, List<FieldError> errors) {
        JobArgs.only(args,
                Set.of("processedDays", "failedDays", "runDays", "batchSize"), errors);
        for (String days : List.of("processedDays", "failedDays", "runDays")) {
            JobArgs.integer(args, days, 1, 3650, false, errors);
        }
        JobArgs.integer(args, "batchSize", 1, 100_000, false, errors);
    }

    @Override
    public Uni<Integer> run(JsonObject args) {
        int processedDays = args.getInteger("processedDays", 30);
        int failedDays = args.getInteger("failedDays", 180);
        int batchSize = args.getInteger("batchSize", 5000);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        int runDays = args.getInteger("runDays", 14);
        return purge(new String[] {"PROCESSED", "SKIPPED"}, now.minusDays(processedDays), batchSize)
                .chain(done -> purge(new String[] {"FAILED"}, now.minusDays(failedDays), batchSize)
                        .map(failed -> done + failed))
                .call(() -> bounded(DELETE_RUNS, now.minusDays(runDays), batchSize))
                .call(() -> bounded(DELETE_BATCH_ANSWERS, now.minusDays(processedDays), batchSize));
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

package org.integrationhub.processor.job;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The schedule table's SQL: claiming due runs across replicas and recording how they went. */
@ApplicationScoped
public class JobScheduleRepository {

    /** Due jobs, locked so that a replica claiming at the same moment skips them. */
    static final String LOCK_DUE = """
            SELECT name, target, args, interval_number, interval_type, priority, next_run, remaining_runs
              FROM scheduled_job
             WHERE enabled AND remaining_runs <> 0 AND next_run <= $1
             ORDER BY priority, next_run, name
               FOR UPDATE SKIP LOCKED""";

    /** Takes this run off the schedule: the next run, one run fewer, disabled when none remain. */
    static final String ADVANCE = """
            UPDATE scheduled_job
               SET next_run = $2,
                   remaining_runs = CASE WHEN remaining_runs > 0 THEN remaining_runs - 1 ELSE remaining_runs END,
                   enabled = enabled AND remaining_runs <> 1,
                   last_started_at = $3,
                   updated_at = $3
             WHERE name = $1""";

    static final String RECORD_OUTCOME = """
            UPDATE scheduled_job
               SET last_finished_at = $2, last_outcome = $3, last_rows = $4, last_error = $5
             WHERE name = $1""";

    @Inject
    Pool pool;
    @Inject
    Clock clock;

    /**
     * Claims every due run in one transaction: each due job's next run is moved on before anyone runs
     * it, so one due run happens once however many processors tick at the same moment.
     */
    public Uni<List<ScheduledJob>> claimDue() {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return pool.withTransaction(conn -> conn.preparedQuery(LOCK_DUE).execute(Tuple.of(now))
                .chain(rows -> {
                    List<ScheduledJob> due = new ArrayList<>();
                    for (Row row : rows) {
                        due.add(job(row));
                    }
                    return advanceAll(conn, due, now).replaceWith(due);
                }));
    }

    private Uni<Void> advanceAll(SqlConnection conn, List<ScheduledJob> due, OffsetDateTime now) {
        if (due.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> batch = new ArrayList<>();
        for (ScheduledJob job : due) {
            OffsetDateTime next = Schedule.nextRun(job.nextRun(), job.intervalNumber(), job.intervalType(),
                    now.toInstant());
            batch.add(Tuple.of(job.name(), next, now));
        }
        return conn.preparedQuery(ADVANCE).executeBatch(batch).replaceWithVoid();
    }

    public Uni<Void> recordOutcome(String name, boolean succeeded, Integer rows, String error) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return pool.preparedQuery(RECORD_OUTCOME)
                .execute(Tuple.from(Arrays.asList(name, now, succeeded ? "SUCCEEDED" : "FAILED", rows, error)))
                .replaceWithVoid();
    }

    static ScheduledJob job(Row row) {
        Object args = row.getValue("args");
        return new ScheduledJob(row.getString("name"), row.getString("target"),
                args instanceof JsonObject json ? json : new JsonObject(),
                row.getInteger("interval_number"), IntervalType.fromWire(row.getString("interval_type")),
                row.getInteger("priority"), row.getOffsetDateTime("next_run"), row.getInteger("remaining_runs"));
    }
}

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

    /** A job as a new release brings it; never overwrites the row an operator may have changed. */
    static final String ENSURE = """
            INSERT INTO scheduled_job (name, description, target, args, interval_number, interval_type, priority)
            VALUES ($1, $2, $3, $4, $5, 'seconds', $6)
            ON CONFLICT (name) DO NOTHING""";

    static final String START_RUN = """
            INSERT INTO job_run (job_name, worker, trigger, started_at) VALUES ($1, $2, $3, $4)
            RETURNING id""";

    /** The run's end, and the job's last outcome with it. */
    static final String FINISH_RUN = """
            WITH run AS (
                UPDATE job_run SET finished_at = $2, rows = $3, outcome = $4, error = $5
                 WHERE id = $1
                RETURNING job_name, started_at)
            UPDATE scheduled_job j
               SET last_started_at = run.started_at, last_finished_at = $2, last_rows = $3, last_outcome = $4,
                   last_error = $5
              FROM run
             WHERE j.name = run.job_name""";

    static final String JOB_COLUMNS = """
            name, description, target, args, interval_number, interval_type, priority, next_run, remaining_runs,
            enabled, last_started_at, last_finished_at, last_outcome, last_rows, last_error""";

    static final String LIST = "SELECT " + JOB_COLUMNS + " FROM scheduled_job ORDER BY priority, name";

    static final String FIND = "SELECT " + JOB_COLUMNS + " FROM scheduled_job WHERE name = $1";

    /** An operator's change; a null leaves the column as it is. */
    static final String PATCH = """
            UPDATE scheduled_job
               SET enabled = coalesce($2, enabled),
                   interval_number = coalesce($3, interval_number),
                   interval_type = coalesce($4, interval_type),
                   priority = coalesce($5, priority),
                   remaining_runs = coalesce($6, remaining_runs),
                   args = coalesce($7, args),
                   next_run = coalesce($8, next_run),
                   updated_at = now()
             WHERE name = $1
            RETURNING\s""" + JOB_COLUMNS;

    static final String RUNS = """
            SELECT id, job_name, worker, trigger, started_at, finished_at, rows, outcome, error
              FROM job_run WHERE job_name = $1
             ORDER BY started_at DESC, id DESC
             LIMIT $2""";

    static final String RUN = """
            SELECT id, job_name, worker, trigger, started_at, finished_at, rows, outcome, error
              FROM job_run WHERE id = $1""";

    @Inject
    Pool pool;
    @Inject
    Clock clock;

    /** The due jobs, locked on {@code conn}'s transaction so that a replica claiming at the same moment skips them. */
    public Uni<List<ScheduledJob>> lockDue(SqlConnection conn, OffsetDateTime now) {
        return conn.preparedQuery(LOCK_DUE).execute(Tuple.of(now)).map(rows -> {
            List<ScheduledJob> due = new ArrayList<>();
            for (Row row : rows) {
                due.add(job(row));
            }
            return due;
        });
    }

    /** Ensures the job {@code name} exists, as given, unless it does already (an operator's changes stay). */
    public Uni<Boolean> ensure(String name, String description, String target, JsonObject args, int intervalSeconds,
                               int priority) {
        return pool.preparedQuery(ENSURE).execute(Tuple.of(name, description, target, args, intervalSeconds, priority))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Takes each due run off the schedule on {@code conn}'s transaction: its next run, one run fewer. */
    public Uni<Void> advanceAll(SqlConnection conn, List<ScheduledJob> due, OffsetDateTime now) {
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

    public Uni<Long> startRun(String name, String worker, String trigger) {
        return pool.preparedQuery(START_RUN).execute(Tuple.of(name, worker, trigger, now()))
                .map(rows -> rows.iterator().next().getLong("id"));
    }

    public Uni<Void> finishRun(long runId, boolean succeeded, Integer rows, String error) {
        return pool.preparedQuery(FINISH_RUN)
                .execute(Tuple.from(Arrays.asList(runId, now(), rows, succeeded ? "SUCCEEDED" : "FAILED", error)))
                .replaceWithVoid();
    }

    public Uni<List<JobView>> list() {
        return pool.query(LIST).execute().map(JobScheduleRepository::views);
    }

    public Uni<JobView> find(String name) {
        return pool.preparedQuery(FIND).execute(Tuple.of(name))
                .map(rows -> rows.size() == 0 ? null : view(rows.iterator().next()));
    }

    /** Applies an operator's change; null when there is no such job. */
    public Uni<JobView> patch(String name, Boolean enabled, Integer intervalNumber, String intervalType,
                              Integer priority, Integer remainingRuns, JsonObject args, OffsetDateTime nextRun) {
        return pool.preparedQuery(PATCH)
                .execute(Tuple.from(Arrays.asList(name, enabled, intervalNumber, intervalType, priority, remainingRuns,
                        args, nextRun)))
                .map(rows -> rows.size() == 0 ? null : view(rows.iterator().next()));
    }

    public Uni<List<JobRun>> runs(String name, int limit) {
        return pool.preparedQuery(RUNS).execute(Tuple.of(name, limit)).map(rows -> {
            List<JobRun> runs = new ArrayList<>();
            for (Row row : rows) {
                runs.add(run(row));
            }
            return runs;
        });
    }

    public Uni<JobRun> findRun(long id) {
        return pool.preparedQuery(RUN).execute(Tuple.of(id)).map(rows -> run(rows.iterator().next()));
    }

    private static JobRun run(Row row) {
        return new JobRun(row.getLong("id"), row.getString("job_name"), row.getString("worker"),
                row.getString("trigger"), row.getOffsetDateTime("started_at"), row.getOffsetDateTime("finished_at"),
                row.getInteger("rows"), row.getString("outcome"), row.getString("error"));
    }

    private static List<JobView> views(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        List<JobView> views = new ArrayList<>();
        for (Row row : rows) {
            views.add(view(row));
        }
        return views;
    }

    static JobView view(Row row) {
        return new JobView(row.getString("name"), row.getString("description"), row.getString("target"),
                JobView.map(row.getValue("args")), row.getInteger("interval_number"), row.getString("interval_type"),
                row.getInteger("priority"), row.getOffsetDateTime("next_run"), row.getInteger("remaining_runs"),
                row.getBoolean("enabled"), row.getOffsetDateTime("last_started_at"),
                row.getOffsetDateTime("last_finished_at"), row.getString("last_outcome"), row.getInteger("last_rows"),
                row.getString("last_error"));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    static ScheduledJob job(Row row) {
        Object args = row.getValue("args");
        return new ScheduledJob(row.getString("name"), row.getString("target"),
                args instanceof JsonObject json ? json : new JsonObject(),
                row.getInteger("interval_number"), IntervalType.fromWire(row.getString("interval_type")),
                row.getInteger("priority"), row.getOffsetDateTime("next_run"), row.getInteger("remaining_runs"));
    }
}

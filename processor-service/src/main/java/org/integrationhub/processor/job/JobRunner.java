package org.integrationhub.processor.job;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import io.vertx.mutiny.sqlclient.Pool;
import org.integrationhub.common.model.Transactions;
import org.integrationhub.processor.config.WorkerIdentity;
import org.integrationhub.processor.metrics.ProcessingMetrics;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The processor's heartbeat: every tick it claims the due runs from the schedule table and runs them in
 * priority order. The tick only looks; what runs and when is data an operator can change.
 */
@ApplicationScoped
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class);

    @Inject
    JobScheduleRepository schedule;
    @Inject
    Pool pool;
    @Inject
    Clock clock;
    @Inject
    WorkerIdentity identity;
    @Inject
    ProcessingMetrics metrics;

    private final Map<String, JobTarget> targets = new HashMap<>();

    @Inject
    void register(Instance<JobTarget> all) {
        for (JobTarget target : all) {
            targets.put(target.name(), target);
        }
    }

    @Inject
    org.integrationhub.common.model.DatabaseOutage outage;

    @Scheduled(every = "${hub.scheduler.tick:1s}", delayed = "${hub.scheduler.initial-delay:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "job-runner")
    Uni<Void> tick() {
        return runDue().replaceWithVoid().onFailure().recoverWithUni(failure -> {
            if (!outage.absorbs(failure, "claiming due jobs")) {
                LOG.errorf(failure, "claiming due jobs failed");
            }
            return Uni.createFrom().voidItem();
        });
    }

    /** The target a job's {@code target} column names, or null. */
    public JobTarget target(String name) {
        return targets.get(name);
    }

    /** Claims and runs every due job; answers how many ran. */
    public Uni<Integer> runDue() {
        return claimDue().chain(due -> Multi.createFrom().iterable(due)
                .onItem().transformToUniAndConcatenate(job -> run(job.name(), job.target(), job.args(), "SCHEDULE"))
                .collect().asList()
                .map(List::size));
    }

    /**
     * Claims every due run in one transaction: each due job's next run is moved on before anyone runs it, so
     * one due run happens once however many processors tick at the same moment.
     */
    Uni<List<ScheduledJob>> claimDue() {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return Transactions.run(pool, conn -> schedule.lockDue(conn, now)
                .call(due -> schedule.advanceAll(conn, due, now)));
    }

    /** Runs a job now on this instance, outside its schedule (which it leaves as it is); null if no such job. */
    public Uni<JobRun> runNow(String name) {
        return schedule.find(name).chain(job -> job == null ? Uni.createFrom().nullItem()
                : run(job.name(), job.target(), new io.vertx.core.json.JsonObject(job.args()), "MANUAL")
                        .chain(schedule::findRun));
    }

    /**
     * Runs one job's target and records the run; answers the run's id. A failing target is recorded, not thrown.
     *
     * @param trigger SCHEDULE, MANUAL (an operator's run now) or SIGNAL (new rows woke it)
     */
    Uni<Long> run(String name, String targetName, io.vertx.core.json.JsonObject args, String trigger) {
        return schedule.startRun(name, identity.id(), trigger).chain(runId -> {
            JobTarget target = targets.get(targetName);
            if (target == null) {
                LOG.errorf("job %s names unknown target %s", name, targetName);
                return schedule.finishRun(runId, false, null, "unknown target " + targetName).replaceWith(runId);
            }
            long started = System.nanoTime();
            return target.run(args)
                    .chain(rows -> {
                        metrics.jobRun(name, true, System.nanoTime() - started);
                        return schedule.finishRun(runId, true, rows, null);
                    })
                    .onFailure().recoverWithUni(failure -> {
                        if (!outage.absorbs(failure, "job " + name)) {
                            LOG.errorf(failure, "job %s failed", name);
                        }
                        metrics.jobRun(name, false, System.nanoTime() - started);
                        return schedule.finishRun(runId, false, null, String.valueOf(failure.getMessage()))
                                // the database went away mid-run: the run stays open in the history, quietly
                                .onFailure(f -> outage.absorbs(f, "recording job " + name)).recoverWithNull();
                    })
                    .replaceWith(runId);
        });
    }
}

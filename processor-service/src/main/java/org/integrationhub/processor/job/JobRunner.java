package org.integrationhub.processor.job;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.HashMap;
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

    private final Map<String, JobTarget> targets = new HashMap<>();

    @Inject
    void register(Instance<JobTarget> all) {
        for (JobTarget target : all) {
            targets.put(target.name(), target);
        }
    }

    @Scheduled(every = "${hub.scheduler.tick:1s}", delayed = "${hub.scheduler.initial-delay:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "job-runner")
    Uni<Void> tick() {
        return runDue().replaceWithVoid();
    }

    /** Claims and runs every due job; answers how many ran. */
    public Uni<Integer> runDue() {
        return schedule.claimDue().chain(due -> Multi.createFrom().iterable(due)
                .onItem().transformToUniAndConcatenate(this::run)
                .collect().asList()
                .map(java.util.List::size));
    }

    Uni<Void> run(ScheduledJob job) {
        JobTarget target = targets.get(job.target());
        if (target == null) {
            LOG.errorf("job %s names unknown target %s", job.name(), job.target());
            return schedule.recordOutcome(job.name(), false, null, "unknown target " + job.target());
        }
        return target.run(job.args())
                .chain(rows -> schedule.recordOutcome(job.name(), true, rows, null))
                .onFailure().recoverWithUni(failure -> {
                    LOG.errorf(failure, "job %s failed", job.name());
                    return schedule.recordOutcome(job.name(), false, null, String.valueOf(failure.getMessage()));
                });
    }
}

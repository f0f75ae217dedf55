package org.integrationhub.processor.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.integrationhub.common.problem.ErrorCode;
import org.integrationhub.common.problem.FieldError;
import org.integrationhub.common.validation.InstantRange;
import org.integrationhub.processor.job.IntervalType;
import org.integrationhub.processor.job.JobRun;
import org.integrationhub.processor.job.JobRunner;
import org.integrationhub.processor.job.JobScheduleRepository;
import org.integrationhub.processor.job.JobTarget;
import org.integrationhub.processor.job.JobView;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An operator's changes to the schedule table, from the API or the console: a job's fields changed under the
 * rules that depend on the job and the clock, and a run now; each audited as the operator's.
 */
@ApplicationScoped
public class JobChanges {

    @Inject
    JobScheduleRepository schedule;
    @Inject
    JobRunner runner;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    ObjectMapper mapper;

    /**
     * Applies {@code change} to the job {@code name} and answers it as changed. {@code errors} holds what was
     * found wrong in the input already; with any, or with any of the rules here broken, it fails with a 400
     * problem naming every field (a 404 for no such job).
     */
    public Uni<JobView> change(String name, JobChange change, String actor, List<FieldError> errors) {
        OffsetDateTime nextRun = nextRun(change.nextRun(), errors);
        JsonBody.rejectIfAny(errors);
        Integer intervalNumber = change.intervalNumberValue();
        String intervalType = change.intervalType();
        JsonNode args = change.args();
        return schedule.find(name).onItem().ifNull().failWith(() -> JobResource.noSuchJob(name)).chain(job -> {
            // the interval and the args are judged whole: what the job will run with after this change
            IntervalType type = IntervalType.fromWire(intervalType != null ? intervalType : job.intervalType());
            int number = intervalNumber != null ? intervalNumber : job.intervalNumber();
            if (type.approximately(number).compareTo(JobResource.MAX_INTERVAL) > 0) {
                errors.add(new FieldError(intervalNumber != null ? "intervalNumber" : "intervalType",
                        ErrorCode.INVALID_VALUE, "the interval (" + number + " " + type.wire()
                        + ") must be at most a year, so the job's next run stays a real date"));
            }
            JobTarget target = runner.target(job.target());
            if (args != null && target != null) {
                target.checkArgs(args, errors);
            }
            JsonBody.rejectIfAny(errors);
            return schedule.patch(name, change.enabled(), intervalNumber, intervalType, change.priorityValue(),
                            change.remainingRunsValue(), args == null ? null : new JsonObject(args.toString()), nextRun)
                    .call(after -> after == null ? Uni.createFrom().voidItem()
                            : audit.record(actor, "job.change", name, new JsonObject()
                                    .put("before", json(job)).put("after", json(after))));
        }).onItem().ifNull().failWith(() -> JobResource.noSuchJob(name));
    }

    /** Runs the job once now, on this instance; answers the finished run. The schedule stays as it is. */
    public Uni<JobRun> runNow(String name, String actor) {
        return runner.runNow(name).onItem().ifNull().failWith(() -> JobResource.noSuchJob(name))
                .call(run -> audit.record(actor, "job.run", name,
                        new JsonObject().put("runId", run.id()).put("rows", run.rows()).put("outcome", run.outcome())));
    }

    /** nextRun: an instant from 2000 to a year from now, to the microsecond, so it reads back as sent. */
    private OffsetDateTime nextRun(OffsetDateTime nextRun, List<FieldError> errors) {
        if (nextRun == null) {
            return null;
        }
        String fault = new InstantRange(JobResource.EARLIEST_NEXT_RUN, clock.instant().plus(JobResource.MAX_INTERVAL))
                .fault(nextRun);
        if (fault != null) {
            errors.add(new FieldError("nextRun", ErrorCode.INVALID_VALUE, "nextRun " + fault));
            return null;
        }
        return nextRun;
    }

    private JsonObject json(JobView job) {
        try {
            return new JsonObject(mapper.writeValueAsString(job));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode job " + job.name(), e);
        }
    }
}

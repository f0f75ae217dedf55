package org.integrationhub.processor.admin;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.integrationhub.common.problem.FieldError;
import org.integrationhub.common.problem.Problem;
import org.integrationhub.common.problem.ProblemException;
import org.integrationhub.processor.job.JobRun;
import org.integrationhub.processor.job.JobScheduleRepository;
import org.integrationhub.processor.job.JobView;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The schedule table for operators: list the jobs, change them, run one now, read its recent runs. */
@Path("/api/v1/admin/jobs")
@Tag(name = "Jobs", description = "The schedule table (ir.actuator.scheduler)")
@SecurityRequirement(name = "apiKey")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class JobResource {

    /** The longest interval between runs (and the furthest next run): a year. */
    static final String JOB_NAME = "The job's name, as GET /api/v1/admin/jobs lists them: process_<interface> for "
            + "each interface, recover_expired_leases, purge_old_staging_rows";
    public static final int MAX_INTERVAL_SECONDS = 366 * 24 * 60 * 60;
    static final Duration MAX_INTERVAL = Duration.ofSeconds(MAX_INTERVAL_SECONDS);
    public static final int MAX_PRIORITY = 10_000;
    public static final int MAX_REMAINING_RUNS = 1_000_000;
    static final Instant EARLIEST_NEXT_RUN = Instant.parse("2000-01-01T00:00:00Z");

    @Inject
    JobScheduleRepository schedule;
    @Inject
    JobChanges jobs;
    @Inject
    org.integrationhub.common.security.CallerContext callerContext;
    @Inject
    OperatorInput input;

    @GET
    @Operation(operationId = "listJobs", summary = "List the jobs", description = "Every job of the schedule table in priority order, with its "
            + "interval, next run, remaining runs, args and how its last run went.")
    @APIResponse(responseCode = "200", description = "The jobs", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = JobView.class)))
    public Uni<List<JobView>> list() {
        return schedule.list();
    }

    @GET
    @Path("/{name}")
    @Operation(operationId = "getJob", summary = "Read a job", description = "One job of the schedule table.")
    @APIResponse(responseCode = "200", description = "The job", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "404", description = "No such job")
    public Uni<JobView> get(@Parameter(description = JOB_NAME, example = "process_departments")
                            @PathParam("name") String name) {
        return schedule.find(name).onItem().ifNull().failWith(() -> noSuchJob(name));
    }

    @PATCH
    @Path("/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeJob", summary = "Change a job", description = "Sets any of enabled, intervalNumber, intervalType, priority "
            + "(-10000 to 10000), remainingRuns (-1 unlimited, up to 1000000), args and nextRun; fields left out stay "
            + "as they are. The interval is at most a year; nextRun lies between 2000 and a year from now, to the "
            + "microsecond; args must be what the job's target takes (staging.process: interface, batchSize 1-1000; "
            + "staging.retention: processedDays, failedDays, runDays 1-3650, batchSize 1-100000; staging.recover: "
            + "none). A job whose remaining runs reached 0 needs remainingRuns as well as enabled to run again.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = JobChange.class), examples = @ExampleObject(name = "slower",
            value = "{\"intervalNumber\": 30, \"intervalType\": \"seconds\", \"enabled\": true}")))
    @APIResponse(responseCode = "200", description = "The job as changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "400", description = "A field breaks a rule; errors[] names it")
    @APIResponse(responseCode = "404", description = "No such job")
    public Uni<JobView> patch(@Parameter(description = JOB_NAME, example = "process_departments")
                              @PathParam("name") String name, byte[] body) {
        List<FieldError> errors = new ArrayList<>();
        JobChange change = input.read(body, JobChange.class, "cannot be changed; changeable", errors);
        return jobs.change(name, change, callerContext.get().keyName(), errors);
    }

    @POST
    @Path("/{name}/run")
    @Operation(operationId = "runJob", summary = "Run a job now", description = "Runs the job once on this processor instance and answers "
            + "the run when it has finished. The schedule (next run, remaining runs) is left as it is.")
    @APIResponse(responseCode = "200", description = "The finished run",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobRun.class)))
    @APIResponse(responseCode = "404", description = "No such job")
    public Uni<JobRun> runNow(@Parameter(description = JOB_NAME, example = "process_departments")
                              @PathParam("name") String name) {
        return jobs.runNow(name, callerContext.get().keyName());
    }

    @GET
    @Path("/{name}/runs")
    @Operation(operationId = "listJobRuns", summary = "A job's recent runs", description = "Newest first: start, end, rows handled, outcome, error.")
    @APIResponse(responseCode = "200", description = "The runs", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = JobRun.class)))
    @APIResponse(responseCode = "404", description = "No such job")
    public Uni<List<JobRun>> runs(@Parameter(description = JOB_NAME, example = "process_departments")
                                  @PathParam("name") String name,
                                  @Parameter(description = "How many runs",
                                          schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500",
                                                  defaultValue = "20"))
                                  @QueryParam("limit") Integer limit) {
        int n = limit == null ? 20 : Math.max(1, Math.min(limit, 500));
        return schedule.find(name).onItem().ifNull().failWith(() -> noSuchJob(name))
                .chain(job -> schedule.runs(name, n));
    }

    static ProblemException noSuchJob(String name) {
        return ProblemException.notFound("No job named " + name + "; GET /api/v1/admin/jobs lists them");
    }
}

package org.integrationhub.processor.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.integrationhub.common.problem.FieldError;
import org.integrationhub.common.problem.ProblemException;
import org.integrationhub.processor.admin.JobChange;
import org.integrationhub.processor.admin.JobChanges;
import org.integrationhub.processor.admin.JobResource;
import org.integrationhub.processor.admin.OperatorInput;
import org.integrationhub.processor.job.IntervalType;
import org.integrationhub.processor.job.JobRun;
import org.integrationhub.processor.job.JobScheduleRepository;
import org.integrationhub.processor.job.JobView;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schedules pages: the schedule table (the seed's scheduler records), a job's form with each field's
 * message beside it, run now, and its recent runs. A change goes through the same rules and audit as the
 * operator API's (JobChanges); only the fields the operator changed are sent, so a run that moved the next
 * run or counted down the remaining runs meanwhile is not undone.
 */
@Path(ConsoleResource.ROOT + "/schedules")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({OperatorAccount.VIEWER, OperatorAccount.OPERATOR})
public class SchedulesResource {

    /** The form's fields, in the order of JobChange; each has a hidden {@code was-<field>} with its first value. */
    static final List<String> FIELDS = List.of("enabled", "intervalNumber", "intervalType", "priority",
            "remainingRuns", "args", "nextRun");

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance schedules(Chrome chrome, List<JobView> jobs);

        static native TemplateInstance schedule(Chrome chrome, JobView job, Map<String, String> form,
                                                Map<String, String> errors, List<JobRun> runs, String done,
                                                List<String> intervalTypes);
    }

    @Inject
    Pages pages;
    @Inject
    JobScheduleRepository schedule;
    @Inject
    JobChanges jobs;
    @Inject
    OperatorInput input;
    @Inject
    ObjectMapper mapper;

    @GET
    public Uni<TemplateInstance> list() {
        Chrome chrome = pages.chrome("schedules");
        return schedule.list().map(all -> Templates.schedules(chrome, all).setLocale(chrome.locale()));
    }

    @GET
    @Path("/{name}")
    public Uni<TemplateInstance> job(@PathParam("name") String name, @QueryParam("done") String done) {
        Chrome chrome = pages.chrome("schedules");
        return find(name).chain(job -> page(chrome, job, form(job), Map.of(),
                "changed".equals(done) || "ran".equals(done) ? done : null));
    }

    /** Saves what the operator changed; with a broken rule, the form again with each field's message. */
    @POST
    @Path("/{name}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(OperatorAccount.OPERATOR)
    public Uni<Object> save(@PathParam("name") String name, MultivaluedMap<String, String> posted) {
        Map<String, String> form = new LinkedHashMap<>();
        ObjectNode changed = mapper.createObjectNode();
        for (String field : FIELDS) {
            String value = "enabled".equals(field) ? String.valueOf(posted.containsKey("enabled"))
                    : posted.getFirst(field) == null ? "" : posted.getFirst(field).strip();
            form.put(field, value);
            if (!value.equals(posted.getFirst("was-" + field))) {
                put(changed, field, value);
            }
        }
        List<FieldError> errors = new ArrayList<>();
        JobChange change = input.read(changed.toString().getBytes(StandardCharsets.UTF_8), JobChange.class,
                "cannot be changed; changeable", errors);
        // deferred: a broken rule found before the database is asked is thrown, not returned as a failed Uni
        return Uni.createFrom().deferred(() -> jobs.change(name, change, pages.user(), errors))
                .<Object>map(job -> Response.seeOther(URI.create(ConsoleResource.ROOT + "/schedules/" + name + "?done=changed"))
                        .build())
                .onFailure(ProblemException.class).recoverWithUni(e -> {
                    ProblemException problem = (ProblemException) e;
                    if (problem.errors().isEmpty()) {
                        return Uni.createFrom().failure(e);
                    }
                    Chrome chrome = pages.chrome("schedules");
                    ConsoleMessages words = ConsoleLocale.messages(chrome.locale());
                    Map<String, String> messages = new LinkedHashMap<>();
                    problem.errors().forEach(error -> {
                        String field = error.field().replaceFirst("\\..*", "");
                        messages.merge(field, rule(words, field, error), (a, b) -> a.equals(b) ? a : a + " " + b);
                    });
                    return find(name).chain(job -> page(chrome, job, form, messages, null))
                            .map(page -> Response.status(Response.Status.BAD_REQUEST).entity(page).build());
                });
    }

    @POST
    @Path("/{name}/run")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(OperatorAccount.OPERATOR)
    public Uni<Response> runNow(@PathParam("name") String name) {
        return jobs.runNow(name, pages.user())
                .map(run -> Response.seeOther(URI.create(ConsoleResource.ROOT + "/schedules/" + name + "?done=ran")).build());
    }

    /**
     * What {@code field} must be, in the page's language: the rule, rather than the API's English message about
     * the value; the job's args, whose rules are its target's, keep the message that names the arg.
     */
    static String rule(ConsoleMessages words, String field, FieldError error) {
        return switch (field) {
            case "intervalNumber" -> words.ruleIntervalNumber(JobResource.MAX_INTERVAL_SECONDS);
            case "intervalType" -> words.ruleIntervalType();
            case "priority" -> words.rulePriority(JobResource.MAX_PRIORITY);
            case "remainingRuns" -> words.ruleRemainingRuns(JobResource.MAX_REMAINING_RUNS);
            case "nextRun" -> words.ruleNextRun();
            default -> words.ruleOther(error.message());
        };
    }

    private Uni<JobView> find(String name) {
        return schedule.find(name).onItem().ifNull().failWith(NotFoundException::new);
    }

    private Uni<TemplateInstance> page(Chrome chrome, JobView job, Map<String, String> form, Map<String, String> errors,
                                       String done) {
        return schedule.runs(job.name(), 20).map(runs -> Templates.schedule(chrome, job, form, errors, runs, done,
                Arrays.stream(IntervalType.values()).map(IntervalType::wire).toList()).setLocale(chrome.locale()));
    }

    /** The job's values as the form shows them. */
    private Map<String, String> form(JobView job) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("enabled", String.valueOf(job.enabled()));
        form.put("intervalNumber", String.valueOf(job.intervalNumber()));
        form.put("intervalType", job.intervalType());
        form.put("priority", String.valueOf(job.priority()));
        form.put("remainingRuns", String.valueOf(job.remainingRuns()));
        form.put("args", new io.vertx.core.json.JsonObject(job.args()).encode());
        form.put("nextRun", job.nextRun() == null ? "" : job.nextRun().toInstant().toString());
        return form;
    }

    /** A form value into the change: numbers as numbers and args as JSON when they parse, else as sent (the
     * rules then name the field). */
    private void put(ObjectNode changed, String field, String value) {
        switch (field) {
            case "enabled" -> changed.put(field, Boolean.parseBoolean(value));
            case "intervalNumber", "priority", "remainingRuns" -> {
                try {
                    changed.put(field, Long.parseLong(value));
                } catch (NumberFormatException e) {
                    changed.put(field, value);
                }
            }
            case "args" -> {
                try {
                    changed.set(field, mapper.readTree(value.isEmpty() ? "{}" : value));
                } catch (java.io.IOException e) {
                    changed.put(field, value);
                }
            }
            default -> changed.put(field, value.isEmpty() ? null : value);
        }
    }
}

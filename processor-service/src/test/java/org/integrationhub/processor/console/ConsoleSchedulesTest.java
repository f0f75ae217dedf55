package org.integrationhub.processor.console;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.integrationhub.devsupport.PostgresTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationhub.processor.StagingFixture.unique;
import static org.integrationhub.processor.console.ConsoleSession.OPS;
import static org.integrationhub.processor.console.ConsoleSession.OPS_PASSWORD;
import static org.integrationhub.processor.console.ConsoleSession.VIEWER;
import static org.integrationhub.processor.console.ConsoleSession.VIEWER_PASSWORD;

/** The schedules pages: the table, a job's form with its rules' messages, run now; what a viewer may not do. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class ConsoleSchedulesTest {

    @Inject
    Pool pool;

    String job;

    @BeforeEach
    void aJobOfItsOwn() {
        job = unique("recover").toLowerCase().replace('-', '_');
        pool.preparedQuery("""
                        INSERT INTO scheduled_job (name, description, target, interval_number, interval_type, priority,
                                                   next_run, remaining_runs)
                        VALUES ($1, 'a test job', 'staging.recover', 30, 'seconds', 50, now() + interval '1 hour', 9)""")
                .execute(Tuple.of(job)).await().indefinitely();
    }

    Row row() {
        return pool.preparedQuery("SELECT * FROM scheduled_job WHERE name = $1").execute(Tuple.of(job))
                .await().indefinitely().iterator().next();
    }

    @Test
    void aViewerReadsTheScheduleButCannotChangeOrRunIt() {
        ConsoleSession viewer = ConsoleSession.loggedIn(VIEWER, VIEWER_PASSWORD);
        assertThat(viewer.page("/console/schedules")).contains("data-job=\"" + job + "\"", "data-job=\"process_departments\"");
        String page = viewer.page("/console/schedules/" + job);
        assertThat(page).contains("a test job").doesNotContain("id=\"save-job\"", "id=\"run-now\"");
        assertThat(viewer.form().formParam("priority", "1").post("/console/schedules/" + job).statusCode()).isEqualTo(403);
        assertThat(viewer.form().post("/console/schedules/" + job + "/run").statusCode()).isEqualTo(403);
        assertThat(row().getInteger("priority")).isEqualTo(50);
    }

    @Test
    void aBadValueIsShownBesideItsFieldInThePagesLanguageAndNothingIsSaved() {
        ConsoleSession ops = ConsoleSession.loggedIn(OPS, OPS_PASSWORD);
        Response refused = postBadValues(ops);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("id=\"intervalNumber-error\"", "id=\"priority-error\"", "value=\"nope\"",
                "A whole number from 1 to 31622400; the interval as a whole at most a year.",
                "A whole number from -10000 to 10000.");
        assertThat(row().getInteger("interval_number")).isEqualTo(30);
        assertThat(row().getInteger("priority")).isEqualTo(50);

        ops.request().get("/console/lang/zh");
        assertThat(postBadValues(ops).asString()).contains("1 到 31622400 之间的整数；整个间隔不超过一年。",
                "-10000 到 10000 之间的整数。");
    }

    private Response postBadValues(ConsoleSession ops) {
        ops.page("/console/schedules/" + job);
        return ops.form().formParam("enabled", "true").formParam("intervalNumber", "0")
                .formParam("intervalType", "seconds").formParam("priority", "nope").formParam("remainingRuns", "9")
                .formParam("args", "{}").formParam("nextRun", "").formParam("was-intervalNumber", "30")
                .formParam("was-priority", "50").formParam("was-enabled", "true").formParam("was-intervalType", "seconds")
                .formParam("was-remainingRuns", "9").formParam("was-args", "{}").formParam("was-nextRun", "")
                .post("/console/schedules/" + job);
    }

    @Test
    void aGoodChangeSavesOnlyWhatTheOperatorChangedAndIsAudited() {
        ConsoleSession ops = ConsoleSession.loggedIn(OPS, OPS_PASSWORD);
        ops.page("/console/schedules/" + job);
        OffsetDateTime wasNext = row().getOffsetDateTime("next_run");
        // meanwhile a run counts the remaining runs down: the form must not undo it
        pool.preparedQuery("UPDATE scheduled_job SET remaining_runs = 8 WHERE name = $1").execute(Tuple.of(job))
                .await().indefinitely();
        OffsetDateTime next = OffsetDateTime.now(ZoneOffset.UTC).plusHours(3).truncatedTo(ChronoUnit.SECONDS);
        Response saved = ops.form().formParam("enabled", "true").formParam("intervalNumber", "5")
                .formParam("intervalType", "minutes").formParam("priority", "50").formParam("remainingRuns", "9")
                .formParam("args", "{}").formParam("nextRun", next.toInstant().toString())
                .formParam("was-enabled", "true").formParam("was-intervalNumber", "30").formParam("was-intervalType", "seconds")
                .formParam("was-priority", "50").formParam("was-remainingRuns", "9").formParam("was-args", "{}")
                .formParam("was-nextRun", wasNext.toInstant().toString())
                .post("/console/schedules/" + job);
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.header("Location")).endsWith("/console/schedules/" + job + "?done=changed");
        Row after = row();
        assertThat(after.getInteger("interval_number")).isEqualTo(5);
        assertThat(after.getString("interval_type")).isEqualTo("minutes");
        assertThat(after.getOffsetDateTime("next_run").toInstant()).isEqualTo(next.toInstant());
        assertThat(after.getInteger("remaining_runs")).as("not sent, so not undone").isEqualTo(8);
        long audited = pool.preparedQuery("""
                        SELECT count(*) FROM operator_action WHERE actor = 'ops' AND action = 'job.change' AND target = $1
                           AND detail -> 'before' ->> 'intervalNumber' = '30' AND detail -> 'after' ->> 'intervalNumber' = '5'""")
                .execute(Tuple.of(job)).await().indefinitely().iterator().next().getLong(0);
        assertThat(audited).isEqualTo(1);
    }

    @Test
    void runNowRunsTheJobAndListsTheRun() {
        ConsoleSession ops = ConsoleSession.loggedIn(OPS, OPS_PASSWORD);
        ops.page("/console/schedules/" + job);
        Response ran = ops.form().post("/console/schedules/" + job + "/run");
        assertThat(ran.statusCode()).isEqualTo(303);
        String page = ops.page("/console/schedules/" + job + "?done=ran");
        assertThat(page).contains("<td>run now</td>", "succeeded");
        ops.request().get("/console/lang/zh");
        assertThat(ops.page("/console/schedules/" + job)).contains("<td>立即运行</td>", "成功");
        assertThat(row().getInteger("remaining_runs")).as("a manual run leaves the schedule alone").isEqualTo(9);
    }
}

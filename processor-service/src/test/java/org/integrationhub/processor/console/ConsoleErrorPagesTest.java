package org.integrationhub.processor.console;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.integrationhub.devsupport.PostgresTestResource;
import org.integrationhub.processor.staging.StagingProcessor;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationhub.processor.ProcessorFixture.drain;
import static org.integrationhub.processor.StagingFixture.T0;
import static org.integrationhub.processor.StagingFixture.department;
import static org.integrationhub.processor.StagingFixture.stage;
import static org.integrationhub.processor.StagingFixture.unique;
import static org.integrationhub.processor.console.ConsoleSession.OPS;
import static org.integrationhub.processor.console.ConsoleSession.OPS_PASSWORD;
import static org.integrationhub.processor.console.ConsoleSession.VIEWER;
import static org.integrationhub.processor.console.ConsoleSession.VIEWER_PASSWORD;

/**
 * What the browser shows when a console page cannot be answered: a page of the console in the operator's
 * language that says why, with the status kept; the API beside it still answers problems.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class ConsoleErrorPagesTest {

    @Inject
    StagingProcessor processor;

    static void assertPage(Response answer, int status, String... words) {
        assertThat(answer.statusCode()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("text/html");
        assertThat(answer.header("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(answer.asString()).contains("data-status=\"" + status + "\"").contains(words);
    }

    @Test
    void aViewersRetryIsAForbiddenPageThatNamesTheRoleItNeeds() throws Exception {
        UUID failed = stage("departments", unique("ERR"), "E1", "CREATE", T0, department(unique("E"), "NO-SUCH-PARENT"));
        drain(processor, "departments");
        ConsoleSession viewer = ConsoleSession.loggedIn(VIEWER, VIEWER_PASSWORD);
        viewer.page("/console/records/" + failed);
        assertPage(viewer.form().post("/console/records/" + failed + "/retry"), 403, "Not allowed", "operator role",
                "Signed in as viewer");

        viewer.request().get("/console/lang/zh");
        viewer.page("/console/records/" + failed);
        assertPage(viewer.form().post("/console/records/" + failed + "/retry"), 403, "无权操作", "操作员角色");
    }

    @Test
    void anUnknownRowRecordJobOrPageIsANotFoundPage() {
        ConsoleSession ops = ConsoleSession.loggedIn(OPS, OPS_PASSWORD);
        for (String path : new String[]{"/console/records/" + UUID.randomUUID(), "/console/schedules/no_such_job",
                "/console/business/no-such-interface", "/console/business/departments/NO-SUCH-CODE", "/console/nothing-here"}) {
            assertPage(ops.request().get(path), 404, "Not found", "no such page or record");
        }
    }

    @Test
    void aMalformedAddressSaysSoAndShowsWhatWasWrong() {
        ConsoleSession ops = ConsoleSession.loggedIn(OPS, OPS_PASSWORD);
        assertPage(ops.request().get("/console/logout"), 405, "The request was not understood", "GET is not allowed");
    }

    @Test
    void aFormWithoutItsTokenSaysTheFormExpiredAndChangedNothing() {
        ConsoleSession ops = ConsoleSession.loggedIn(OPS, OPS_PASSWORD);
        assertPage(ops.request().formParam("hub-csrf", "stale").post("/console/logout"), 400, "The form has expired",
                "Nothing was changed");
        assertThat(ops.page("/console")).as("still signed in").contains("Signed in as ops");
    }

    @Test
    void theApiStillAnswersProblems() {
        Response api = given().header("X-API-Key", "ops-dev-key").get("/api/v1/departments/NO-SUCH-CODE");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.contentType()).startsWith("application/problem+json");
    }
}

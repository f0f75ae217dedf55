package org.integrationhub.processor.console;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.integrationhub.devsupport.IsolatedPostgresTestResource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationhub.processor.console.ConsoleSession.OPS;
import static org.integrationhub.processor.console.ConsoleSession.OPS_PASSWORD;

/**
 * On a database of its own, stopped: the console's login answers 503 with Retry-After, not a 500 or a wrong
 * password, and as the console's own page in the operator's language, not the API's JSON problem.
 */
@QuarkusTest
@WithTestResource(value = IsolatedPostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class ConsoleDatabaseDownTest {

    @Test
    void aLoginWhileTheDatabaseIsDownIsTheConsolesUnavailablePage() {
        ConsoleSession session = ConsoleSession.loggedIn(OPS, OPS_PASSWORD);
        assertThat(session.page("/console")).contains("Signed in as ops (operator)");

        IsolatedPostgresTestResource.current().close();
        Response login = new ConsoleSession().login(OPS, OPS_PASSWORD);
        assertThat(login.statusCode()).isEqualTo(503);
        assertThat(login.header("Retry-After")).isNotBlank();
        assertThat(login.contentType()).startsWith("text/html");
        assertThat(login.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(login.asString()).contains("The database is unavailable", "href=\"/console/login\"",
                login.header("X-Correlation-Id")).doesNotContain("Exception", "service-unavailable");

        Response chinese = new ConsoleSession().request().header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5")
                .formParam("j_username", OPS).formParam("j_password", OPS_PASSWORD).post("/console/j_security_check");
        assertThat(chinese.statusCode()).isEqualTo(503);
        assertThat(chinese.asString()).contains("数据库暂不可用", "lang=\"zh-CN\"");

        Response page = session.request().get("/console/records?status=FAILED");
        assertThat(page.statusCode()).as("a signed-in session's next page, its account unreadable").isEqualTo(503);
        assertThat(page.asString()).contains("The database is unavailable", "back=%2Fconsole%2Frecords%3Fstatus%3DFAILED");

        Response api = session.request().header("X-API-Key", "ops-dev-key").get("/api/v1/admin/stats");
        assertThat(api.statusCode()).isEqualTo(503);
        assertThat(api.contentType()).as("the API keeps its problem").startsWith("application/problem+json");
    }
}

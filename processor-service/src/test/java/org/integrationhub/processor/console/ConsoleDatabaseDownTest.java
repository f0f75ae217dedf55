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

/** On a database of its own, stopped: the console's login answers 503 with Retry-After, not a 500 or a wrong password. */
@QuarkusTest
@WithTestResource(value = IsolatedPostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class ConsoleDatabaseDownTest {

    @Test
    void aLoginWhileTheDatabaseIsDownIs503WithRetryAfter() {
        ConsoleSession session = ConsoleSession.loggedIn(OPS, OPS_PASSWORD);
        assertThat(session.page("/console")).contains("Signed in as ops (operator)");

        IsolatedPostgresTestResource.current().close();
        Response login = new ConsoleSession().login(OPS, OPS_PASSWORD);
        assertThat(login.statusCode()).isEqualTo(503);
        assertThat(login.header("Retry-After")).isNotBlank();
        assertThat(login.contentType()).startsWith("application/problem+json");
        assertThat(login.asString()).contains("service-unavailable").doesNotContain("Exception");

        Response page = session.request().get("/console");
        assertThat(page.statusCode()).as("a signed-in session's next page, its account unreadable").isEqualTo(503);
    }
}

package org.integrationhub.processor.console;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.integrationhub.devsupport.PostgresTestResource;
import org.integrationhub.processor.admin.AuditLog;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationhub.processor.StagingFixture.unique;
import static org.integrationhub.processor.console.ConsoleSession.VIEWER;
import static org.integrationhub.processor.console.ConsoleSession.VIEWER_PASSWORD;

/** The audit log page: every operator action, newest first, filtered by who, what and on what, in pages. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class ConsoleAuditTest {

    @Inject
    AuditLog audit;

    @Test
    void actionsAreListedNewestFirstFilteredAndPaged() {
        String actor = unique("auditor");
        for (int i = 0; i < AuditResource.PAGE_SIZE + 2; i++) {
            audit.record(actor, "job.run", "job-" + i, new JsonObject().put("rows", i)).await().indefinitely();
        }
        audit.record(actor, "record.retry", "00000000-0000-7000-8000-000000000001", new JsonObject())
                .await().indefinitely();
        ConsoleSession viewer = ConsoleSession.loggedIn(VIEWER, VIEWER_PASSWORD);

        String all = viewer.page("/console/audit?actor=" + actor);
        assertThat(all.indexOf("record.retry")).as("newest first").isLessThan(all.indexOf("job-" + (AuditResource.PAGE_SIZE + 1)));
        assertThat(all).contains("href=\"/console/records/00000000-0000-7000-8000-000000000001\"",
                "href=\"/console/schedules/job-3\"", "{&quot;rows&quot;:3}", "rel=\"next\"");
        assertThat(all).doesNotContain(">job-0<");

        String older = viewer.page(all.replaceAll("(?s).*href=\"([^\"]+)\" rel=\"next\".*", "$1").replace("&amp;", "&"));
        assertThat(older).contains(">job-0<", ">job-1<").doesNotContain("rel=\"next\"");

        String runs = viewer.page("/console/audit?actor=" + actor + "&action=record.retry");
        assertThat(runs.split("data-action=\"record.retry\"")).hasSize(2);
        assertThat(runs).doesNotContain("data-action=\"job.run\"");
    }
}

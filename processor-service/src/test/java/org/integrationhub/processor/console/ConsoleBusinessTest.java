package org.integrationhub.processor.console;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.integrationhub.common.registry.InterfaceRegistry;
import org.integrationhub.devsupport.PostgresTestResource;
import org.integrationhub.processor.staging.StagingProcessor;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationhub.processor.ProcessorFixture.drain;
import static org.integrationhub.processor.StagingFixture.T0;
import static org.integrationhub.processor.StagingFixture.department;
import static org.integrationhub.processor.StagingFixture.stage;
import static org.integrationhub.processor.StagingFixture.unique;
import static org.integrationhub.processor.console.ConsoleSession.VIEWER;
import static org.integrationhub.processor.console.ConsoleSession.VIEWER_PASSWORD;

/** The business records pages, drawn from the declarations: lists with their filters, a record, its tree and lineage. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class ConsoleBusinessTest {

    @Inject
    StagingProcessor processor;

    @Test
    void everyDeclaredInterfaceHasItsListWithItsDeclaredFilters() {
        ConsoleSession viewer = ConsoleSession.loggedIn(VIEWER, VIEWER_PASSWORD);
        InterfaceRegistry.all().forEach(d -> {
            String page = viewer.page("/console/business/" + d.name());
            d.fields().forEach(f -> assertThat(page).as(d.name()).contains("<th>" + f.name() + "</th>"));
            d.filters().forEach(f -> assertThat(page).as(d.name()).contains("name=\"" + f.name() + "\""));
        });
    }

    @Test
    void aDepartmentShowsItsFieldsTheTreeBelowItAndTheReceiptsThatMadeIt() throws Exception {
        String source = unique("BIZ");
        String root = unique("ROOT");
        String child = unique("CHILD");
        String grandchild = unique("GRAND");
        UUID created = stage("departments", source, root, "CREATE", T0, department(root, "Hospital", null));
        stage("departments", source, child, "CREATE", T0, department(child, "Surgery", root));
        stage("departments", source, grandchild, "CREATE", T0, department(grandchild, "Ward A", child));
        drain(processor, "departments");
        UUID renamed = stage("departments", source, root, "UPDATE", T0.plusSeconds(5), department(root, "Big hospital", null));
        drain(processor, "departments");

        ConsoleSession viewer = ConsoleSession.loggedIn(VIEWER, VIEWER_PASSWORD);
        String page = viewer.page("/console/business/departments/" + root);
        assertThat(page).contains("Big hospital", source)
                .contains("class=\"depth-1\"><a href=\"/console/business/departments/" + child + "\"")
                .contains("class=\"depth-2\"><a href=\"/console/business/departments/" + grandchild + "\"")
                .contains("href=\"/console/records/" + created + "\"", "href=\"/console/records/" + renamed + "\"");
        assertThat(page.indexOf(renamed.toString())).as("newest change first").isLessThan(page.indexOf(created.toString()));

        String childPage = viewer.page("/console/business/departments/" + child);
        assertThat(childPage).as("a reference links to the record it names")
                .contains("href=\"/console/business/departments/" + root + "\"");
        assertThat(viewer.page("/console/business/departments?parentCode=" + root)).contains("data-code=\"" + child + "\"")
                .doesNotContain("data-code=\"" + grandchild + "\"");
        assertThat(viewer.request().get("/console/business/departments/" + unique("NONE")).statusCode()).isEqualTo(404);
        assertThat(viewer.request().get("/console/business/nothing").statusCode()).isEqualTo(404);
    }
}

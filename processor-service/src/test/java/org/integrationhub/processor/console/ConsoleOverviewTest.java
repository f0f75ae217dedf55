package org.integrationhub.processor.console;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import jakarta.inject.Inject;
import org.integrationhub.devsupport.PostgresTestResource;
import org.integrationhub.processor.staging.StagingProcessor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationhub.processor.ProcessorFixture.drain;
import static org.integrationhub.processor.StagingFixture.T0;
import static org.integrationhub.processor.StagingFixture.department;
import static org.integrationhub.processor.StagingFixture.stage;
import static org.integrationhub.processor.StagingFixture.unique;
import static org.integrationhub.processor.console.ConsoleSession.VIEWER;
import static org.integrationhub.processor.console.ConsoleSession.VIEWER_PASSWORD;

/** The overview counts what waits, what failed and what was done lately, per interface, and charts it by minute. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class ConsoleOverviewTest {

    private static final Pattern NUMBERS = Pattern.compile("<td class=\"num[^\"]*\">(?:<a [^>]*>)?(\\d+)");

    @Inject
    StagingProcessor processor;

    /** The departments row's numbers: pending, processing, failed, [oldest pending absent], hour, day, failed day. */
    static List<Long> departments(String page) {
        String row = page.substring(page.indexOf("<tr data-interface=\"departments\">"));
        row = row.substring(0, row.indexOf("</tr>"));
        List<Long> numbers = new ArrayList<>();
        Matcher m = NUMBERS.matcher(row);
        while (m.find()) {
            numbers.add(Long.parseLong(m.group(1)));
        }
        return numbers;
    }

    static long chartTotal(String page, int series) {
        String json = page.replaceAll("(?s).*<script type=\"application/json\" id=\"chart-data\">(.*?)</script>.*", "$1");
        return new JsonArray(json).getJsonArray(series).stream().mapToLong(v -> ((Number) v).longValue()).sum();
    }

    @Test
    void theCountsAndTheChartFollowWhatHappened() throws Exception {
        ConsoleSession viewer = ConsoleSession.loggedIn(VIEWER, VIEWER_PASSWORD);
        drain(processor, "departments");
        String before = viewer.page("/console");
        List<Long> was = departments(before);

        String source = unique("OVER");
        for (int i = 0; i < 3; i++) {
            stage("departments", source, "OK" + i, "CREATE", T0, department(unique("OK"), null));
        }
        stage("departments", source, "BAD", "CREATE", T0, department(unique("BAD"), "NO-SUCH-" + source));
        String waiting = viewer.page("/console");
        assertThat(departments(waiting).get(0)).as("pending").isEqualTo(was.get(0) + 4);
        assertThat(waiting).contains("data-interface=\"departments\"");

        drain(processor, "departments");
        String after = viewer.page("/console");
        List<Long> now = departments(after);
        assertThat(now.get(0)).as("pending").isEqualTo(was.get(0));
        assertThat(now.get(2)).as("failed").isEqualTo(was.get(2) + 1);
        assertThat(now.subList(now.size() - 3, now.size())).as("processed last hour, last day, failed last day")
                .containsExactly(was.get(was.size() - 3) + 3, was.get(was.size() - 2) + 3, was.get(was.size() - 1) + 1);
        assertThat(chartTotal(after, 1)).as("processed in the chart").isEqualTo(chartTotal(before, 1) + 3);
        assertThat(chartTotal(after, 2)).as("failed in the chart").isEqualTo(chartTotal(before, 2) + 1);
    }

    @Test
    void theBrowserAssetsComeFromTheServiceItself() {
        for (String asset : new String[] {"/webjars/htmx.org/dist/htmx.min.js", "/webjars/uplot/dist/uPlot.iife.min.js",
                "/webjars/uplot/dist/uPlot.min.css"}) {
            given().get(asset).then().statusCode(200);
        }
        // the console's own, outside the session cookie's path (/console): served without reading an account
        for (String asset : new String[] {"/console-assets/console.js", "/console-assets/console.css"}) {
            given().get(asset).then().statusCode(200).header("X-Content-Type-Options", "nosniff")
                    .header("Cache-Control", "no-cache");
        }
    }
}

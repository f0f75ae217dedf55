package org.integrationhub.processor.metrics;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.integrationhub.devsupport.PostgresTestResource;
import org.integrationhub.processor.staging.StagingProcessor;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationhub.processor.ProcessorFixture.drain;
import static org.integrationhub.processor.StagingFixture.department;
import static org.integrationhub.processor.StagingFixture.execute;
import static org.integrationhub.processor.StagingFixture.stage;
import static org.integrationhub.processor.StagingFixture.unique;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class ProcessingMetricsTest {

    @Inject
    StagingProcessor processor;
    @Inject
    ProcessingMetrics metrics;

    static double value(String scrape, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " ([0-9.E+-]+)( # .*)?$", Pattern.MULTILINE).matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    @Test
    void outcomesLatencyAndBacklogAreScrapedWithoutAKey() throws Exception {
        drain(processor, "departments");
        OffsetDateTime t0 = OffsetDateTime.parse("2026-11-26T08:00:00Z");
        String ok = unique("M");
        stage("departments", "HIS", ok, "CREATE", t0, department(ok, "Metered", null));
        String bad = unique("M");
        stage("departments", "HIS", bad, "UPDATE", t0, department(bad, "Nobody", null));
        String before = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        double processedBefore = Math.max(0, value(before, "hub_rows_total{interface=\"departments\",outcome=\"PROCESSED\"}"));
        double failedBefore = Math.max(0, value(before, "hub_rows_total{interface=\"departments\",outcome=\"FAILED\"}"));

        drain(processor, "departments");
        // one row left waiting in the backlog, received a minute ago
        String waiting = unique("M");
        stage("departments", "HIS", waiting, "CREATE", t0, department(waiting, "Later", null));
        execute("UPDATE staging_record SET received_at = now() - interval '60 seconds' WHERE external_id = ?", waiting);
        metrics.refreshBacklog().await().atMost(Duration.ofSeconds(10));

        String scrape = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(value(scrape, "hub_rows_total{interface=\"departments\",outcome=\"PROCESSED\"}") - processedBefore)
                .isEqualTo(1.0);
        assertThat(value(scrape, "hub_rows_total{interface=\"departments\",outcome=\"FAILED\"}") - failedBefore)
                .isEqualTo(1.0);
        assertThat(value(scrape, "hub_apply_seconds_count{interface=\"departments\"}")).isGreaterThanOrEqualTo(2);
        assertThat(value(scrape, "hub_backlog_rows{interface=\"departments\"}")).isEqualTo(1.0);
        assertThat(value(scrape, "hub_oldest_pending_seconds{interface=\"departments\"}")).isBetween(59.0, 120.0);
        assertThat(value(scrape, "hub_backlog_rows{interface=\"partners\"}")).isEqualTo(0.0);
        drain(processor, "departments");
    }

    @Test
    void theScheduleAndTheDatabaseAreScrapedForTheAlerts() throws Exception {
        // a job that has never run counts from its last change; one that ran, from the end of that run
        // (a disabled job of its own, so that no scheduler runs it)
        execute("INSERT INTO scheduled_job (name, target, interval_number, interval_type, enabled, last_finished_at) "
                + "VALUES ('metrics_probe', 'staging.recover', 2, 'minutes', false, now() - interval '1 hour')");
        try {
            metrics.refreshBacklog().await().atMost(Duration.ofSeconds(10));
            String scrape = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
            double lastFinished = value(scrape, "hub_job_last_finished_timestamp_seconds{job_name=\"metrics_probe\"}");
            assertThat(System.currentTimeMillis() / 1000.0 - lastFinished).isBetween(3590.0, 3700.0);
            assertThat(value(scrape, "hub_job_interval_seconds{job_name=\"metrics_probe\"}")).isEqualTo(120.0);
            assertThat(value(scrape, "hub_job_enabled{job_name=\"metrics_probe\"}")).isEqualTo(0.0);
            assertThat(value(scrape, "hub_job_enabled{job_name=\"process_departments\"}")).isEqualTo(1.0);
            assertThat(value(scrape, "hub_job_interval_seconds{job_name=\"process_departments\"}")).isPositive();
            assertThat(value(scrape, "hub_database_up")).isEqualTo(1.0);
            assertThat(scrape).contains("hub_apply_seconds_bucket{interface=");
        } finally {
            execute("DELETE FROM scheduled_job WHERE name = 'metrics_probe'");
        }
    }
}

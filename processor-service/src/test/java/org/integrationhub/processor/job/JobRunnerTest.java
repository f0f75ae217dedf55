package org.integrationhub.processor.job;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.integrationhub.devsupport.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationhub.processor.StagingFixture.execute;
import static org.integrationhub.processor.StagingFixture.queryString;

/** The schedule table drives what runs: one due run once across schedulers, remaining runs, outcomes. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class JobRunnerTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    JobRunner runner;

    @Test
    void seededJobsExist() throws SQLException {
        assertThat(queryString("SELECT target FROM scheduled_job WHERE name = 'process_departments'"))
                .isEqualTo("staging.process");
        assertThat(queryString("SELECT remaining_runs::text FROM scheduled_job WHERE name = 'process_departments'"))
                .isEqualTo("-1");
    }

    @Test
    void twoSchedulersTickingTogetherRunADueJobOnce() throws SQLException {
        execute("""
                INSERT INTO scheduled_job (name, target, interval_number, interval_type, next_run, remaining_runs)
                VALUES ('once_test', 'staging.recover', 1, 'hours', now() - interval '90 minutes', 5)""");
        OffsetDateTime due = OffsetDateTime.parse(queryString(
                "SELECT to_char(next_run AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') FROM scheduled_job WHERE name = 'once_test'"));

        Uni.join().all(runner.runDue(), runner.runDue()).andFailFast().await().atMost(WAIT);

        assertThat(queryString("SELECT remaining_runs::text FROM scheduled_job WHERE name = 'once_test'")).isEqualTo("4");
        // advanced from the schedule past now: the missed run does not pile up
        OffsetDateTime next = OffsetDateTime.parse(queryString(
                "SELECT to_char(next_run AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') FROM scheduled_job WHERE name = 'once_test'"));
        assertThat(next).isEqualTo(due.plusHours(2));
        assertThat(queryString("SELECT last_outcome FROM scheduled_job WHERE name = 'once_test'")).isEqualTo("SUCCEEDED");
    }

    @Test
    void theLastRemainingRunDisablesTheJob() throws SQLException {
        execute("""
                INSERT INTO scheduled_job (name, target, interval_number, interval_type, next_run, remaining_runs)
                VALUES ('last_run_test', 'staging.recover', 1, 'minutes', now() - interval '1 second', 1)""");
        runner.runDue().await().atMost(WAIT);
        assertThat(queryString("SELECT remaining_runs::text || ' ' || enabled::text FROM scheduled_job WHERE name = 'last_run_test'"))
                .isEqualTo("0 false");

        execute("UPDATE scheduled_job SET next_run = now() - interval '1 second' WHERE name = 'last_run_test'");
        String finished = queryString("SELECT last_finished_at::text FROM scheduled_job WHERE name = 'last_run_test'");
        runner.runDue().await().atMost(WAIT);
        assertThat(queryString("SELECT last_finished_at::text FROM scheduled_job WHERE name = 'last_run_test'"))
                .isEqualTo(finished);
    }

    @Test
    void dueJobsRunInPriorityOrderAndEachRunIsRecorded() throws SQLException {
        execute("""
                INSERT INTO scheduled_job (name, target, interval_number, interval_type, next_run, priority) VALUES
                    ('prio_late', 'staging.recover', 1, 'days', now() - interval '1 second', 90),
                    ('prio_early', 'staging.recover', 1, 'days', now() - interval '1 second', -90)""");
        runner.runDue().await().atMost(WAIT);
        String early = queryString("SELECT id::text FROM job_run WHERE job_name = 'prio_early' ORDER BY id DESC LIMIT 1");
        String late = queryString("SELECT id::text FROM job_run WHERE job_name = 'prio_late' ORDER BY id DESC LIMIT 1");
        assertThat(Long.parseLong(early)).isLessThan(Long.parseLong(late));
        assertThat(queryString("""
                SELECT trigger || ' ' || outcome || ' ' || (finished_at >= started_at)::text || ' ' || rows
                  FROM job_run WHERE id = ?""", Long.parseLong(early))).isEqualTo("SCHEDULE SUCCEEDED true 0");
    }

    @Test
    void aJobNamingAnUnknownTargetRecordsAFailure() throws SQLException {
        execute("""
                INSERT INTO scheduled_job (name, target, interval_number, interval_type, next_run)
                VALUES ('bad_target_test', 'no.such.target', 1, 'days', now() - interval '1 second')""");
        runner.runDue().await().atMost(WAIT);
        assertThat(queryString("SELECT last_outcome || ': ' || last_error FROM scheduled_job WHERE name = 'bad_target_test'"))
                .isEqualTo("FAILED: unknown target no.such.target");
    }
}

package org.integrationhub.processor.job;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.integrationhub.devsupport.Await;
import org.integrationhub.devsupport.ConfigOverrides;
import org.integrationhub.devsupport.PostgresTestResource;
import org.integrationhub.devsupport.StandardError;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationhub.processor.StagingFixture.T0;
import static org.integrationhub.processor.StagingFixture.awaitStatus;
import static org.integrationhub.processor.StagingFixture.department;
import static org.integrationhub.processor.StagingFixture.execute;
import static org.integrationhub.processor.StagingFixture.queryString;
import static org.integrationhub.processor.StagingFixture.stage;
import static org.integrationhub.processor.StagingFixture.state;
import static org.integrationhub.processor.StagingFixture.unique;

/** With the schedule off, a new row is applied on the intake's NOTIFY alone; a disabled job is not bypassed. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@ConfigOverrides({"hub.processor.wake-up-on-signal=true", "quarkus.scheduler.enabled=false"})
class WakeUpTest {

    @Test
    void aNewRowIsAppliedOnItsSignalWithoutTheSchedule() throws Exception {
        listener(null); // LISTEN is issued at start
        String code = unique("S");
        Instant staged = Instant.now();
        UUID receipt = stage("departments", "HIS", code, "CREATE", T0,
                department(code, "Signalled", null));
        execute("SELECT pg_notify('staging_pending', 'departments')"); // as the intake does after storing
        awaitStatus(receipt, "PROCESSED", Duration.ofSeconds(5));
        assertThat(Duration.between(staged, Instant.now())).isLessThan(Duration.ofSeconds(5));
        // the woken drain is in the run history like a scheduled one, with its trigger and its count
        String run = Await.until("the woken drain in the run history", Duration.ofSeconds(5), Duration.ofMillis(20),
                () -> queryString("""
                        SELECT trigger || ':' || outcome FROM job_run
                         WHERE job_name = 'process_departments' AND trigger = 'SIGNAL' AND started_at >= ?
                           AND outcome IS NOT NULL AND rows >= 1""", java.sql.Timestamp.from(staged)),
                Objects::nonNull);
        assertThat(run).isEqualTo("SIGNAL:SUCCEEDED");
    }

    @Test
    void aSignalDoesNotBypassADisabledJob() throws Exception {
        execute("UPDATE scheduled_job SET enabled = false WHERE name = 'process_departments'");
        try {
            String code = unique("D");
            UUID receipt = stage("departments", "HIS", code, "CREATE", T0,
                    department(code, "Held", null));
            execute("SELECT pg_notify('staging_pending', 'departments')");
            // lets time pass on purpose: proves the signal does NOT apply a disabled job's row within 1.5 s
            Await.pause(Duration.ofMillis(1500));
            assertThat(state(receipt).status()).isEqualTo("PENDING");
        } finally {
            execute("UPDATE scheduled_job SET enabled = true WHERE name = 'process_departments'");
        }
    }

    @Test
    void aListeningConnectionTheDatabaseDropsComesBackQuietlyAndStillWakes() throws Exception {
        String first = listener(null);
        String printed = StandardError.during(() -> {
            execute("SELECT pg_terminate_backend(" + first + ")");
            String second = listener(first);
            // the second time on the connection the subscriber opened again by itself
            execute("SELECT pg_terminate_backend(" + second + ")");
            listener(second);
        });
        assertThat(printed).as("written outside the log").isEmpty();

        String code = unique("L");
        UUID receipt = stage("departments", "HIS", code, "CREATE", T0,
                department(code, "Relistened", null));
        execute("SELECT pg_notify('staging_pending', 'departments')");
        awaitStatus(receipt, "PROCESSED", Duration.ofSeconds(5));
    }

    /** The backend pid of the processor's LISTEN connection, once it is not {@code previous}. */
    private static String listener(String previous) {
        return Await.until("the processor listening (again), not as " + previous, Duration.ofSeconds(10),
                Duration.ofMillis(50), () -> queryString("""
                        SELECT pid::text FROM pg_stat_activity
                         WHERE query LIKE 'LISTEN%staging_pending%' AND pid <> pg_backend_pid()"""),
                pid -> pid != null && !pid.equals(previous));
    }
}

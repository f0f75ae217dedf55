package org.integrationhub.processor.staging;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.integrationhub.devsupport.ConfigOverrides;
import org.integrationhub.devsupport.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationhub.processor.ProcessorFixture.drain;
import static org.integrationhub.processor.StagingFixture.T0;
import static org.integrationhub.processor.StagingFixture.awaitDue;
import static org.integrationhub.processor.StagingFixture.department;
import static org.integrationhub.processor.StagingFixture.execute;
import static org.integrationhub.processor.StagingFixture.queryString;
import static org.integrationhub.processor.StagingFixture.stage;
import static org.integrationhub.processor.StagingFixture.state;
import static org.integrationhub.processor.StagingFixture.unique;

/**
 * A passing fault (here a lock held past lock_timeout) is retried with growing delays, then FAILED; the
 * business record is untouched by every failed attempt.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@ConfigOverrides({"quarkus.datasource.reactive.additional-properties.lock_timeout=200ms",
        "hub.processor.retry-base=PT0.2S", "hub.processor.max-attempts=3"})
class RetryTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    StagingProcessor processor;

    @Test
    void aLockedRecordIsRetriedWithBackoffThenFailed() throws Exception {
        String code = unique("R");
        stage("departments", "HIS", code, "CREATE", T0, department(code, "Before", null));
        drain(processor, WAIT, "departments");
        UUID update = stage("departments", "HIS", code, "UPDATE", T0.plusSeconds(1),
                department(code, "After", null));

        try (Connection lock = PostgresTestResource.connect(); Statement s = lock.createStatement()) {
            lock.setAutoCommit(false);
            s.execute("SELECT 1 FROM department WHERE code = '" + code + "' FOR UPDATE");

            java.time.Instant before = java.time.Instant.now();
            drain(processor, WAIT, "departments");
            java.time.Instant after = java.time.Instant.now();
            var first = state(update);
            assertThat(first.status()).isEqualTo("PENDING");
            assertThat(first.errorClass()).isEqualTo("TRANSIENT");
            assertThat(first.attempts()).isEqualTo(1);
            assertThat(first.errorMessage()).contains("attempt 1 of 3");
            // the failure was written at some moment during the drain, the next attempt base/2..base after it:
            // bounded by the drain's start and end, so a slow, busy machine cannot make it look late
            java.time.Instant next = java.time.OffsetDateTime.parse(queryString(
                    "SELECT to_char(next_attempt_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') "
                            + "FROM staging_record WHERE receipt_id = ?", update)).toInstant();
            assertThat(next).as("first backoff within base/2..base of the failure")
                    .isBetween(before.plusMillis(100), after.plusMillis(200));

            // a backoff that has not ended holds the row back (set long here: 0.2 s can pass on a busy machine)
            execute("UPDATE staging_record SET next_attempt_at = now() + interval '1 hour' WHERE receipt_id = ?", update);
            drain(processor, WAIT, "departments");
            assertThat(state(update).attempts()).as("not retried before its backoff is over").isEqualTo(1);
            execute("UPDATE staging_record SET next_attempt_at = ? WHERE receipt_id = ?",
                    java.time.OffsetDateTime.ofInstant(next, java.time.ZoneOffset.UTC), update);

            for (int attempt = 2; attempt <= 3; attempt++) {
                awaitDue(update);
                drain(processor, WAIT, "departments");
                assertThat(state(update).attempts()).isEqualTo(attempt);
            }
            var last = state(update);
            assertThat(last.status()).isEqualTo("FAILED");
            assertThat(last.errorClass()).isEqualTo("TRANSIENT");
            lock.rollback();
        }
        assertThat(queryString("SELECT name FROM department WHERE code = ?", code)).isEqualTo("Before");
    }

    @Test
    void aDataErrorFailsAtOnce() throws Exception {
        String code = unique("V");
        UUID bad = stage("departments", "HIS", code, "UPDATE", T0, department(code, "x", null));
        drain(processor, WAIT, "departments");
        assertThat(state(bad).status()).isEqualTo("FAILED");
        assertThat(state(bad).attempts()).isEqualTo(1);
    }
}

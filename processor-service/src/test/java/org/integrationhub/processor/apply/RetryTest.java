package org.integrationhub.processor.apply;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.integrationhub.devsupport.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationhub.processor.StagingFixture.queryString;
import static org.integrationhub.processor.StagingFixture.stage;
import static org.integrationhub.processor.StagingFixture.state;
import static org.integrationhub.processor.StagingFixture.unique;

/**
 * A passing fault (here a lock held past lock_timeout) is retried with growing delays, then FAILED; the
 * business record is untouched by every failed attempt.
 */
@QuarkusTest
@TestProfile(RetryTest.FastRetries.class)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class RetryTest {

    public static class FastRetries implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.reactive.additional-properties.lock_timeout", "200ms",
                    "hub.processor.retry-base", "PT0.2S",
                    "hub.processor.max-attempts", "3");
        }
    }

    static final Duration WAIT = Duration.ofSeconds(60);
    static final OffsetDateTime T0 = OffsetDateTime.parse("2026-11-26T08:00:00Z");

    @Inject
    StagingProcessor processor;

    void drain() {
        processor.run(new JsonObject().put("interface", "departments")).await().atMost(WAIT);
    }

    @Test
    void aLockedRecordIsRetriedWithBackoffThenFailed() throws Exception {
        String code = unique("R");
        stage("departments", "HIS", code, "CREATE", T0, new JsonObject().put("code", code).put("name", "Before").encode());
        drain();
        UUID update = stage("departments", "HIS", code, "UPDATE", T0.plusSeconds(1),
                new JsonObject().put("code", code).put("name", "After").encode());

        try (Connection lock = PostgresTestResource.connect(); Statement s = lock.createStatement()) {
            lock.setAutoCommit(false);
            s.execute("SELECT 1 FROM department WHERE code = '" + code + "' FOR UPDATE");

            drain();
            var first = state(update);
            assertThat(first.status()).isEqualTo("PENDING");
            assertThat(first.errorClass()).isEqualTo("TRANSIENT");
            assertThat(first.attempts()).isEqualTo(1);
            assertThat(first.errorMessage()).contains("attempt 1 of 3");
            double firstDelay = Double.parseDouble(queryString(
                    "SELECT extract(epoch FROM next_attempt_at - now()) FROM staging_record WHERE receipt_id = ?", update));
            assertThat(firstDelay).as("first backoff within base/2..base").isBetween(0.0, 0.25);

            drain();
            assertThat(state(update).attempts()).as("not retried before its backoff is over").isEqualTo(1);

            for (int attempt = 2; attempt <= 3; attempt++) {
                awaitDue(update);
                drain();
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
        UUID bad = stage("departments", "HIS", code, "UPDATE", T0, new JsonObject().put("code", code).put("name", "x").encode());
        drain();
        assertThat(state(bad).status()).isEqualTo("FAILED");
        assertThat(state(bad).attempts()).isEqualTo(1);
    }

    private static void awaitDue(UUID receipt) throws Exception {
        for (int i = 0; i < 100; i++) {
            if ("true".equals(queryString(
                    "SELECT (next_attempt_at IS NULL OR next_attempt_at <= now())::text FROM staging_record WHERE receipt_id = ?",
                    receipt))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("backoff of " + receipt + " never ended");
    }
}

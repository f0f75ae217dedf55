package org.integrationhub.processor.staging;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.integrationhub.devsupport.Await;
import org.integrationhub.devsupport.ConfigOverrides;
import org.integrationhub.devsupport.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationhub.processor.ProcessorFixture.drain;
import static org.integrationhub.processor.StagingFixture.T0;
import static org.integrationhub.processor.StagingFixture.department;
import static org.integrationhub.processor.StagingFixture.execute;
import static org.integrationhub.processor.StagingFixture.stage;
import static org.integrationhub.processor.StagingFixture.state;
import static org.integrationhub.processor.StagingFixture.unique;

/**
 * A graceful stop that comes while a claim is on its way. The stop leaves this instance stopped for good, so the
 * class runs in an application of its own (the override restarts Quarkus for it, and again after it).
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@ConfigOverrides("hub.processor.stop-grace=PT20S")
class GracefulStopTest {

    /** Makes each claim of a row whose external id starts SLOW- take half a second, inside the claim's statement. */
    static final String SLOW_CLAIMS = """
            CREATE FUNCTION slow_claim() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF OLD.status = 'PENDING' AND NEW.status = 'PROCESSING' AND NEW.external_id LIKE 'SLOW-%' THEN
                    PERFORM pg_sleep(0.5);
                END IF;
                RETURN NEW;
            END $$;
            CREATE TRIGGER slow_claim BEFORE UPDATE ON staging_record FOR EACH ROW EXECUTE FUNCTION slow_claim()""";

    @Inject
    StagingProcessor processor;

    @Test
    void aStopWhileAClaimIsOnItsWayWaitsForItAndHandsItsRowsBack() throws Exception {
        drain(processor, "departments");
        List<UUID> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String code = unique("SLOW");
            rows.add(stage("departments", "HIS", code, "CREATE", T0, department(code, "Slow " + i, null)));
        }
        execute(SLOW_CLAIMS);
        try {
            CompletableFuture<Integer> claim = processor.processBatch("departments", 10).subscribeAsCompletionStage();
            Await.until("the claim is in the database, sleeping in its trigger", Duration.ofSeconds(10),
                    Duration.ofMillis(10), GracefulStopTest::claimsSleeping, sleeping -> sleeping > 0);

            processor.onStop(null); // SIGTERM, as Quarkus delivers it

            assertThat(claim).as("the claim landed before the stop handed back").isCompleted();
            for (UUID row : rows) {
                assertThat(state(row).status()).as("handed back, not left claimed by a worker that is gone")
                        .isEqualTo("PENDING");
                assertThat(state(row).attempts()).as("the stop does not count as an attempt").isZero();
            }
            assertThat(processor.processBatch("departments", 10).await().atMost(Duration.ofSeconds(10)))
                    .as("a stopped instance claims nothing more").isZero();
        } finally {
            execute("DROP TRIGGER slow_claim ON staging_record; DROP FUNCTION slow_claim()");
        }
    }

    private static int claimsSleeping() throws SQLException {
        try (Connection c = PostgresTestResource.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep'")) {
            r.next();
            return r.getInt(1);
        }
    }
}

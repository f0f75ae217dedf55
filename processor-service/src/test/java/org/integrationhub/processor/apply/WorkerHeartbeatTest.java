package org.integrationhub.processor.apply;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.integrationhub.devsupport.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationhub.processor.StagingFixture.execute;
import static org.integrationhub.processor.StagingFixture.stage;
import static org.integrationhub.processor.StagingFixture.state;
import static org.integrationhub.processor.StagingFixture.unique;

/** Crash recovery by heartbeat: a dead worker's rows come back at once, a live worker's orphans too. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class WorkerHeartbeatTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final OffsetDateTime T0 = OffsetDateTime.parse("2026-11-26T08:00:00Z");

    @Inject
    WorkerHeartbeat heartbeat;
    @Inject
    StagingClaimRepository claims;
    @Inject
    StagingProcessor processor;

    UUID stageOne() throws SQLException {
        String code = unique("H");
        return stage("departments", "HIS", code, "CREATE", T0, new JsonObject().put("code", code).put("name", "H").encode());
    }

    @Test
    void aKilledWorkersRowsComeBackAtTheNextBeatNotAfterTheirLease() throws SQLException {
        processor.run(new JsonObject().put("interface", "departments")).await().atMost(WAIT);
        UUID row = stageOne();
        // a worker that beat, claimed with an hour's lease, and died
        claims.beat("killed-worker").await().atMost(WAIT);
        List<ClaimedRow> held = claims.claim("departments", "killed-worker", 10, Duration.ofHours(1)).await().atMost(WAIT);
        assertThat(held).extracting(ClaimedRow::receiptId).contains(row);
        heartbeat.beat().await().atMost(WAIT);
        assertThat(state(row).status()).as("alive a moment ago: not touched").isEqualTo("PROCESSING");

        execute("UPDATE processor_worker SET heartbeat_at = now() - interval '1 minute' WHERE worker_id = 'killed-worker'");
        assertThat(heartbeat.beat().await().atMost(WAIT)).isGreaterThanOrEqualTo(1);
        assertThat(state(row).status()).isEqualTo("PENDING");
        assertThat(state(row).attempts()).as("the dead worker's attempt is not counted").isZero();
    }

    @Test
    void aLiveWorkerHandsBackRowsWhoseTransactionDiedButNotThoseItIsApplying() throws SQLException {
        processor.run(new JsonObject().put("interface", "departments")).await().atMost(WAIT);
        UUID orphan = stageOne();
        String me = processor.workerId();
        // claimed by this instance a while ago, then its connection died: nothing applies it any more
        claims.claim("departments", me, 10, Duration.ofSeconds(60)).await().atMost(WAIT);
        heartbeat.beat().await().atMost(WAIT);
        assertThat(state(orphan).status()).as("just claimed: its answer may still be on its way").isEqualTo("PROCESSING");

        execute("UPDATE staging_record SET lease_until = now() + interval '30 seconds' WHERE receipt_id = ?", orphan);
        heartbeat.beat().await().atMost(WAIT);
        assertThat(state(orphan).status()).isEqualTo("PENDING");
    }
}

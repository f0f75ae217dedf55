package org.integrationhub.processor.staging;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.integrationhub.devsupport.Await;
import org.integrationhub.devsupport.ConfigOverrides;
import org.integrationhub.devsupport.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationhub.processor.ProcessorFixture.drain;
import static org.integrationhub.processor.StagingFixture.T0;
import static org.integrationhub.processor.StagingFixture.department;
import static org.integrationhub.processor.StagingFixture.execute;
import static org.integrationhub.processor.StagingFixture.stage;
import static org.integrationhub.processor.StagingFixture.state;
import static org.integrationhub.processor.StagingFixture.unique;

/** Crash recovery by heartbeat: a dead worker's rows come back at once, a live worker's orphans too. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
// heartbeats ten times a second, stale after 0.6 s: the same rules, in test time
@ConfigOverrides({"hub.processor.heartbeat-interval=PT0.1S", "hub.processor.worker-stale-after=PT0.6S"})
class WorkerHeartbeatTest {

    /**
     * Beats as the schedule would, every 0.1 s (the heartbeat interval), until the row is {@code status} or 10 s
     * have passed. A beat that fails fails the test at once (an Error is not a "not yet" to Await).
     */
    void beatUntil(UUID row, String status) {
        Await.until(row + " " + status + " by this instance's heartbeat", Duration.ofSeconds(10), Duration.ofMillis(100),
                () -> {
                    try {
                        heartbeat.beat().await().atMost(WAIT);
                    } catch (RuntimeException e) {
                        throw new AssertionError("a heartbeat failed", e);
                    }
                    return state(row);
                }, state -> status.equals(state.status()));
    }

    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    WorkerHeartbeat heartbeat;
    @Inject
    StagingClaimRepository claims;
    @Inject
    StagingProcessor processor;

    UUID stageOne() throws SQLException {
        String code = unique("H");
        return stage("departments", "HIS", code, "CREATE", T0, department(code, "H", null));
    }

    @Test
    void aKilledWorkersRowsComeBackOnceItsHeartbeatIsStaleNotAfterTheirLease() throws Exception {
        drain(processor, "departments");
        UUID row = stageOne();
        // a worker that beat, claimed with an hour's lease, and died
        claims.beat("killed-worker").await().atMost(WAIT);
        List<ClaimedRow> held = claims.claim("departments", "killed-worker", 10, Duration.ofHours(1)).await().atMost(WAIT);
        assertThat(held).extracting(ClaimedRow::receiptId).contains(row);
        heartbeat.beat().await().atMost(WAIT);
        assertThat(state(row).status()).as("alive a moment ago: not touched").isEqualTo("PROCESSING");

        long started = System.nanoTime();
        beatUntil(row, "PENDING");
        assertThat(state(row).status()).isEqualTo("PENDING");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("well within the hour's lease")
                .isLessThan(Duration.ofSeconds(10));
        assertThat(state(row).attempts()).as("the dead worker's attempt is not counted").isZero();
    }

    @Test
    void afterAnOutageNoOneTakesTheRowsOfWorkersThatAreAliveButHaveNotBeatenYet() throws Exception {
        drain(processor, "departments");
        UUID row = stageOne();
        claims.beat("peer-worker").await().atMost(WAIT);
        claims.claim("departments", "peer-worker", 10, Duration.ofHours(1)).await().atMost(WAIT);
        // every heartbeat went stale together, ours included (the database was away)
        execute("UPDATE processor_worker SET heartbeat_at = now() - interval '1 minute'");
        // lets time pass on purpose: our own last beat is now more than two intervals old, a gap as after an outage
        Await.pause(Duration.ofMillis(300));
        heartbeat.beat().await().atMost(WAIT);
        claims.beat("peer-worker").await().atMost(WAIT); // the peer beats again within its interval
        assertThat(state(row).status()).as("the peer came back and keeps its rows").isEqualTo("PROCESSING");
        beatUntil(row, "PENDING");
        assertThat(state(row).status()).as("a peer that never beats again loses them")
                .isEqualTo("PENDING");
    }

    @Test
    void aLiveWorkerHandsBackRowsWhoseTransactionDiedButNotThoseItIsApplying() throws SQLException {
        drain(processor, "departments");
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

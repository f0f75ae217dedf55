package org.integrationhub.processor.staging;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.integrationhub.devsupport.PostgresTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationhub.processor.ProcessorFixture.drain;
import static org.integrationhub.processor.StagingFixture.T0;
import static org.integrationhub.processor.StagingFixture.department;
import static org.integrationhub.processor.StagingFixture.execute;
import static org.integrationhub.processor.StagingFixture.queryString;
import static org.integrationhub.processor.StagingFixture.stage;
import static org.integrationhub.processor.StagingFixture.state;
import static org.integrationhub.processor.StagingFixture.stored;
import static org.integrationhub.processor.StagingFixture.unique;

/** Claiming with leases: disjoint batches, expired leases recovered, a lost lease rolls its work back. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class ClaimingTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final Duration LEASE = Duration.ofMinutes(1);

    @Inject
    StagingClaimRepository claims;
    @Inject
    StagingProcessor processor;

    @BeforeEach
    void drainLeftovers() {
        drain(processor, "departments");
    }

    @Test
    void concurrentClaimsTakeDisjointBatches() throws SQLException {
        Set<UUID> staged = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String code = unique("K");
            staged.add(stage("departments", "HIS", code, "CREATE", T0.plusSeconds(i), department(code, null)));
        }
        List<Uni<List<ClaimedRow>>> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            workers.add(claims.claim("departments", "worker-" + w, 60, LEASE));
        }
        List<ClaimedRow> claimed = new ArrayList<>();
        Uni.join().all(workers).andFailFast().await().atMost(WAIT).forEach(claimed::addAll);

        Set<UUID> distinct = new HashSet<>();
        claimed.forEach(row -> distinct.add(row.receiptId()));
        assertThat(distinct).hasSize(claimed.size());
        assertThat(distinct).containsExactlyInAnyOrderElementsOf(staged);
        // hand them back for the next test
        execute("UPDATE staging_record SET status = 'PENDING', claimed_by = NULL, lease_until = NULL "
                + "WHERE status = 'PROCESSING'");
    }

    @Test
    void rowsOfADeadWorkerAreRecoveredAndAppliedOnce() throws SQLException {
        String code = unique("L");
        UUID receipt = stage("departments", "HIS", code, "CREATE", T0, department(code, null));
        // a worker claims it with a lease that has already run out, then dies
        List<ClaimedRow> claimed = claims.claim("departments", "dead-worker", 10, Duration.ofSeconds(-1))
                .await().atMost(WAIT);
        assertThat(claimed).extracting(ClaimedRow::receiptId).contains(receipt);
        assertThat(state(receipt).status()).isEqualTo("PROCESSING");

        assertThat(claims.recoverExpired().await().atMost(WAIT)).isGreaterThanOrEqualTo(1);
        assertThat(state(receipt).status()).isEqualTo("PENDING");
        drain(processor, "departments");

        assertThat(state(receipt).status()).isEqualTo("PROCESSED");
        assertThat(state(receipt).attempts()).isEqualTo(2);
        assertThat(stored("department", code)).isEqualTo(1);
    }

    @Test
    void aWorkerThatLostItsLeaseCannotCommitItsChange() throws SQLException {
        String code = unique("X");
        UUID receipt = stage("departments", "HIS", code, "CREATE", T0, department(code, null));
        ClaimedRow row = claims.claim("departments", processor.workerId(), 10, LEASE).await().atMost(WAIT)
                .stream().filter(r -> r.receiptId().equals(receipt)).findFirst().orElseThrow();
        // meanwhile recovery handed the row to another worker
        execute("UPDATE staging_record SET claimed_by = 'other-worker' WHERE receipt_id = '" + receipt + "'");

        processor.applyOne(row).await().atMost(WAIT);

        assertThat(stored("department", code)).isZero();
        assertThat(state(receipt).status()).isEqualTo("PROCESSING");
        assertThat(queryString("SELECT claimed_by FROM staging_record WHERE receipt_id = ?", receipt))
                .isEqualTo("other-worker");
        execute("UPDATE staging_record SET status = 'PENDING', claimed_by = NULL WHERE receipt_id = '" + receipt + "'");
    }
}

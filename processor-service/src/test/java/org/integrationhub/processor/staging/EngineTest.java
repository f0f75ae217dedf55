package org.integrationhub.processor.staging;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.integrationhub.devsupport.Await;
import org.integrationhub.devsupport.PostgresTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationhub.processor.ProcessorFixture.BULK_WAIT;
import static org.integrationhub.processor.ProcessorFixture.drain;
import static org.integrationhub.processor.StagingFixture.T0;
import static org.integrationhub.processor.StagingFixture.assertFailed;
import static org.integrationhub.processor.StagingFixture.awaitDue;
import static org.integrationhub.processor.StagingFixture.count;
import static org.integrationhub.processor.StagingFixture.department;
import static org.integrationhub.processor.StagingFixture.parentCode;
import static org.integrationhub.processor.StagingFixture.queryString;
import static org.integrationhub.processor.StagingFixture.stage;
import static org.integrationhub.processor.StagingFixture.stageDepartments;
import static org.integrationhub.processor.StagingFixture.state;
import static org.integrationhub.processor.StagingFixture.unique;

/** The engine's promises on the real database: exactly once, in order, across workers and crashes. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class EngineTest {

    @Inject
    StagingProcessor processor;
    @Inject
    StagingClaimRepository claims;

    @BeforeEach
    void drainLeftovers() {
        drain(processor, BULK_WAIT, "departments");
    }

    Uni<Integer> worker(String name, int batchSize) {
        return Workers.worker(processor, "departments", name, batchSize);
    }

    Uni<Integer> polling(String name, int batchSize, String like) {
        return Workers.polling(processor, "departments", name, batchSize, like);
    }

    /** The receipts of a child department and of its parent. */
    record ChildAndParent(UUID child, UUID parent) {
    }

    /**
     * Stages {@code child}, sent first, then its {@code parent} (whose own parent is {@code grandparent}), and
     * processes one batch: when the child's turn comes its parent is still waiting in staging.
     */
    ChildAndParent processAChildSentBeforeItsParent(String parent, String child, String grandparent)
            throws SQLException {
        UUID childReceipt = stage("departments", "HIS", child, "CREATE", T0, department(child, "Child", parent));
        UUID parentReceipt = stage("departments", "HIS", parent, "CREATE", T0.plusSeconds(1),
                department(parent, "Parent", grandparent));
        processor.processBatch("departments", 100).await().atMost(BULK_WAIT);
        return new ChildAndParent(childReceipt, parentReceipt);
    }

    @Test
    void threeWorkersApplyTenThousandRowsExactlyOnce() throws SQLException {
        String prefix = unique("CL");
        // a bulk load into a partition whose statistics still say it is nearly empty: the claim must stay fast
        stageDepartments(prefix, 10_000);

        String like = prefix + "-%";
        List<Integer> claimed = Uni.join().all(polling("cluster-a", 100, like), polling("cluster-b", 100, like),
                polling("cluster-c", 100, like)).andFailFast().await().atMost(BULK_WAIT);

        assertThat(claimed.stream().mapToInt(Integer::intValue).sum()).as("claims across workers").isEqualTo(10_000);
        System.out.println("cluster test: rows claimed per worker " + claimed);
        assertThat(claimed).allSatisfy(n -> assertThat(n).as("every worker took a share").isPositive());
        assertThat(count("SELECT count(*) FROM staging_record WHERE external_id LIKE ? AND status = 'PROCESSED'", like))
                .isEqualTo(10_000);
        assertThat(count("SELECT count(*) FROM staging_record WHERE external_id LIKE ? AND attempts <> 1", like))
                .as("no row claimed twice").isZero();
        assertThat(count("SELECT count(*) FROM department WHERE code LIKE ?", like)).isEqualTo(10_000);
        assertThat(count("SELECT count(*) FROM department WHERE code LIKE ? AND updated_at <> created_at", like))
                .as("no department applied twice").isZero();
    }

    @Test
    void aRecordsRowsApplyInSentOrderOneAtATimeAcrossWorkers() throws SQLException {
        String code = unique("O");
        List<UUID> receipts = new ArrayList<>();
        // staged newest first, so that arrival order and sent order disagree
        for (int i = 9; i >= 0; i--) {
            receipts.add(0, stage("departments", "HIS", code, i == 0 ? "CREATE" : "UPDATE", T0.plusSeconds(i),
                    department(code, "Version " + i, null)));
        }
        // many concurrent single-row claims: each may only ever take the oldest open row of the record
        List<Uni<Integer>> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            workers.add(worker("order-" + w, 1));
        }
        Uni.join().all(workers).andFailFast().await().atMost(BULK_WAIT);

        for (UUID receipt : receipts) {
            assertThat(state(receipt).status()).isEqualTo("PROCESSED");
        }
        assertThat(queryString("SELECT name FROM department WHERE code = ?", code)).isEqualTo("Version 9");
        // processed_at strictly follows sent order
        assertThat(queryString("""
                SELECT bool_and(ok)::text FROM (
                    SELECT processed_at >= lag(processed_at) OVER (ORDER BY sent_at) OR lag(processed_at) OVER (ORDER BY sent_at) IS NULL AS ok
                      FROM staging_record WHERE external_id = ?) t""", code)).isEqualTo("true");
    }

    @Test
    void aWorkerKilledMidBatchLeavesItsRowsToBeAppliedOnceByOthers() throws SQLException {
        String prefix = unique("K");
        stageDepartments(prefix, 10);
        List<ClaimedRow> batch = claims.claim("departments", "doomed", 10, Duration.ofMillis(300)).await().atMost(BULK_WAIT);
        assertThat(batch).hasSize(10);
        // it applies half of its batch, then dies without a word
        for (ClaimedRow row : batch.subList(0, 5)) {
            processor.applyOne(row, "doomed").await().atMost(BULK_WAIT);
        }
        // nobody else may take its rows while the lease holds
        assertThat(processor.processBatch("departments", 100, "survivor").await().atMost(BULK_WAIT)).isZero();

        Await.until("the doomed worker's 0.3 s leases to run out", Duration.ofSeconds(5), Duration.ofMillis(20),
                () -> count("""
                        SELECT count(*) FROM staging_record
                         WHERE external_id LIKE ? AND status = 'PROCESSING' AND lease_until >= now()""", prefix + "-%"),
                n -> n == 0);
        assertThat(claims.recoverExpired().await().atMost(BULK_WAIT)).isEqualTo(5);
        worker("survivor", 100).await().atMost(BULK_WAIT);

        String like = prefix + "-%";
        assertThat(count("SELECT count(*) FROM staging_record WHERE external_id LIKE ? AND status = 'PROCESSED'", like))
                .isEqualTo(10);
        assertThat(count("SELECT count(*) FROM staging_record WHERE external_id LIKE ? AND attempts = 2", like))
                .as("the five it never finished were attempted again").isEqualTo(5);
        assertThat(count("SELECT count(*) FROM department WHERE code LIKE ?", like)).isEqualTo(10);
        assertThat(count("SELECT count(*) FROM department WHERE code LIKE ? AND updated_at <> created_at", like)).isZero();
    }

    @Test
    void aChildWaitsForItsParentStillInStagingThenApplies() throws SQLException {
        String parent = unique("P");
        String child = unique("C");
        ChildAndParent rows = processAChildSentBeforeItsParent(parent, child, null);
        assertThat(state(rows.parent()).status()).isEqualTo("PROCESSED");
        assertThat(state(rows.child()).status()).isEqualTo("PENDING");
        assertThat(state(rows.child()).errorMessage()).contains("waiting for parent department " + parent);
        assertThat(state(rows.child()).attempts()).as("waiting is not an attempt").isZero();

        awaitDue(rows.child());
        drain(processor, BULK_WAIT, "departments");
        assertThat(state(rows.child()).status()).isEqualTo("PROCESSED");
        assertThat(state(rows.child()).errorMessage()).isNull();
        assertThat(parentCode("department", child)).isEqualTo(parent);
    }

    @Test
    void aChildOfAFailedParentFailsNamingIt() throws SQLException {
        String parent = unique("P");
        ChildAndParent rows = processAChildSentBeforeItsParent(parent, unique("C"), "NO-SUCH");
        assertThat(state(rows.parent()).status()).isEqualTo("FAILED");
        awaitDue(rows.child());
        drain(processor, BULK_WAIT, "departments");

        assertFailed(rows.child(), "REFERENCE", "parent department " + parent + " failed", rows.parent().toString());
    }

    @Test
    void oneStuckRecordDoesNotHoldBackOthers() throws SQLException {
        String parent = unique("P");
        String waiting = unique("W");
        String free = unique("F");
        // the parent is being worked on by a slow worker that holds its lease
        UUID held = stage("departments", "HIS", parent, "CREATE", T0.minusSeconds(1),
                department(parent, "Slow parent", null));
        List<ClaimedRow> slow = claims.claim("departments", "slow-worker", 1, Duration.ofMinutes(5)).await().atMost(BULK_WAIT);
        assertThat(slow).extracting(ClaimedRow::receiptId).containsExactly(held);
        UUID stuck = stage("departments", "HIS", waiting, "CREATE", T0,
                department(waiting, "Waits", parent));
        UUID other = stage("departments", "HIS", free, "CREATE", T0.plusSeconds(1),
                department(free, "Free", null));

        drain(processor, BULK_WAIT, "departments");

        assertThat(state(other).status()).isEqualTo("PROCESSED");
        assertThat(state(stuck).status()).isEqualTo("PENDING");
        assertThat(state(stuck).errorMessage()).contains("waiting for parent department " + parent);

        // the slow worker finishes; the waiting child follows
        processor.applyOne(slow.get(0), "slow-worker").await().atMost(BULK_WAIT);
        awaitDue(stuck);
        drain(processor, BULK_WAIT, "departments");
        assertThat(state(stuck).status()).isEqualTo("PROCESSED");
    }
}

package org.integrationhub.processor.staging;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.integrationhub.devsupport.PostgresTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationhub.processor.ProcessorFixture.DRAIN_WAIT;
import static org.integrationhub.processor.StagingFixture.T0_UTC8;
import static org.integrationhub.processor.StagingFixture.active;
import static org.integrationhub.processor.StagingFixture.assertArchived;
import static org.integrationhub.processor.StagingFixture.assertFailed;
import static org.integrationhub.processor.StagingFixture.assertFailedMentioning;
import static org.integrationhub.processor.StagingFixture.department;
import static org.integrationhub.processor.StagingFixture.parentCode;
import static org.integrationhub.processor.StagingFixture.queryString;
import static org.integrationhub.processor.StagingFixture.stage;
import static org.integrationhub.processor.StagingFixture.state;
import static org.integrationhub.processor.StagingFixture.stored;
import static org.integrationhub.processor.StagingFixture.unique;

/** The department job on real staging rows: one outcome per row, with its business change. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class DepartmentProcessingTest {

    @Inject
    StagingProcessor processor;

    @BeforeEach
    void drainLeftovers() {
        drain();
    }

    void drain() {
        processor.drain("departments", 50).await().atMost(DRAIN_WAIT);
    }

    /** Applies {@code parent} and then {@code child} under it, sent a second later. */
    void applyParentAndChild(String parent, String parentName, String child, String childName) throws SQLException {
        stage("departments", "HIS", parent, "CREATE", T0_UTC8, department(parent, parentName, null));
        stage("departments", "HIS", child, "CREATE", T0_UTC8.plusSeconds(1), department(child, childName, parent));
        drain();
    }

    @Test
    void createAppliesTheDepartmentAndMarksTheRowProcessed() throws SQLException {
        String code = unique("D");
        UUID receipt = stage("departments", "HIS", code, "CREATE", T0_UTC8, department(code, "Cardiology", null));
        drain();

        assertThat(state(receipt).status()).isEqualTo("PROCESSED");
        assertThat(state(receipt).errorMessage()).isNull();
        assertThat(state(receipt).attempts()).isEqualTo(1);
        assertThat(queryString("SELECT name FROM department WHERE code = ? AND active", code)).isEqualTo("Cardiology");
        assertThat(queryString("SELECT last_receipt_id::text FROM department WHERE code = ?", code))
                .isEqualTo(receipt.toString());
    }

    @Test
    void parentAndChildInOneBatchApplyInSentOrder() throws SQLException {
        String parent = unique("P");
        String child = unique("C");
        // the child was received first but sent later: sentAt orders the work
        UUID childReceipt = stage("departments", "HIS", child, "CREATE", T0_UTC8.plusSeconds(5), department(child, "Child", parent));
        UUID parentReceipt = stage("departments", "HIS", parent, "CREATE", T0_UTC8, department(parent, "Parent", null));
        drain();

        assertThat(state(parentReceipt).status()).isEqualTo("PROCESSED");
        assertThat(state(childReceipt).status()).isEqualTo("PROCESSED");
        assertThat(parentCode("department", child)).isEqualTo(parent);
    }

    @Test
    void resentCreateUpdatesAndUpdateOfUnknownRecordFails() throws SQLException {
        String code = unique("D");
        stage("departments", "HIS", code, "CREATE", T0_UTC8, department(code, "Old name", null));
        UUID resend = stage("departments", "HIS", code, "CREATE", T0_UTC8.plusMinutes(1), department(code, "New name", null));
        String ghost = unique("G");
        UUID update = stage("departments", "HIS", ghost, "UPDATE", T0_UTC8, department(ghost, "Nobody", null));
        drain();

        assertThat(state(resend).status()).isEqualTo("PROCESSED");
        assertThat(queryString("SELECT name FROM department WHERE code = ?", code)).isEqualTo("New name");
        assertThat(stored("department", code)).isEqualTo(1);
        assertFailed(update, "REFERENCE", "no such record");
        assertThat(stored("department", ghost)).isZero();
    }

    @Test
    void aStaleRowIsSkippedAndChangesNothing() throws SQLException {
        String code = unique("D");
        stage("departments", "HIS", code, "CREATE", T0_UTC8.plusMinutes(10), department(code, "Newer", null));
        drain();
        UUID stale = stage("departments", "HIS", code, "UPDATE", T0_UTC8, department(code, "Older", null));
        drain();

        assertThat(state(stale).status()).isEqualTo("SKIPPED");
        assertThat(state(stale).errorMessage()).contains("stale");
        assertThat(queryString("SELECT name FROM department WHERE code = ?", code)).isEqualTo("Newer");
    }

    @Test
    void aFailingRowNeitherWritesNorBlocksTheOthers() throws SQLException {
        String orphan = unique("O");
        String fine = unique("F");
        UUID bad = stage("departments", "HIS", orphan, "CREATE", T0_UTC8, department(orphan, "Orphan", "NO-SUCH-PARENT"));
        UUID good = stage("departments", "HIS", fine, "CREATE", T0_UTC8.plusSeconds(1), department(fine, "Fine", null));
        drain();

        assertFailedMentioning(bad, "NO-SUCH-PARENT");
        assertThat(stored("department", orphan)).isZero();
        assertThat(state(good).status()).isEqualTo("PROCESSED");
    }

    @Test
    void aDepartmentCannotBecomeItsOwnAncestor() throws SQLException {
        String top = unique("T");
        String below = unique("B");
        applyParentAndChild(top, "Top", below, "Below");
        UUID loop = stage("departments", "HIS", top, "UPDATE", T0_UTC8.plusSeconds(2), department(top, "Top", below));
        drain();

        assertFailedMentioning(loop, "own ancestor");
        assertThat(parentCode("department", top)).isNull();
    }

    @Test
    void deleteIsRefusedWhileAnActiveChildPointsAtItThenArchives() throws SQLException {
        String parent = unique("P");
        String child = unique("C");
        applyParentAndChild(parent, "Parent", child, "Child");
        UUID refused = stage("departments", "HIS", parent, "DELETE", T0_UTC8.plusSeconds(2), "{}");
        drain();
        assertFailedMentioning(refused, "department " + child);
        assertThat(active("department", parent)).isTrue();

        stage("departments", "HIS", child, "DELETE", T0_UTC8.plusSeconds(3), "{}");
        UUID allowed = stage("departments", "HIS", parent, "DELETE", T0_UTC8.plusSeconds(4), "{}");
        drain();
        assertArchived(allowed, "department", parent);
    }
}

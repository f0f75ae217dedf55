package org.integrationhub.processor.staging;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.integrationhub.devsupport.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationhub.processor.ProcessorFixture.BULK_WAIT;
import static org.integrationhub.processor.ProcessorFixture.drain;
import static org.integrationhub.processor.StagingFixture.T0;
import static org.integrationhub.processor.StagingFixture.assertFailed;
import static org.integrationhub.processor.StagingFixture.assertFailedMentioning;
import static org.integrationhub.processor.StagingFixture.count;
import static org.integrationhub.processor.StagingFixture.department;
import static org.integrationhub.processor.StagingFixture.employee;
import static org.integrationhub.processor.StagingFixture.execute;
import static org.integrationhub.processor.StagingFixture.stage;
import static org.integrationhub.processor.StagingFixture.state;
import static org.integrationhub.processor.StagingFixture.unique;

/** References at apply time: consistent across workers, never circular, only within the sender's own records. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class ReferenceRulesTest {

    @Inject
    StagingProcessor processor;

    /**
     * Stages the CREATE of a supplier that {@code source} sent at T0 (a {@code type} named "Partner " + code, under
     * {@code parent} when not null) and drains the partners; answers its receipt.
     */
    UUID sendPartner(String source, String externalId, String code, String type, String parent) throws SQLException {
        JsonObject data = new JsonObject().put("code", code).put("name", "Partner " + code).put("type", type)
                .put("categoryCode", "SUPPLIER");
        UUID receipt = stage("partners", source, externalId, "CREATE", T0,
                (parent == null ? data : data.put("parentCode", parent)).encode());
        drain(processor, BULK_WAIT, "partners");
        return receipt;
    }

    /** A company that {@code source} sent as {@code code} (its external id too), applied. */
    void applyCompany(String source, String code) throws SQLException {
        assertThat(state(sendPartner(source, code, code, "COMPANY", null)).status()).isEqualTo("PROCESSED");
    }

    /** Ends the reference wait of the run's rows now, instead of sleeping it out. */
    static void endWaits(String like) throws SQLException {
        execute("UPDATE staging_record SET next_attempt_at = NULL WHERE external_id LIKE ? AND status = 'PENDING'", like);
    }

    /**
     * Stages run-A, run-B, run-C, each the child of the next, sent child first so that each waits for a parent
     * that comes after it; C's parent is {@code parentOfC} (none when null). Then drains four rounds, ending
     * the reference waits between them. Answers the three receipts, A's first.
     */
    UUID[] stageAChainAndDrainItsRounds(String run, String parentOfC) throws SQLException {
        String a = run + "-A";
        String b = run + "-B";
        String c = run + "-C";
        UUID ra = stage("departments", "HIS", a, "CREATE", T0, department(a, b));
        UUID rb = stage("departments", "HIS", b, "CREATE", T0.plusSeconds(1), department(b, c));
        UUID rc = stage("departments", "HIS", c, "CREATE", T0.plusSeconds(2), department(c, parentOfC));
        for (int round = 0; round < 4; round++) {
            drain(processor, BULK_WAIT, "departments");
            endWaits(run + "-%");
        }
        return new UUID[] {ra, rb, rc};
    }

    @Test
    void recordsWaitingForEachOtherInACircleFailNamingItInsteadOfWaitingForever() throws SQLException {
        String run = unique("CY");
        String a = run + "-A";
        UUID[] rows = stageAChainAndDrainItsRounds(run, a); // C's parent is A: a circle
        assertFailed(rows[0], "REFERENCE", "circle", a + " -> " + run + "-B -> " + run + "-C -> " + a);
        assertThat(state(rows[1]).status()).isEqualTo("FAILED");
        assertThat(state(rows[2]).status()).isEqualTo("FAILED");
        assertThat(count("SELECT count(*) FROM department WHERE code LIKE ?", run + "-%")).isZero();
    }

    @Test
    void aChainThatEndsIsNotACircle() throws SQLException {
        // sent child first: each waits for a parent that will come; C has none
        UUID[] rows = stageAChainAndDrainItsRounds(unique("CH"), null);
        assertThat(state(rows[0]).status()).isEqualTo("PROCESSED");
        assertThat(state(rows[1]).status()).isEqualTo("PROCESSED");
        assertThat(state(rows[2]).status()).isEqualTo("PROCESSED");
    }

    @Test
    void aCodeAnotherSourceHoldsIsAConflictInPlainWords() throws SQLException {
        String code = unique("P");
        applyCompany("ERP", code);

        UUID clash = sendPartner("HIS", unique("X"), code, "COMPANY", null);
        assertThat(state(clash).status()).isEqualTo("FAILED");
        assertThat(state(clash).errorClass()).isEqualTo("CONFLICT");
        assertThat(state(clash).errorMessage())
                .isEqualTo("code " + code + " is already used by the active partner that ERP sent as " + code
                        + "; codes are unique among active records");
    }

    @Test
    void aContactCannotAttachToAnotherSourcesCompany() throws SQLException {
        String company = unique("C");
        applyCompany("HIS", company);

        String contact = unique("P");
        UUID erp = sendPartner("ERP", contact, contact, "PERSON", company);
        assertFailedMentioning(erp, "parent partner " + company + " does not exist", "ERP");

        // and so HIS stays free to archive its company
        UUID delete = stage("partners", "HIS", company, "DELETE", T0.plusSeconds(1), "{}");
        drain(processor, BULK_WAIT, "partners");
        assertThat(state(delete).status()).isEqualTo("PROCESSED");
    }

    @Test
    void anEmployeeNeverFailsForADepartmentAppliedAtTheSameMomentByAnotherWorker() throws SQLException {
        String run = unique("RC");
        int n = 300;
        for (int i = 0; i < n; i++) {
            String d = run + "-D" + i;
            stage("departments", "HIS", d, "CREATE", T0.plusNanos(i * 1000L), department(d, null));
            String e = run + "-E" + i;
            stage("employees", "HIS", e, "CREATE", T0.plusNanos(i * 1000L), employee(e, "Emp " + i, d));
        }
        String like = run + "-%";
        Uni.join().all(
                Workers.polling(processor, "departments", "dept-worker", 5, like),
                Workers.polling(processor, "employees", "emp-a", 5, like),
                Workers.polling(processor, "employees", "emp-b", 5, like),
                Workers.polling(processor, "employees", "emp-c", 5, like)).andFailFast().await().atMost(BULK_WAIT);

        assertThat(count("SELECT count(*) FROM staging_record WHERE external_id LIKE ? AND status = 'FAILED'", like))
                .as("rows failed for a reference that exists").isZero();
        assertThat(count("SELECT count(*) FROM employee WHERE code LIKE ? AND active", like)).isEqualTo(n);
    }
}

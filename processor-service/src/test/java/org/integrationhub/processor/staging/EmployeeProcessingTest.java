package org.integrationhub.processor.staging;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.integrationhub.devsupport.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationhub.processor.ProcessorFixture.drain;
import static org.integrationhub.processor.StagingFixture.T0_UTC8;
import static org.integrationhub.processor.StagingFixture.active;
import static org.integrationhub.processor.StagingFixture.assertArchived;
import static org.integrationhub.processor.StagingFixture.assertFailed;
import static org.integrationhub.processor.StagingFixture.assertFailedMentioning;
import static org.integrationhub.processor.StagingFixture.awaitDue;
import static org.integrationhub.processor.StagingFixture.employee;
import static org.integrationhub.processor.StagingFixture.queryString;
import static org.integrationhub.processor.StagingFixture.stage;
import static org.integrationhub.processor.StagingFixture.state;
import static org.integrationhub.processor.StagingFixture.stored;
import static org.integrationhub.processor.StagingFixture.unique;

/** The employee job: the contract's rules for employees, each row against the real database. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class EmployeeProcessingTest {

    @Inject
    StagingProcessor processor;

    String department() throws SQLException {
        String code = unique("D");
        stage("departments", "HIS", code, "CREATE", T0_UTC8, new JsonObject().put("code", code).put("name", "Ward").encode());
        drain(processor, "departments");
        return code;
    }

    @Test
    void createStoresEveryFieldInItsDepartment() throws SQLException {
        String dept = department();
        String code = unique("E");
        UUID receipt = stage("employees", "HIS", "ext-" + code, "CREATE", T0_UTC8, new JsonObject().put("code", code)
                .put("name", "Li Wei").put("departmentCode", dept).put("title", "Nurse").put("email", "li@h.example")
                .put("phone", "+86 10 5555 0101").put("hireDate", "2024-03-01").encode());
        drain(processor, "employees");

        assertThat(state(receipt).status()).isEqualTo("PROCESSED");
        assertThat(queryString("""
                SELECT e.name || '|' || d.code || '|' || e.title || '|' || e.email || '|' || e.phone || '|'
                       || e.hire_date || '|' || e.active || '|' || e.external_id
                  FROM employee e JOIN department d ON d.id = e.department_id WHERE e.code = ?""", code))
                .isEqualTo("Li Wei|" + dept + "|Nurse|li@h.example|+86 10 5555 0101|2024-03-01|true|ext-" + code);
    }

    @Test
    void anEmployeeWaitsForItsStagedDepartmentThenFollowsIt() throws Exception {
        String dept = unique("D");
        String code = unique("E");
        UUID employee = stage("employees", "HIS", code, "CREATE", T0_UTC8, employee(code, "Waits", dept));
        UUID department = stage("departments", "HIS", dept, "CREATE", T0_UTC8.plusSeconds(1),
                new JsonObject().put("code", dept).put("name", "Late ward").encode());

        drain(processor, "employees");
        assertThat(state(employee).status()).isEqualTo("PENDING");
        assertThat(state(employee).errorMessage()).contains("waiting for department " + dept);

        drain(processor, "departments");
        assertThat(state(department).status()).isEqualTo("PROCESSED");
        awaitDue(employee);
        drain(processor, "employees");
        assertThat(state(employee).status()).isEqualTo("PROCESSED");
        assertThat(state(employee).errorMessage()).isNull();
    }

    @Test
    void anEmployeeOfAFailedDepartmentFailsNamingIt() throws Exception {
        String dept = unique("D");
        String code = unique("E");
        UUID employee = stage("employees", "HIS", code, "CREATE", T0_UTC8, employee(code, "Orphan", dept));
        UUID department = stage("departments", "HIS", dept, "CREATE", T0_UTC8, new JsonObject().put("code", dept)
                .put("name", "Broken").put("parentCode", "NO-SUCH-PARENT").encode());
        drain(processor, "departments");
        assertThat(state(department).status()).isEqualTo("FAILED");
        drain(processor, "employees");

        assertFailed(employee, "REFERENCE", "department " + dept + " failed (receipt " + department);
        assertThat(stored("employee", code)).isZero();
    }

    @Test
    void theDepartmentIsCheckedAgainAtApplyTime() throws Exception {
        String dept = department();
        stage("departments", "HIS", dept, "DELETE", T0_UTC8.plusMinutes(1), "{}");
        drain(processor, "departments");
        String code = unique("E");
        // accepted by the intake while the department was active; archived before it was applied
        UUID late = stage("employees", "HIS", code, "CREATE", T0_UTC8.plusMinutes(2), employee(code, "Late", dept));
        drain(processor, "employees");

        assertFailedMentioning(late, "department " + dept + " does not exist or is archived");
    }

    @Test
    void updateMovesDeleteArchivesAndAStaleRowIsSkipped() throws Exception {
        String first = department();
        String second = department();
        String code = unique("E");
        stage("employees", "HIS", code, "CREATE", T0_UTC8, employee(code, "Mover", first));
        UUID move = stage("employees", "HIS", code, "UPDATE", T0_UTC8.plusMinutes(5), employee(code, "Mover", second));
        drain(processor, "employees");
        assertThat(state(move).status()).isEqualTo("PROCESSED");
        assertThat(queryString("SELECT d.code FROM employee e JOIN department d ON d.id = e.department_id "
                + "WHERE e.code = ?", code)).isEqualTo(second);

        UUID stale = stage("employees", "HIS", code, "UPDATE", T0_UTC8.plusMinutes(1), employee(code, "Old name", first));
        drain(processor, "employees");
        assertThat(state(stale).status()).isEqualTo("SKIPPED");
        assertThat(queryString("SELECT name FROM employee WHERE code = ?", code)).isEqualTo("Mover");

        UUID delete = stage("employees", "HIS", code, "DELETE", T0_UTC8.plusMinutes(6), "{}");
        drain(processor, "employees");
        assertArchived(delete, "employee", code);
    }

    @Test
    void updateOrDeleteOfAnUnknownEmployeeFails() throws Exception {
        String dept = department();
        String ghost = unique("G");
        UUID update = stage("employees", "HIS", ghost, "UPDATE", T0_UTC8, employee(ghost, "Nobody", dept));
        UUID delete = stage("employees", "HIS", unique("G"), "DELETE", T0_UTC8, "{}");
        drain(processor, "employees");

        assertFailedMentioning(update, "no such record");
        assertThat(state(delete).status()).isEqualTo("FAILED");
        assertThat(stored("employee", ghost)).isZero();
    }

    @Test
    void aCodeIsUniqueAmongActiveEmployeesOnly() throws Exception {
        String dept = department();
        String code = unique("E");
        stage("employees", "HIS", "first-" + code, "CREATE", T0_UTC8, employee(code, "First", dept));
        UUID clash = stage("employees", "HIS", "second-" + code, "CREATE", T0_UTC8.plusSeconds(1), employee(code, "Second", dept));
        drain(processor, "employees");
        assertFailed(clash, "CONFLICT", code);

        // once the first is archived, the code is free again
        stage("employees", "HIS", "first-" + code, "DELETE", T0_UTC8.plusSeconds(2), "{}");
        UUID again = stage("employees", "HIS", "second-" + code, "CREATE", T0_UTC8.plusSeconds(3), employee(code, "Second", dept));
        drain(processor, "employees");
        assertThat(state(again).status()).isEqualTo("PROCESSED");
        assertThat(queryString("SELECT name FROM employee WHERE code = ? AND active", code)).isEqualTo("Second");
    }

    @Test
    void aDepartmentWithAnActiveEmployeeCannotBeArchivedByDeleteOrByData() throws Exception {
        String dept = department();
        String code = unique("E");
        stage("employees", "HIS", code, "CREATE", T0_UTC8, employee(code, "Stays", dept));
        drain(processor, "employees");

        UUID delete = stage("departments", "HIS", dept, "DELETE", T0_UTC8.plusMinutes(1), "{}");
        drain(processor, "departments");
        assertFailed(delete, "CONFLICT", "employee " + code);

        UUID inactive = stage("departments", "HIS", dept, "UPDATE", T0_UTC8.plusMinutes(2),
                new JsonObject().put("code", dept).put("name", "Ward").put("active", false).encode());
        drain(processor, "departments");
        assertFailedMentioning(inactive, "employee " + code);
        assertThat(active("department", dept)).isTrue();
    }
}

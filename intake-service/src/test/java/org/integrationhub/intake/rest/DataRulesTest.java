package org.integrationhub.intake.rest;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.integrationhub.devsupport.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.integrationhub.intake.IntakeFixture.ERP;
import static org.integrationhub.intake.IntakeFixture.HIS;
import static org.integrationhub.intake.IntakeFixture.activeDepartment;
import static org.integrationhub.intake.IntakeFixture.envelope;
import static org.integrationhub.intake.IntakeFixture.partner;
import static org.integrationhub.intake.IntakeFixture.post;
import static org.integrationhub.intake.IntakeFixture.refused;
import static org.integrationhub.intake.IntakeFixture.stored;
import static org.integrationhub.intake.IntakeFixture.unique;

/** Each interface's data rules through the real HTTP stack: status, field path, code, and nothing stored. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class DataRulesTest {

    static String employee(String code, String departmentCode, String extra) {
        return "{\"code\":\"%s\",\"name\":\"Li Wei\",\"departmentCode\":\"%s\"%s}".formatted(code, departmentCode, extra);
    }

    static String partnerData(String code, String type, String category, String extra) {
        return "{\"code\":\"%s\",\"name\":\"Huaxia\",\"type\":\"%s\",\"categoryCode\":\"%s\"%s}"
                .formatted(code, type, category, extra);
    }

    @Test
    void employeeInAnActiveDepartmentIsAccepted() throws SQLException {
        String dept = unique("D");
        activeDepartment(dept);
        String id = unique("E");
        post(HIS, "employees", envelope("HIS", id, "CREATE", employee(id, dept,
                ",\"email\":\"li.wei@hospital.example\",\"hireDate\":\"2019-07-01\",\"phone\":\"+86 10 5555 0101\"")))
                .then().statusCode(202).body("interface", equalTo("employees"));
        assertThat(stored(id)).isOne();
    }

    @Test
    void employeeOfAnUnknownDepartmentIs422() throws SQLException {
        String id = unique("E");
        refused(post(HIS, "employees", envelope("HIS", id, "CREATE", employee(id, "NO-SUCH-DEPT", ""))),
                id, 422, "data.departmentCode", "unknown_reference")
                .body("errors", hasSize(1));
    }

    @Test
    void employeeInAnArchivedDepartmentIs422() throws SQLException {
        String dept = unique("D");
        activeDepartment(dept);
        org.integrationhub.intake.IntakeFixture.execute("UPDATE department SET active = false WHERE code = ?", dept);
        String id = unique("E");
        post(HIS, "employees", envelope("HIS", id, "CREATE", employee(id, dept, "")))
                .then().statusCode(422).body("errors[0].code", equalTo("unknown_reference"));
    }

    @Test
    void employeeFieldFormatsAre400() throws SQLException {
        String id = unique("E");
        refused(post(HIS, "employees", envelope("HIS", id, "CREATE", employee(id, "D1",
                ",\"email\":\"not-an-address\",\"hireDate\":\"01/07/2019\""))),
                id, 400, Map.of("data.email", "invalid_format", "data.hireDate", "invalid_format"));
    }

    @Test
    void supplierCompanyWithAValidUsccIsAccepted() throws SQLException {
        String id = unique("P");
        post(ERP, "partners", envelope("ERP", id, "CREATE", partnerData(id, "COMPANY", "SUPPLIER",
                ",\"taxId\":\"91350100M000100Y43\",\"address\":{\"city\":\"Fuzhou\",\"countryCode\":\"CN\"}")))
                .then().statusCode(202);
        assertThat(stored(id)).isOne();
    }

    @Test
    void companyWithAWrongUsccCheckCharacterIs400() throws SQLException {
        String id = unique("P");
        refused(post(ERP, "partners", envelope("ERP", id, "CREATE", partnerData(id, "COMPANY", "SUPPLIER",
                ",\"taxId\":\"91350100M000100Y44\""))), id, 400, "data.taxId", "invalid_value")
                .body("errors", hasSize(1));
    }

    @Test
    void unknownPartnerCategoryIs422() throws SQLException {
        String id = unique("P");
        refused(post(ERP, "partners", envelope("ERP", id, "CREATE", partnerData(id, "COMPANY", "ALIENS", ""))),
                id, 422, "data.categoryCode", "unknown_reference");
    }

    @Test
    void contactsParentMustBeACompany() throws SQLException {
        String company = unique("C");
        String person = unique("PP");
        partner(company, "COMPANY", true);
        partner(person, "PERSON", true);
        String contact = unique("K");
        post(ERP, "partners", envelope("ERP", contact, "CREATE", partnerData(contact, "PERSON", "SUPPLIER",
                ",\"parentCode\":\"" + person + "\""))).then().statusCode(422)
                .body("errors[0].field", equalTo("data.parentCode"));
        post(ERP, "partners", envelope("ERP", contact, "CREATE", partnerData(contact, "PERSON", "SUPPLIER",
                ",\"parentCode\":\"" + company + "\""))).then().statusCode(202);
    }

    @Test
    void partnerCountryCodeMustBeIso3166Alpha2() throws SQLException {
        String id = unique("P");
        refused(post(ERP, "partners", envelope("ERP", id, "CREATE", partnerData(id, "PERSON", "CUSTOMER",
                ",\"address\":{\"countryCode\":\"China\"}"))),
                id, 400, "data.address.countryCode", "invalid_value");
    }

    @Test
    void erpKeyMayNotSendEmployees() {
        post(ERP, "employees", envelope("ERP", "E1", "CREATE", employee("E1", "D1", "")))
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void deleteNeedsNoData() throws SQLException {
        String id = unique("D");
        post(HIS, "departments", """
                {"sourceSystem": "HIS", "externalId": "%s", "operation": "DELETE", "sentAt": "2026-11-26T08:00:00Z"}"""
                .formatted(id)).then().statusCode(202).body("operation", equalTo("DELETE"));
        assertThat(stored(id)).isOne();
    }
}

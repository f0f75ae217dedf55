package org.integrationhub.processor.rest;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.integrationhub.devsupport.PostgresTestResource;
import org.integrationhub.processor.staging.StagingProcessor;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.integrationhub.processor.ProcessorFixture.drain;
import static org.integrationhub.processor.ProcessorFixture.operator;
import static org.integrationhub.processor.StagingFixture.T0;
import static org.integrationhub.processor.StagingFixture.department;
import static org.integrationhub.processor.StagingFixture.employee;
import static org.integrationhub.processor.StagingFixture.execute;
import static org.integrationhub.processor.StagingFixture.stage;
import static org.integrationhub.processor.StagingFixture.unique;

/** The operator's read API over applied records: one, lists with filters and pages, subtree, lineage. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class BusinessReadApiTest {

    @Inject
    StagingProcessor processor;

    @Test
    void aSubtreeIsDepthFirstAndLeavesArchivedDepartmentsOutUnlessAsked() throws Exception {
        String root = unique("R");
        String a = root + "-A";
        String a1 = root + "-A1";
        String b = root + "-B";
        stage("departments", "HIS", root, "CREATE", T0, department(root, null));
        stage("departments", "HIS", b, "CREATE", T0.plusSeconds(1), department(b, root));
        stage("departments", "HIS", a, "CREATE", T0.plusSeconds(2), department(a, root));
        stage("departments", "HIS", a1, "CREATE", T0.plusSeconds(3), department(a1, a));
        stage("departments", "HIS", b, "DELETE", T0.plusSeconds(4), "{}");
        drain(processor, "departments");

        operator().get("/api/v1/departments/" + root + "/subtree").then().statusCode(200)
                .body("department.code", contains(root, a, a1))
                .body("depth", contains(0, 1, 2))
                .body("department.parentCode", contains(null, root, a));
        operator().queryParam("includeArchived", true).get("/api/v1/departments/" + root + "/subtree").then()
                .statusCode(200).body("department.code", contains(root, a, a1, b));
        operator().queryParam("includeArchived", "yes").get("/api/v1/departments/" + root + "/subtree").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("includeArchived"));
        operator().get("/api/v1/departments/NO-SUCH/subtree").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void departmentListsFilterByParentAndActiveAndPage() throws Exception {
        String root = unique("R");
        stage("departments", "HIS", root, "CREATE", T0, department(root, null));
        for (int i = 0; i < 5; i++) {
            stage("departments", "HIS", root + "-" + i, "CREATE", T0.plusSeconds(1 + i), department(root + "-" + i, root));
        }
        stage("departments", "HIS", root + "-4", "DELETE", T0.plusSeconds(10), "{}");
        drain(processor, "departments");

        operator().queryParam("parentCode", root).queryParam("size", 2).get("/api/v1/departments").then()
                .statusCode(200)
                .body("items.code", contains(root + "-0", root + "-1"))
                .body("page", equalTo(0)).body("size", equalTo(2)).body("total", equalTo(5));
        operator().queryParam("parentCode", root).queryParam("size", 2).queryParam("page", 2)
                .get("/api/v1/departments").then().statusCode(200).body("items.code", contains(root + "-4"));
        operator().queryParam("parentCode", root).queryParam("active", true).get("/api/v1/departments").then()
                .statusCode(200).body("total", equalTo(4));
        operator().queryParam("parentCode", root).queryParam("active", false).get("/api/v1/departments").then()
                .statusCode(200).body("items.code", contains(root + "-4"));
    }

    @Test
    void updatedSinceKeepsOnlyRecentChanges() throws Exception {
        String root = unique("R");
        stage("departments", "HIS", root, "CREATE", T0, department(root, null));
        stage("departments", "HIS", root + "-old", "CREATE", T0.plusSeconds(1), department(root + "-old", root));
        stage("departments", "HIS", root + "-new", "CREATE", T0.plusSeconds(2), department(root + "-new", root));
        drain(processor, "departments");
        execute("UPDATE department SET updated_at = now() - interval '1 day' WHERE code = ?", root + "-old");

        operator().queryParam("parentCode", root).queryParam("updatedSince", OffsetDateTime.now().minusHours(1).toString())
                .get("/api/v1/departments").then().statusCode(200).body("items.code", contains(root + "-new"));
    }

    @Test
    void badListParametersAreProblemsNamingEachOne() {
        operator().queryParam("active", "yes").queryParam("size", 501).queryParam("page", -1)
                .queryParam("updatedSince", "yesterday").get("/api/v1/departments").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("active", "size", "page", "updatedSince"));
        operator().queryParam("type", "ROBOT").get("/api/v1/partners").then().statusCode(400)
                .body("errors[0].field", equalTo("type")).body("errors[0].code", equalTo("invalid_value"));
    }

    @Test
    void employeesAreReadAndListedByDepartment() throws Exception {
        String dept = unique("D");
        String e1 = unique("E");
        String e2 = unique("E");
        stage("departments", "HIS", dept, "CREATE", T0, department(dept, null));
        stage("employees", "HIS", "ext-" + e1, "CREATE", T0, new JsonObject().put("code", e1).put("name", "Li Wei")
                .put("departmentCode", dept).put("hireDate", "2024-03-01").encode());
        stage("employees", "HIS", "ext-" + e2, "CREATE", T0, employee(e2, "Wang Fang", dept));
        drain(processor, "departments", "employees");

        operator().get("/api/v1/employees/" + e1).then().statusCode(200)
                .body("name", equalTo("Li Wei")).body("departmentCode", equalTo(dept))
                .body("hireDate", equalTo("2024-03-01")).body("externalId", equalTo("ext-" + e1))
                .body("active", equalTo(true));
        operator().queryParam("departmentCode", dept).get("/api/v1/employees").then().statusCode(200)
                .body("total", equalTo(2)).body("items.code", containsInAnyOrder(e1, e2));
        operator().get("/api/v1/employees/NO-SUCH").then().statusCode(404);
        operator().get("/api/v1/employees/" + e2 + "/lineage").then().statusCode(200)
                .body("interface", equalTo("employees")).body("changes.data.name", contains("Wang Fang"));
    }

    @Test
    void partnersAreReadAndListedByCategoryTypeAndCompany() throws Exception {
        String company = unique("C");
        String person = unique("P");
        stage("partners", "ERP", company, "CREATE", T0, new JsonObject().put("code", company).put("name", "Acme")
                .put("type", "COMPANY").put("categoryCode", "MANUFACTURER")
                .put("address", new JsonObject().put("city", "Shanghai").put("countryCode", "CN")).encode());
        stage("partners", "ERP", person, "CREATE", T0.plusSeconds(1), new JsonObject().put("code", person)
                .put("name", "Zhang San").put("type", "PERSON").put("categoryCode", "MANUFACTURER")
                .put("parentCode", company).encode());
        drain(processor, "partners");

        operator().get("/api/v1/partners/" + company).then().statusCode(200)
                .body("type", equalTo("COMPANY")).body("address.city", equalTo("Shanghai"))
                .body("address.countryCode", equalTo("CN")).body("parentCode", nullValue());
        operator().get("/api/v1/partners/" + person).then().statusCode(200)
                .body("parentCode", equalTo(company)).body("address", nullValue());
        operator().queryParam("parentCode", company).get("/api/v1/partners").then().statusCode(200)
                .body("items.code", contains(person));
        operator().queryParam("parentCode", company).queryParam("type", "COMPANY").get("/api/v1/partners").then()
                .statusCode(200).body("total", equalTo(0));
        operator().get("/api/v1/partners/" + person + "/lineage").then().statusCode(200)
                .body("interface", equalTo("partners")).body("changes.operation", contains("CREATE"));
        operator().queryParam("categoryCode", "MANUFACTURER").queryParam("size", 500).get("/api/v1/partners").then()
                .statusCode(200).body("items.code", hasItems(company, person));
    }

    @Test
    void partnerCategoriesAreListedWithTheSeededOnes() {
        operator().get("/api/v1/partner-categories").then().statusCode(200)
                .body("code", hasItems("CUSTOMER", "INSURER", "MANUFACTURER", "SUPPLIER"))
                .body("find { it.code == 'SUPPLIER' }.active", equalTo(true));
    }

    @Test
    void lineageListsTheRowsThatChangedTheRecordNewestFirst() throws Exception {
        String code = unique("D");
        UUID created = stage("departments", "HIS", "ext-" + code, "CREATE", T0, department(code, null));
        UUID renamed = stage("departments", "HIS", "ext-" + code, "UPDATE", T0.plusMinutes(1),
                department(code, "Renamed", null));
        // a failed row did not change it, so it is not part of its lineage
        stage("departments", "HIS", "ext-" + code, "UPDATE", T0.plusMinutes(2),
                department(code, "Bad", "NO-SUCH"));
        drain(processor, "departments");

        operator().get("/api/v1/departments/" + code + "/lineage").then().statusCode(200)
                .body("interface", equalTo("departments"))
                .body("sourceSystem", equalTo("HIS")).body("externalId", equalTo("ext-" + code))
                .body("changes.receiptId", contains(renamed.toString(), created.toString()))
                .body("changes.operation", contains("UPDATE", "CREATE"))
                .body("changes[0].data.name", equalTo("Renamed"))
                .body("changes", hasSize(2));
        operator().get("/api/v1/departments/NO-SUCH/lineage").then().statusCode(404);
    }
}

package org.integrationhub.processor.admin;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.integrationhub.common.registry.InterfaceDefinition;
import org.integrationhub.common.registry.InterfaceRegistry;
import org.integrationhub.devsupport.PostgresTestResource;
import org.integrationhub.processor.staging.StagingProcessor;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.integrationhub.processor.ProcessorFixture.drain;
import static org.integrationhub.processor.ProcessorFixture.operator;
import static org.integrationhub.processor.StagingFixture.T0;
import static org.integrationhub.processor.StagingFixture.department;
import static org.integrationhub.processor.StagingFixture.stage;
import static org.integrationhub.processor.StagingFixture.state;
import static org.integrationhub.processor.StagingFixture.unique;

/** The operator's view of staging rows: list, retry one, retry in bulk, statistics. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class RecordAdminResourceTest {

    @Inject
    StagingProcessor processor;

    /** A department row that fails: its parent does not exist (yet). */
    static UUID orphan(String source, String code, String parent) throws Exception {
        return stage("departments", source, code, "CREATE", T0, department(code, "Orphan", parent));
    }

    @Test
    void rowsAreListedNewestFirstAndFiltered() throws Exception {
        String source = unique("SRC");
        UUID first = stage("departments", source, "A", "CREATE", T0, new JsonObject().put("code", unique("A"))
                .put("name", "A").encode());
        UUID second = orphan(source, unique("B"), "NO-SUCH");
        drain(processor, "departments");

        operator().queryParam("sourceSystem", source).get("/api/v1/admin/records").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.receiptId", contains(second.toString(), first.toString()));
        operator().queryParam("sourceSystem", source).queryParam("status", "FAILED").get("/api/v1/admin/records")
                .then().statusCode(200)
                .body("items.receiptId", contains(second.toString()))
                .body("items[0].errorClass", equalTo("REFERENCE"))
                .body("items[0].errorMessage", containsString("NO-SUCH"))
                .body("items[0].data.parentCode", equalTo("NO-SUCH"))
                .body("items[0].interface", equalTo("departments"));
        operator().queryParam("sourceSystem", source).queryParam("externalId", "A").queryParam("interface", "departments")
                .get("/api/v1/admin/records").then().statusCode(200).body("items.receiptId", contains(first.toString()));
        operator().queryParam("sourceSystem", source).queryParam("size", 1).queryParam("page", 1)
                .get("/api/v1/admin/records").then().statusCode(200).body("items.receiptId", contains(first.toString()));
    }

    @Test
    void badFiltersAreProblemsNamingThem() {
        operator().queryParam("interface", "wards").queryParam("status", "DONE").get("/api/v1/admin/records")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("interface", "status"));
    }

    @Test
    void aFailedRowIsRetriedAndThenApplied() throws Exception {
        String parent = unique("P");
        UUID row = orphan("HIS", unique("C"), parent);
        drain(processor, "departments");
        assertThat(state(row).status()).isEqualTo("FAILED");

        // the operator has the parent created, then retries the child
        stage("departments", "HIS", parent, "CREATE", T0, department(parent, "P", null));
        drain(processor, "departments");
        operator().post("/api/v1/admin/records/" + row + "/retry").then().statusCode(200)
                .body("status", equalTo("PENDING")).body("attempts", equalTo(0))
                .body("errorMessage", nullValue()).body("errorClass", nullValue());
        drain(processor, "departments");

        assertThat(state(row).status()).isEqualTo("PROCESSED");
        assertThat(state(row).attempts()).isEqualTo(1);
    }

    @Test
    void onlyAFailedRowCanBeRetried() throws Exception {
        String code = unique("D");
        UUID processed = stage("departments", "HIS", code, "CREATE", T0,
                department(code, "Fine", null));
        drain(processor, "departments");

        operator().post("/api/v1/admin/records/" + processed + "/retry").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("PROCESSED"));
        assertThat(state(processed).status()).isEqualTo("PROCESSED");
        operator().post("/api/v1/admin/records/" + UUID.randomUUID() + "/retry").then().statusCode(404);
        operator().post("/api/v1/admin/records/not-a-uuid/retry").then().statusCode(404);
    }

    @Test
    void failedRowsAreRetriedInBulkByFilter() throws Exception {
        String source = unique("BULK");
        UUID a = orphan(source, unique("A"), "NO-SUCH");
        UUID b = orphan(source, unique("B"), "NO-SUCH");
        UUID elsewhere = orphan(unique("OTHER"), unique("C"), "NO-SUCH");
        drain(processor, "departments");

        operator().contentType("application/json").body("{\"sourceSystem\":\"" + source + "\",\"errorClass\":\"REFERENCE\"}")
                .post("/api/v1/admin/records/retry").then().statusCode(200).body("retried", equalTo(2));

        assertThat(state(a).status()).isEqualTo("PENDING");
        assertThat(state(b).status()).isEqualTo("PENDING");
        assertThat(state(elsewhere).status()).isEqualTo("FAILED");
        drain(processor, "departments");
        assertThat(state(a).status()).as("still no parent: fails again").isEqualTo("FAILED");
    }

    @Test
    void aBadBulkFilterIsAProblemAndRetriesNothing() {
        operator().contentType("application/json").body("{\"interface\":\"no_such_interface\",\"errorClass\":\"OOPS\",\"since\":\"x\"}")
                .post("/api/v1/admin/records/retry").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("interface", "errorClass", "since"));
        operator().contentType("application/json").body("[1]").post("/api/v1/admin/records/retry")
                .then().statusCode(400);
    }

    @Test
    void statsCountRowsPerInterfaceAndStatus() throws Exception {
        int failedBefore = failed("departments");
        orphan("HIS", unique("S"), "NO-SUCH");
        drain(processor, "departments");

        assertThat(failed("departments")).isEqualTo(failedBefore + 1);
        operator().get("/api/v1/admin/stats").then().statusCode(200)
                .body("interfaces.interface", contains(InterfaceRegistry.all().stream()
                        .map(InterfaceDefinition::name).toArray()));
    }

    static int failed(String interfaceName) {
        Integer n = operator().get("/api/v1/admin/stats").then().statusCode(200).extract()
                .path("interfaces.find { it.interface == '" + interfaceName + "' }.rows.FAILED");
        return n == null ? 0 : n;
    }

    @Test
    void anOperatorKeyIsRequired() {
        given().get("/api/v1/admin/records").then().statusCode(401);
        given().header("X-API-Key", "his-dev-key").get("/api/v1/admin/stats").then().statusCode(403);
    }
}

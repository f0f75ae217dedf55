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

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.integrationhub.processor.ProcessorFixture.drain;
import static org.integrationhub.processor.ProcessorFixture.operator;
import static org.integrationhub.processor.StagingFixture.department;
import static org.integrationhub.processor.StagingFixture.stage;
import static org.integrationhub.processor.StagingFixture.unique;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class DepartmentResourceTest {

    @Inject
    StagingProcessor processor;

    @Test
    void operatorReadsAnAppliedDepartment() throws Exception {
        String parent = unique("P");
        String code = unique("D");
        OffsetDateTime t0 = OffsetDateTime.parse("2026-11-26T08:00:00Z");
        stage("departments", "HIS", "ext-" + parent, "CREATE", t0,
                department(parent, "Medicine", null));
        stage("departments", "HIS", "ext-" + code, "CREATE", t0.plusSeconds(1), new JsonObject().put("code", code)
                .put("name", "Cardiology").put("parentCode", parent).put("costCenter", "CC-7").encode());
        drain(processor, "departments");

        operator().when().get("/api/v1/departments/" + code)
                .then().statusCode(200)
                .body("code", equalTo(code))
                .body("name", equalTo("Cardiology"))
                .body("parentCode", equalTo(parent))
                .body("costCenter", equalTo("CC-7"))
                .body("active", equalTo(true))
                .body("sourceSystem", equalTo("HIS"))
                .body("externalId", equalTo("ext-" + code))
                .body("lastReceiptId", notNullValue());
    }

    @Test
    void unknownCodeIs404Problem() {
        operator().when().get("/api/v1/departments/NOPE")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("NOPE"));
    }

    @Test
    void operatorKeyIsRequired() {
        given().when().get("/api/v1/departments/ANY").then().statusCode(401).contentType("application/problem+json");
        given().header("X-API-Key", "his-dev-key").when().get("/api/v1/departments/ANY").then().statusCode(403);
    }

    @Test
    void openApiAndSwaggerUiAreServed() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo("Integration Hub processor API"))
                .body("paths.'/api/v1/departments/{code}'.get", notNullValue());
        given().when().get("/q/swagger-ui/").then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}

package org.integrationhub.intake.rest;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.integrationhub.devsupport.PostgresTestResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.integrationhub.common.openapi.ClientReadyDocument;
import org.integrationhub.common.registry.InterfaceDefinition;
import org.integrationhub.common.registry.InterfaceRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** Partners read the OpenAPI document and try calls from Swagger UI, without a key. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class OpenApiTest {

    @Test
    void openApiDocumentDescribesThePartnerApi() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("info.title", equalTo("Integration Hub intake API"))
                .body("paths.'/api/v1/interfaces/departments/records'.post.responses.'202'", notNullValue())
                .body("paths.'/api/v1/interfaces/departments/records'.post.responses.'400'", notNullValue())
                .body("paths.'/api/v1/receipts/{receiptId}'.get", notNullValue())
                .body("paths.'/api/v1/receipts/{receiptId}'.get.responses.'400'", notNullValue())
                .body("paths.'/api/v1/interfaces/departments/records/batch'.post.responses.'415'", notNullValue())
                .body("info.description", containsString("405 with an Allow header"))
                .body("info.description", containsString("Content-Encoding other than identity"))
                .body("components.securitySchemes.apiKey.name", equalTo("X-API-Key"))
                .body("components.securitySchemes.apiKey.in", equalTo("header"));
    }

    @Test
    void everyOperationIsDocumentedWithProblemExamples() throws Exception {
        String json = given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .extract().asString();
        JsonNode doc = new ObjectMapper().readTree(json);
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String where = op.getKey() + " " + path.getKey();
                JsonNode operation = op.getValue();
                operations++;
                assertThat(operation.path("summary").asText()).as(where + " summary").isNotBlank();
                assertThat(operation.path("description").asText()).as(where + " description").isNotBlank();
                assertThat(operation.path("tags").size()).as(where + " tags").isPositive();
                assertThat(operation.path("security").size()).as(where + " security").isPositive();
                for (Map.Entry<String, JsonNode> response : operation.get("responses").properties()) {
                    if (Integer.parseInt(response.getKey()) >= 400) {
                        JsonNode problem = response.getValue().path("content").path("application/problem+json");
                        assertThat(problem.path("examples").size() + (problem.has("example") ? 1 : 0))
                                .as(where + " " + response.getKey() + " problem example").isPositive();
                    }
                }
            }
        }
        assertThat(operations).isGreaterThanOrEqualTo(5);
        // every interface the service serves has typed operations of its own, with its declaration's example
        // (the packaged jar of OpenApiIT serves the product's interfaces; the tests add the throwaway one)
        List<String> served = given().header("X-API-Key", "his-dev-key").when().get("/api/v1/interfaces")
                .then().statusCode(200).extract().jsonPath().getList("name", String.class);
        assertThat(served).contains("departments", "employees", "partners");
        for (String name : served) {
            InterfaceDefinition d = InterfaceRegistry.get(name);
            JsonNode single = doc.path("paths").path("/api/v1/interfaces/" + d.name() + "/records").path("post");
            JsonNode batch = doc.path("paths").path("/api/v1/interfaces/" + d.name() + "/records/batch").path("post");
            assertThat(single.path("operationId").asText()).as(d.name()).isNotBlank();
            assertThat(batch.path("operationId").asText()).as(d.name()).isNotBlank();
            JsonNode body = single.path("requestBody").path("content").path("application/json");
            assertThat(body.path("examples").path(d.name()).path("value"))
                    .isEqualTo(new ObjectMapper().readTree(d.example()));
            String envelope = body.path("schema").path("$ref").asText().replace("#/components/schemas/", "");
            JsonNode data = doc.path("components").path("schemas").path(envelope).path("properties").path("data");
            String dataSchema = data.path("$ref").asText().replace("#/components/schemas/", "");
            assertThat(doc.path("components").path("schemas").path(dataSchema).path("properties").path("code")
                    .path("pattern").asText()).as(d.name() + " data schema").isNotBlank();
            for (var field : d.fields()) {
                assertThat(doc.path("components").path("schemas").path(dataSchema).path("properties").has(field.name()))
                        .as(d.name() + "." + field.name()).isTrue();
            }
        }
        assertThat(doc.path("paths").has("/api/v1/interfaces/{interface}/records")).as("the templated path is replaced")
                .isFalse();
        // every reference resolves, and every schema is referenced: the expansion leaves nothing dangling
        JsonNode schemas = doc.path("components").path("schemas");
        List<String> refs = new java.util.ArrayList<>();
        doc.findValues("$ref").forEach(r -> refs.add(r.asText().replace("#/components/schemas/", "")));
        refs.forEach(r -> assertThat(schemas.has(r)).as("$ref " + r).isTrue());
        schemas.fieldNames().forEachRemaining(name -> assertThat(refs).as("schema " + name + " is used").contains(name));
    }

    @Test
    void aGeneratedClientGetsTypedCallsAndTheHeadersItReads() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString());
        ClientReadyDocument.check(doc);
        JsonNode single = doc.at("/paths/~1api~1v1~1interfaces~1departments~1records/post");
        assertThat(single.path("operationId").asText()).isEqualTo("submitDepartment");
        // a dry run answers the receipt the record would get: one return type for the generated call
        for (String status : List.of("200", "202")) {
            assertThat(single.at("/responses/" + status + "/content/application~1json/schema/$ref").asText())
                    .as(status).isEqualTo("#/components/schemas/Receipt");
        }
        assertThat(doc.at("/components/schemas/Receipt/properties/dryRun/type").asText()).isEqualTo("boolean");
        assertThat(doc.at("/components/schemas/Receipt/properties/receiptId/format").asText()).isEqualTo("uuid");
        assertThat(doc.at("/components/schemas/BatchItem/properties/receiptId/format").asText()).isEqualTo("uuid");
        assertThat(doc.at("/paths/~1api~1v1~1receipts~1{receiptId}/get/parameters/0/schema/format").asText())
                .isEqualTo("uuid");
        assertThat(single.at("/responses/202/headers").has("Location")).isTrue();
        assertThat(single.at("/responses/202/headers").has("Idempotent-Replayed")).isTrue();
        JsonNode batch = doc.at("/paths/~1api~1v1~1interfaces~1departments~1records~1batch/post");
        assertThat(batch.at("/responses/200/headers").has("Idempotent-Replayed")).isTrue();
        assertThat(batch.path("responses").has("429")).isTrue();
        // one operation enum, the envelope's and the receipt's
        assertThat(doc.at("/components/schemas/DepartmentRecord/properties/operation/$ref").asText())
                .isEqualTo("#/components/schemas/Operation");
        assertThat(doc.at("/components/schemas/Receipt/properties/operation/$ref").asText())
                .isEqualTo("#/components/schemas/Operation");
        assertThat(doc.at("/components/schemas/DepartmentRecord/properties/data/$ref").asText())
                .isEqualTo("#/components/schemas/DepartmentData");
        // each interface's examples are its own: problems at its path, an unknown reference of its own fields
        for (String name : List.of("departments", "employees", "partners")) {
            String path = "/api/v1/interfaces/" + name + "/records";
            JsonNode op = doc.path("paths").path(path).path("post");
            op.path("responses").properties().forEach(r -> r.getValue().path("content").path("application/problem+json")
                    .path("examples").forEach(e -> assertThat(e.at("/value/instance").asText())
                            .as(path + " " + r.getKey()).isEqualTo(path)));
            String field = op.at("/responses/422/content/application~1problem+json/examples/unknown reference/value/errors/0/field")
                    .asText().replace("data.", "");
            assertThat(InterfaceRegistry.get(name).referenceFields()).as(path)
                    .anyMatch(f -> f.name().equals(field));
            assertThat(op.at("/responses/202/content/application~1json/examples/accepted/value/interface").asText())
                    .isEqualTo(name);
        }
    }

    @Test
    void swaggerUiIsServed() {
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger-ui"));
    }

    @Test
    void healthIsOpenAndReady() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}

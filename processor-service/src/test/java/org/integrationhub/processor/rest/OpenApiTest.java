package org.integrationhub.processor.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.integrationhub.common.openapi.ClientReadyDocument;
import org.integrationhub.common.registry.FieldSpec;
import org.integrationhub.common.registry.InterfaceDefinition;
import org.integrationhub.common.registry.InterfaceRegistry;
import org.integrationhub.devsupport.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The operator API's document: every interface in the registry has typed read operations of its own. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class OpenApiTest {

    static JsonNode document() throws Exception {
        return new ObjectMapper().readTree(given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString());
    }

    @Test
    void everyInterfaceHasTypedReadOperationsDerivedFromItsDeclaration() throws Exception {
        JsonNode doc = document();
        JsonNode paths = doc.path("paths");
        JsonNode schemas = doc.path("components").path("schemas");
        assertThat(paths.has("/api/v1/{interface}")).as("the templated paths are replaced").isFalse();
        for (InterfaceDefinition d : InterfaceRegistry.all()) {
            String base = "/api/v1/" + d.name();
            JsonNode list = paths.path(base).path("get");
            JsonNode one = paths.path(base + "/{code}").path("get");
            assertThat(list.path("operationId").asText()).as(d.name()).startsWith("list");
            assertThat(one.path("operationId").asText()).as(d.name()).startsWith("get");
            assertThat(paths.path(base + "/{code}/lineage").path("get").isMissingNode()).as(d.name()).isFalse();
            boolean tree = d.referenceFields().stream().anyMatch(d::selfReference);
            assertThat(paths.has(base + "/{code}/subtree")).as(d.name() + " subtree").isEqualTo(tree);

            List<String> parameters = new ArrayList<>();
            list.path("parameters").forEach(p -> parameters.add(p.path("name").asText()));
            assertThat(parameters).as(d.name()).contains("active", "updatedSince", "page", "size")
                    .doesNotContain("interface");
            d.filters().forEach(f -> assertThat(parameters).as(d.name()).contains(f.name()));

            String record = one.at("/responses/200/content/application~1json/schema/$ref").asText()
                    .replace("#/components/schemas/", "");
            JsonNode properties = schemas.path(record).path("properties");
            for (FieldSpec field : d.fields()) {
                assertThat(properties.has(field.name())).as(d.name() + "." + field.name()).isTrue();
            }
            assertThat(properties.has("lastSentAt")).isTrue();
        }
        assertThat(paths.has("/api/v1/employees/{code}/subtree")).isFalse();
        assertThat(schemas.has("EmployeeSubtree")).as("no schema for a subtree that is not served").isFalse();
        // every reference resolves, and every schema is referenced: the expansion leaves nothing dangling
        List<String> refs = new ArrayList<>();
        doc.findValues("$ref").forEach(r -> refs.add(r.asText().replace("#/components/schemas/", "")));
        refs.forEach(r -> assertThat(schemas.has(r)).as("$ref " + r).isTrue());
        schemas.fieldNames().forEachRemaining(name -> assertThat(refs).as("schema " + name + " is used").contains(name));
        assertThat(paths.has("/api/v1/departments/{code}/subtree")).isTrue();
    }

    @Test
    void everyOperationDocumentsTheKeyErrorsOnceForAll() throws Exception {
        JsonNode doc = document();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                operations++;
                String where = op.getKey() + " " + path.getKey();
                for (String status : List.of("401", "403", "500", "503")) {
                    JsonNode problem = op.getValue().path("responses").path(status).path("content")
                            .path("application/problem+json");
                    assertThat(problem.path("examples").size()).as(where + " " + status).isPositive();
                }
                assertThat(op.getValue().path("operationId").asText()).as(where + " operationId").isNotBlank();
            }
        }
        assertThat(operations).isGreaterThan(10);
    }

    @Test
    void operatorsCanTryEveryCallFromSwaggerUi() throws Exception {
        JsonNode doc = document();
        ClientReadyDocument.check(doc);
        // bodies are typed, so Swagger UI shows a JSON editor with the example, not a file picker
        assertThat(doc.at("/paths/~1api~1v1~1admin~1jobs~1{name}/patch/requestBody/content/application~1json/schema/$ref")
                .asText()).isEqualTo("#/components/schemas/JobChange");
        assertThat(doc.at("/paths/~1api~1v1~1admin~1records~1retry/post/requestBody/content/application~1json/schema/$ref")
                .asText()).isEqualTo("#/components/schemas/RetryFilter");
        assertThat(doc.at("/components/schemas/JobChange/properties/args/type").asText()).isEqualTo("object");
        // list parameters say their type and default
        Map<String, JsonNode> parameters = new java.util.HashMap<>();
        doc.at("/paths/~1api~1v1~1departments/get/parameters").forEach(p -> parameters.put(p.path("name").asText(), p));
        assertThat(parameters.get("active").at("/schema/type").asText()).isEqualTo("boolean");
        assertThat(parameters.get("page").at("/schema/type").asText()).isEqualTo("integer");
        assertThat(parameters.get("page").at("/schema/default").asInt()).isZero();
        assertThat(parameters.get("size").at("/schema/default").asInt()).isEqualTo(50);
        assertThat(parameters.get("updatedSince").at("/schema/format").asText()).isEqualTo("date-time");
        assertThat(doc.at("/paths/~1api~1v1~1departments~1{code}/get/parameters/0/example").asText()).isNotBlank();
    }
}

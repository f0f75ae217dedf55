package org.integrationhub.common.openapi;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What both services' OpenAPI documents promise a partner who generates a client from them (openapi-generator,
 * Swagger UI): a stable, unique operationId on every operation; parameters named and typed as a client's
 * method arguments can be (no path parameter called {@code interface}; every path parameter with an example
 * or its allowed values); no request body that Swagger UI would show as a file; JSON types rather than schemas
 * named after our Java classes; the X-Correlation-Id header on every answer and 429 on every keyed call; a
 * relative server, so the document describes whichever host serves it.
 */
public final class ClientReadyDocument {

    private static final List<String> JAVA_TYPES = List.of("OffsetDateTime", "UUID", "LocalDate", "Instant",
            "JsonNode", "ObjectNode", "JsonNodeType");

    private ClientReadyDocument() {
    }

    public static void check(JsonNode doc) {
        assertThat(doc.path("servers")).hasSize(1);
        assertThat(doc.path("servers").path(0).path("url").asText()).isEqualTo("/");
        assertThat(doc.path("info").path("license").path("identifier").asText()).isNotBlank();
        assertThat(doc.path("info").path("contact").path("name").asText()).isNotBlank();
        JsonNode schemas = doc.path("components").path("schemas");
        JAVA_TYPES.forEach(type -> assertThat(schemas.has(type)).as("schema " + type).isFalse());
        assertThat(doc.toString()).as("the scanner's example dates").doesNotContain("2022-03-10");

        Set<String> operationIds = new HashSet<>();
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            assertThat(path.getKey()).doesNotContain("{interface}");
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String where = op.getKey() + " " + path.getKey();
                JsonNode operation = op.getValue();
                assertThat(operationIds.add(operation.path("operationId").asText())).as(where + " operationId")
                        .isTrue();
                assertThat(operation.path("operationId").asText()).as(where).matches("[a-z][A-Za-z]+");
                for (JsonNode p : operation.path("parameters")) {
                    String name = where + " parameter " + p.path("name").asText();
                    assertThat(p.path("schema").has("type") || p.path("schema").has("$ref")).as(name + " type").isTrue();
                    if (p.path("in").asText().equals("path")) {
                        assertThat(p.has("example") || p.path("schema").has("enum") || p.path("schema").has("$ref"))
                                .as(name + " example").isTrue();
                    }
                }
                operation.path("requestBody").path("content").forEach(media -> assertThat(
                        media.path("schema").path("format").asText()).as(where + " body").isNotEqualTo("binary"));
                if (!operation.path("security").isEmpty()) {
                    assertThat(operation.path("responses").has("429")).as(where + " 429").isTrue();
                }
                for (Map.Entry<String, JsonNode> response : operation.path("responses").properties()) {
                    assertThat(response.getValue().path("headers").has("X-Correlation-Id"))
                            .as(where + " " + response.getKey() + " X-Correlation-Id").isTrue();
                }
            }
        }
        assertThat(operationIds).hasSizeGreaterThan(5);
    }
}

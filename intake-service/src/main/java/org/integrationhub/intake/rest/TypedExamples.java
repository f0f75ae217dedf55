package org.integrationhub.intake.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.integrationhub.common.openapi.OpenApiSchemas;
import org.integrationhub.common.registry.FieldSpec;
import org.integrationhub.common.registry.InterfaceDefinition;
import org.integrationhub.common.registry.Reference;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The responses of one interface's typed operations, with examples of that interface: the problems happen at its
 * own path, an unknown reference names one of its own reference fields (none when it has none), and the answers
 * show the receipt its example record gets. Partners copy examples into their tests and mocks, so an employee's
 * example must not show a department's path or field. No 404: the typed path exists whenever the interface does.
 */
final class TypedExamples {

    static final String RECEIPT_ID = "0190f0a3-7c1e-7d2a-9c4b-5e6f7a8b9c0d";

    private TypedExamples() {
    }

    static APIResponses responses(APIResponses template, InterfaceDefinition d, JsonNode example, String path) {
        APIResponses responses = OASFactory.createAPIResponses();
        for (Map.Entry<String, APIResponse> entry : template.getAPIResponses().entrySet()) {
            String status = entry.getKey();
            if (status.equals("404")) {
                continue;
            }
            APIResponse source = entry.getValue();
            APIResponse response = OASFactory.createAPIResponse().description(source.getDescription());
            if (source.getHeaders() != null) {
                response.setHeaders(new LinkedHashMap<>(source.getHeaders()));
            }
            if (source.getContent() != null) {
                Content content = OASFactory.createContent();
                source.getContent().getMediaTypes().forEach((type, media) ->
                        content.addMediaType(type, media(media, d, example, path)));
                response.setContent(content);
            }
            if (path.endsWith("/records")) {
                answer(response, status, d, example);
            }
            responses.addAPIResponse(status, response);
        }
        return responses;
    }

    private static MediaType media(MediaType source, InterfaceDefinition d, JsonNode example, String path) {
        MediaType media = OASFactory.createMediaType().schema(source.getSchema());
        if (source.getExamples() == null) {
            return media;
        }
        for (Map.Entry<String, Example> e : source.getExamples().entrySet()) {
            Object value = e.getValue().getValue();
            if (e.getKey().equals("unknown reference")) {
                value = unknownReference(d, example);
                if (value == null) {
                    continue;
                }
            }
            media.addExample(e.getKey(), OASFactory.createExample().summary(e.getValue().getSummary())
                    .description(e.getValue().getDescription()).value(at(value, path)));
        }
        return media;
    }

    /** The problem as it happens at {@code path}. */
    private static Object at(Object value, String path) {
        if (value instanceof ObjectNode node && node.has("instance")) {
            ObjectNode copy = node.deepCopy();
            copy.put("instance", path);
            return copy;
        }
        if (value instanceof Map<?, ?> map && map.containsKey("instance")) {
            Map<Object, Object> copy = new LinkedHashMap<>(map);
            copy.put("instance", path);
            return copy;
        }
        return value;
    }

    /** The 422 of a reference to nothing, for this interface's first reference field; null when it has none. */
    private static Map<String, Object> unknownReference(InterfaceDefinition d, JsonNode example) {
        List<FieldSpec> references = d.referenceFields();
        if (references.isEmpty()) {
            return null;
        }
        FieldSpec field = references.get(0);
        Reference kind = field.reference();
        String code = example.path("data").path(field.name()).asText("X-001");
        String message = "No active " + kind.label() + " with code '" + code + "'"
                + (kind.toInterface() ? ", and none waiting from " + example.path("sourceSystem").asText() : "");
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:integration-hub:problem:unknown-reference");
        problem.put("title", "A referenced record does not exist");
        problem.put("status", 422);
        problem.put("detail", message);
        problem.put("instance", "");
        problem.put("correlationId", "4f1c2b9e-1d1a-4b8e-9b7e-2f0c6f1f9a10");
        problem.put("errors", List.of(Map.of("field", "data." + field.name(), "code", "unknown_reference",
                "message", message)));
        return problem;
    }

    /** The receipt the example record gets (202), or its dry run's (200). */
    private static void answer(APIResponse response, String status, InterfaceDefinition d, JsonNode example) {
        MediaType json = response.getContent() == null ? null : response.getContent().getMediaType("application/json");
        if (json == null || !(status.equals("202") || status.equals("200"))) {
            return;
        }
        boolean dryRun = status.equals("200");
        Map<String, Object> receipt = new LinkedHashMap<>();
        if (dryRun) {
            receipt.put("dryRun", true);
        } else {
            receipt.put("receiptId", RECEIPT_ID);
        }
        receipt.put("interface", d.name());
        for (String field : List.of("sourceSystem", "externalId", "operation", "sentAt")) {
            receipt.put(field, OpenApiSchemas.plain(example.path(field)));
        }
        if (!dryRun) {
            receipt.put("receivedAt", "2026-11-26T00:00:01.204518Z");
        }
        receipt.put("status", "PENDING");
        if (!dryRun) {
            receipt.put("errorMessage", null);
            receipt.put("attempts", 0);
            receipt.put("processedAt", null);
        }
        json.addExample(dryRun ? "would be accepted" : "accepted", OASFactory.createExample().value(receipt));
    }
}

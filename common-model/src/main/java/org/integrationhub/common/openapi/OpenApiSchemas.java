package org.integrationhub.common.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.integrationhub.common.validation.Json;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the JSON Schemas the registry derives into the OpenAPI document's schema model (OpenAPI 3.1 is JSON Schema). */
public final class OpenApiSchemas {

    private OpenApiSchemas() {
    }

    /** {@code schema} as an OpenAPI schema, without {@code $schema}. */
    public static Schema of(JsonNode schema) {
        Schema result = OASFactory.createSchema();
        for (Map.Entry<String, JsonNode> keyword : schema.properties()) {
            String key = keyword.getKey();
            JsonNode value = keyword.getValue();
            switch (key) {
                case "$schema" -> { }
                case "properties" -> {
                    Map<String, Schema> properties = new LinkedHashMap<>();
                    value.properties().forEach(p -> properties.put(p.getKey(), of(p.getValue())));
                    result.setProperties(properties);
                }
                case "items" -> result.setItems(of(value));
                case "type" -> result.addType(Schema.SchemaType.valueOf(value.asText().toUpperCase(java.util.Locale.ROOT)));
                default -> result.set(key, plain(value));
            }
        }
        return result;
    }

    /** The parameters of {@code operation} and of its {@code path}, but the one called {@code name}. */
    public static List<Parameter> parametersWithout(PathItem path, Operation operation, String name) {
        List<Parameter> parameters = new ArrayList<>();
        for (List<Parameter> level : Arrays.asList(path.getParameters(), operation.getParameters())) {
            if (level != null) {
                level.stream().filter(p -> !name.equals(p.getName())).forEach(parameters::add);
            }
        }
        return parameters;
    }

    /** A type's name in a generated client: "department" gives "Department", "company partner" "CompanyPartner", "ward_rounds" "WardRounds". */
    public static String typeName(String words) {
        StringBuilder s = new StringBuilder();
        for (String part : words.split("[ _]")) {
            if (!part.isEmpty()) {
                s.append(part.substring(0, 1).toUpperCase(java.util.Locale.ROOT)).append(part.substring(1));
            }
        }
        return s.toString();
    }

    /** A JSON value as plain maps, lists, strings, numbers and booleans. */
    public static Object plain(JsonNode value) {
        return Json.STRICT.convertValue(value, Object.class);
    }
}

package org.integrationhub.processor.rest;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.integrationhub.common.openapi.OpenApiSchemas;
import org.integrationhub.common.openapi.ProblemResponsesFilter;
import org.integrationhub.common.registry.FieldSpec;
import org.integrationhub.common.registry.InterfaceDefinition;
import org.integrationhub.common.registry.InterfaceRegistry;
import org.integrationhub.common.registry.JsonSchemas;
import org.integrationhub.common.validation.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Gives every interface in the registry its own typed read operations in the OpenAPI document:
 * {@link BusinessRecordResource} serves {@code /api/v1/{interface}/...} for any interface, and this filter
 * replaces those templated paths with one set per interface ({@code listDepartments}, {@code getDepartment},
 * ...), with the record's schema derived from the declaration and its declared filters as query parameters;
 * the subtree only where the interface references itself. Then the problem responses every operation shares
 * are completed ({@link ProblemResponsesFilter}).
 */
public class BusinessOperationsFilter implements OASFilter {

    static final String BASE = "/api/v1/{interface}";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Map<String, PathItem> paths = openAPI.getPaths().getPathItems();
        PathItem list = paths.get(BASE);
        PathItem one = paths.get(BASE + "/{code}");
        PathItem lineage = paths.get(BASE + "/{code}/lineage");
        PathItem subtree = paths.get(BASE + "/{code}/subtree");
        if (list != null && one != null && lineage != null && subtree != null) {
            Map<String, PathItem> expanded = new LinkedHashMap<>();
            for (Map.Entry<String, PathItem> path : paths.entrySet()) {
                if (!path.getKey().startsWith(BASE)) {
                    expanded.put(path.getKey(), path.getValue());
                }
            }
            for (InterfaceDefinition d : InterfaceRegistry.all()) {
                String type = OpenApiSchemas.typeName(d.recordLabel());
                declareSchemas(openAPI.getComponents(), d, type);
                String base = "/api/v1/" + d.name();
                expanded.put(base, copy(list, d, "list" + OpenApiSchemas.typeName(d.name()), type + "Page", filters(d)));
                expanded.put(base + "/{code}", copy(one, d, "get" + type, type, List.of()));
                if (d.parentField().isPresent()) {
                    expanded.put(base + "/{code}/subtree", copy(subtree, d, "get" + type + "Subtree",
                            type + "Subtree", List.of()));
                }
                expanded.put(base + "/{code}/lineage", copy(lineage, d, "get" + type + "Lineage", null, List.of()));
                openAPI.addTag(OASFactory.createTag().name(OpenApiSchemas.typeName(d.name()))
                        .description(d.description() + ": the business records, as applied"));
            }
            openAPI.getPaths().setPathItems(expanded);
            // the templated operations' generic page is replaced by one typed page per interface
            openAPI.getComponents().removeSchema("Page");
        }
        new ProblemResponsesFilter("Not an operator key").filterOpenAPI(openAPI);
    }

    private static void declareSchemas(Components components, InterfaceDefinition d, String type) {
        components.addSchema(type, OpenApiSchemas.of(JsonSchemas.recordSchema(d)));
        components.addSchema(type + "Page", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One page of " + d.name() + ", ordered by code")
                .addProperty("items", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref(type)))
                .addProperty("page", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                        .description("This page's number, from 0"))
                .addProperty("size", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                        .description("Records per page"))
                .addProperty("total", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                        .description("Records matching the filter, on all pages")));
        if (d.parentField().isEmpty()) {
            return;
        }
        components.addSchema(type + "Subtree", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                .items(OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                        .addProperty("depth", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                                .description("0 for the record asked for, 1 for its children, ..."))
                        .addProperty(d.recordLabel(), OASFactory.createSchema().ref(type))));
    }

    private static List<Parameter> filters(InterfaceDefinition d) {
        List<Parameter> parameters = new ArrayList<>();
        for (FieldSpec field : d.filters()) {
            Schema schema = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
            field.allowed().forEach(schema::addEnumeration);
            parameters.add(OASFactory.createParameter().name(field.name()).in(Parameter.In.QUERY)
                    .description("Only " + d.name() + " whose " + field.name() + " is this").schema(schema));
        }
        return parameters;
    }

    /** A template's words for "record" in the interface's: "Read a record" gives "Read an employee". */
    static String named(String text, InterfaceDefinition d) {
        String label = d.recordLabel();
        String article = "aeiou".indexOf(label.charAt(0)) >= 0 ? "an" : "a";
        return text.replace("records", d.name())
                .replace("a record", article + " " + label)
                .replace("A record", article.substring(0, 1).toUpperCase(Locale.ROOT) + article.substring(1) + " " + label)
                .replace("record", label);
    }

    /** The code in the declaration's example record. */
    private static String exampleCode(InterfaceDefinition d) {
        try {
            return Json.STRICT.readTree(d.example()).path("data").path("code").asText(null);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(d + ": its example is not JSON", e);
        }
    }

    private static PathItem copy(PathItem template, InterfaceDefinition d, String operationId, String schema,
                                 List<Parameter> extraParameters) {
        Operation source = template.getGET();
        List<Parameter> parameters = new ArrayList<>();
        for (Parameter p : OpenApiSchemas.parametersWithout(template, source, "interface")) {
            // the template's parameters are shared by every interface's copy: the code gets one of its own
            parameters.add(!"code".equals(p.getName()) ? p : OASFactory.createParameter().name("code")
                    .in(Parameter.In.PATH).required(true).schema(p.getSchema())
                    .description("The " + d.recordLabel() + "'s code").example(exampleCode(d)));
        }
        parameters.addAll(extraParameters);
        APIResponses responses = OASFactory.createAPIResponses();
        for (Map.Entry<String, APIResponse> r : source.getResponses().getAPIResponses().entrySet()) {
            APIResponse response = r.getValue();
            if (r.getKey().equals("200") && schema != null) {
                response = OASFactory.createAPIResponse().description(response.getDescription())
                        .content(OASFactory.createContent().addMediaType("application/json",
                                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(schema))));
            }
            responses.addAPIResponse(r.getKey(), response);
        }
        Operation op = OASFactory.createOperation()
                .operationId(operationId)
                .summary(named(source.getSummary(), d))
                .description(source.getDescription())
                .tags(List.of(OpenApiSchemas.typeName(d.name())))
                .security(source.getSecurity())
                .parameters(parameters)
                .responses(responses);
        return OASFactory.createPathItem().GET(op);
    }
}

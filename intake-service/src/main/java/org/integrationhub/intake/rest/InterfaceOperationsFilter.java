package org.integrationhub.intake.rest;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.integrationhub.common.openapi.OpenApiSchemas;
import org.integrationhub.common.openapi.ProblemResponsesFilter;
import org.integrationhub.common.registry.InterfaceDefinition;
import org.integrationhub.common.registry.InterfaceRegistry;
import org.integrationhub.common.registry.JsonSchemas;
import org.integrationhub.common.validation.Json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives every interface in the registry its own typed operations in the OpenAPI document, so a generated
 * client has {@code submitDepartment(DepartmentRecord)} rather than one untyped call: the resource serves
 * {@code /api/v1/interfaces/{interface}/records} and {@code .../batch} for any interface, and this filter
 * replaces those two templated paths with one path per interface, whose body is that interface's envelope
 * (its {@code data} schema derived from the declaration) with the declaration's example. The paths that stay
 * templated name their parameter {@code interfaceName}, an enum of the registry's names, since {@code interface}
 * is a reserved word in the languages clients are generated in. Then the problem responses every operation
 * shares are completed ({@link ProblemResponsesFilter}).
 */
public class InterfaceOperationsFilter implements OASFilter {

    static final String RECORDS = "/api/v1/interfaces/{interface}/records";
    static final String BATCH = RECORDS + "/batch";
    static final String DRY_RUN_DESCRIPTION = "true only in a dry run's answer: nothing was stored, so there is no "
            + "receiptId or receivedAt, unless the record's idempotency key would replay a stored record, whose "
            + "receipt this then is; absent on a real call's receipt";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Map<String, PathItem> paths = openAPI.getPaths().getPathItems();
        PathItem records = paths.get(RECORDS);
        PathItem batch = paths.get(BATCH);
        if (records != null && batch != null) {
            Map<String, PathItem> expanded = new LinkedHashMap<>();
            for (Map.Entry<String, PathItem> path : paths.entrySet()) {
                if (path.getKey().equals(RECORDS)) {
                    for (InterfaceDefinition d : InterfaceRegistry.all()) {
                        declareSchemas(openAPI.getComponents(), d);
                        String single = RECORDS.replace("{interface}", d.name());
                        String many = BATCH.replace("{interface}", d.name());
                        expanded.put(single, typed(records, d, false, single));
                        expanded.put(many, typed(batch, d, true, many));
                    }
                } else if (!path.getKey().equals(BATCH)) {
                    expanded.put(path.getKey(), path.getValue());
                }
            }
            openAPI.getPaths().setPathItems(expanded);
            // the templated operations' untyped schemas are replaced by one typed envelope and batch per interface
            openAPI.getComponents().removeSchema("Batch");
            openAPI.getComponents().removeSchema("Envelope");
        }
        Schema receipt = openAPI.getComponents().getSchemas().get("Receipt");
        if (receipt != null) {
            // a dry run answers the receipt the record would get, so a generated client's call returns one type
            receipt.addProperty("dryRun", OASFactory.createSchema().addType(Schema.SchemaType.BOOLEAN)
                    .description(DRY_RUN_DESCRIPTION));
        }
        nameInterfaceParameters(openAPI);
        new ProblemResponsesFilter().filterOpenAPI(openAPI);
    }

    /** The names the generated types get: {@code departments} (a "department") gives {@code Department}. */
    static String typeName(InterfaceDefinition d) {
        return OpenApiSchemas.typeName(d.recordLabel());
    }

    private static void declareSchemas(Components components, InterfaceDefinition d) {
        String type = typeName(d);
        components.addSchema(type + "Data", OpenApiSchemas.of(JsonSchemas.dataSchema(d)));
        Schema envelope = components.getSchemas().get("Envelope");
        Schema typed = OASFactory.createSchema();
        typed.setAll(envelope.getAll());
        Map<String, Schema> properties = new LinkedHashMap<>(envelope.getProperties());
        properties.put("data", OASFactory.createSchema().ref(type + "Data"));
        Schema externalId = OASFactory.createSchema();
        externalId.setAll(properties.get("externalId").getAll());
        externalId.setExamples(List.of(example(d).path("externalId").asText()));
        properties.put("externalId", externalId);
        typed.setProperties(properties);
        typed.setDescription("One record of the interface " + d.name());
        components.addSchema(type + "Record", typed);
        Schema batch = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addRequired("records")
                .addProperty("records", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .minItems(1).maxItems(1000).description("1 to 1000 envelopes")
                        .items(OASFactory.createSchema().ref(type + "Record")));
        components.addSchema(type + "Batch", batch);
    }

    private static PathItem typed(PathItem template, InterfaceDefinition d, boolean isBatch, String path) {
        Operation source = template.getPOST();
        String type = typeName(d);
        JsonNode example = example(d);
        Operation op = OASFactory.createOperation()
                .operationId(isBatch ? "submit" + type + "Batch" : "submit" + type)
                .summary(source.getSummary() + " of " + d.name())
                .description(d.description() + ".\n\n" + source.getDescription())
                .tags(source.getTags())
                .security(source.getSecurity())
                .responses(TypedExamples.responses(source.getResponses(), d, example, path));
        op.setParameters(OpenApiSchemas.parametersWithout(template, source, "interface"));
        Object exampleValue = isBatch
                ? Map.of("records", List.of(OpenApiSchemas.plain(example)))
                : OpenApiSchemas.plain(example);
        MediaType json = OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(type + (isBatch ? "Batch" : "Record")))
                .addExample(d.name(), OASFactory.createExample().summary("A CREATE of " + d.name()).value(exampleValue));
        op.setRequestBody(OASFactory.createRequestBody().required(true)
                .content(OASFactory.createContent().addMediaType("application/json", json)));
        return OASFactory.createPathItem().POST(op);
    }

    /** A comma-separated list: what clients send for an array in form style, not exploded. */
    private static void commaSeparated(Parameter p, Schema items) {
        p.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(items));
        p.setStyle(Parameter.Style.FORM);
        p.setExplode(false);
        if (p.getExample() instanceof String example) {
            p.setExample(List.of(example.split(",")));
        }
    }

    /** The declaration's example envelope. */
    static JsonNode example(InterfaceDefinition d) {
        try {
            return Json.STRICT.readTree(d.example());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(d + ": its example is not JSON", e);
        }
    }

    /**
     * Renames the path parameter {@code interface} of the templated paths that remain to {@code interfaceName}, an
     * enum of the registry's names: the name of a path template's parameter is not on the wire, and a generated
     * client would otherwise call it {@code _interface}.
     */
    private static void nameInterfaceParameters(OpenAPI openAPI) {
        Schema names = OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                .description("An interface's name, as GET /api/v1/interfaces lists them");
        InterfaceRegistry.all().forEach(d -> names.addEnumeration(d.name()));
        openAPI.getComponents().addSchema("InterfaceName", names);
        Map<String, PathItem> renamed = new LinkedHashMap<>();
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            renamed.put(path.getKey().replace("{interface}", "{interfaceName}"), path.getValue());
            for (Operation op : path.getValue().getOperations().values()) {
                for (Parameter p : op.getParameters() == null ? List.<Parameter>of() : op.getParameters()) {
                    if ("interface".equals(p.getName()) && p.getIn() == Parameter.In.PATH) {
                        p.setName("interfaceName");
                        p.setSchema(OASFactory.createSchema().ref("InterfaceName"));
                        p.setDescription("The interface: one of " + InterfaceRegistry.all().stream()
                                .map(InterfaceDefinition::name).toList());
                    } else if ("interface".equals(p.getName()) && p.getIn() == Parameter.In.QUERY) {
                        commaSeparated(p, OASFactory.createSchema().ref("InterfaceName"));
                    } else if ("status".equals(p.getName()) && path.getKey().equals("/api/v1/receipts")) {
                        Schema outcomes = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
                        List.of("PROCESSED", "FAILED", "SKIPPED").forEach(outcomes::addEnumeration);
                        commaSeparated(p, outcomes);
                    }
                }
            }
        }
        openAPI.getPaths().setPathItems(renamed);
    }
}

package org.integrationhub.processor.rest;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.integrationhub.common.problem.Problem;
import org.integrationhub.common.problem.ProblemException;
import org.integrationhub.common.registry.FieldSpec;
import org.integrationhub.common.registry.FieldType;
import org.integrationhub.common.registry.InterfaceDefinition;
import org.integrationhub.common.registry.InterfaceRegistry;
import org.integrationhub.processor.business.BusinessRecords;
import org.integrationhub.processor.business.Lineage;
import org.integrationhub.processor.business.LineageRepository;
import org.integrationhub.processor.business.Page;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Operators read the business records the processor applied, for every interface in the registry: a page in
 * code order filtered by {@code active}, {@code updatedSince} and the filters its declaration names; one
 * record by code; its lineage; and, for an interface that references itself, a record's subtree. The OpenAPI
 * document shows these operations once per interface, typed ({@link BusinessOperationsFilter}).
 */
@Path("/api/v1/{interface}")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Business records", description = "The records the processor applied, per interface")
@SecurityRequirement(name = "apiKey")
public class BusinessRecordResource {

    @Inject
    BusinessRecords records;
    @Inject
    LineageRepository lineage;

    @GET
    @Operation(summary = "List records", description = "A page of records in code order, filtered.")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Page.class)))
    @APIResponse(responseCode = "400", description = "A query parameter is invalid")
    @APIResponse(responseCode = "404", description = "No such interface")
    public Uni<Page<Map<String, Object>>> list(
            @PathParam("interface") String interfaceName,
            @Parameter(description = "true: active only; false: archived only; absent: both",
                    schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("active") String active,
            @Parameter(description = "Only records changed at or after this ISO 8601 instant",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"), example = "2026-11-26T00:00:00Z")
            @QueryParam("updatedSince") String updatedSince,
            @Parameter(description = "Page number, from 0", schema = @Schema(type = SchemaType.INTEGER, minimum = "0",
                    defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(description = "Records per page", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "500", defaultValue = "50")) @QueryParam("size") String size,
            @Context UriInfo uri) {
        InterfaceDefinition d = definition(interfaceName);
        ListParams params = ListParams.check();
        Map<String, String> filters = new HashMap<>();
        for (FieldSpec filter : d.filters()) {
            String value = uri.getQueryParameters().getFirst(filter.name());
            if (filter.type() == FieldType.ENUM) {
                params.oneOf(filter.name(), value, Set.copyOf(filter.allowed()));
            }
            filters.put(filter.name(), value);
        }
        return records.list(d, params.query(active, updatedSince, page, size), filters);
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "Read a record", description = "The active record with this code, or the most recently "
            + "archived one when none is active.")
    @APIResponse(responseCode = "200", description = "The record",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = "No such interface, or no record with this code")
    public Uni<Map<String, Object>> get(@PathParam("interface") String interfaceName, @PathParam("code") String code) {
        InterfaceDefinition d = definition(interfaceName);
        return records.find(d, code).onItem().ifNull().failWith(() -> notFound(d, code));
    }

    @GET
    @Path("/{code}/subtree")
    @Operation(summary = "A record's subtree", description = "For an interface whose records have parents of their "
            + "own kind: the record and every record below it, depth first in code order, each with its depth "
            + "below this one. Archived records below it are left out unless includeArchived=true.")
    @APIResponse(responseCode = "200", description = "The record first, then its descendants",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "includeArchived is neither true nor false")
    @APIResponse(responseCode = "404", description = "No such interface or record, or the interface has no parents")
    public Uni<List<Map<String, Object>>> subtree(@PathParam("interface") String interfaceName,
                                                  @PathParam("code") String code,
                                                  @Parameter(description = "true: archived descendants too",
                                                          schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
                                                  @QueryParam("includeArchived") String includeArchived) {
        InterfaceDefinition d = definition(interfaceName);
        if (!records.hasSubtrees(d)) {
            throw ProblemException.notFound("The records of " + d.name() + " have no parents of their own kind, "
                    + "so no subtrees");
        }
        return records.subtree(d, code, ListParams.flag("includeArchived", includeArchived)).invoke(nodes -> {
            if (nodes.isEmpty()) {
                throw notFound(d, code);
            }
        });
    }

    @GET
    @Path("/{code}/lineage")
    @Operation(summary = "A record's lineage", description = "The partner record it is linked to and the staging "
            + "rows (receipts) that created and changed it, newest first.")
    @APIResponse(responseCode = "200", description = "The lineage",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Lineage.class)))
    @APIResponse(responseCode = "404", description = "No such interface, or no record with this code")
    public Uni<Lineage> lineage(@PathParam("interface") String interfaceName, @PathParam("code") String code) {
        InterfaceDefinition d = definition(interfaceName);
        return get(interfaceName, code).chain(r -> lineage.of(d.name(), (String) r.get("code"),
                (String) r.get("sourceSystem"), (String) r.get("externalId")));
    }

    private static InterfaceDefinition definition(String name) {
        return InterfaceRegistry.find(name).orElseThrow(() -> ProblemException.notFound("No interface " + name
                + "; interfaces: " + InterfaceRegistry.all().stream().map(InterfaceDefinition::name).toList()));
    }

    private static ProblemException notFound(InterfaceDefinition d, String code) {
        return ProblemException.notFound("No " + d.recordLabel() + " with code " + code);
    }
}

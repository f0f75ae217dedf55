package org.integrationhub.processor.rest;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
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
import org.integrationhub.common.registry.InterfaceRegistry;
import org.integrationhub.processor.business.DepartmentNode;
import org.integrationhub.processor.business.DepartmentReadRepository;
import org.integrationhub.processor.business.DepartmentView;
import org.integrationhub.processor.business.Lineage;
import org.integrationhub.processor.business.LineageRepository;
import org.integrationhub.processor.business.Page;

import java.util.List;

/** Operators read the departments the processor applied. */
@Path("/api/v1/departments")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Departments", description = "Business records: the department tree")
@SecurityRequirement(name = "apiKey")
public class DepartmentResource {

    @Inject
    DepartmentReadRepository departments;
    @Inject
    LineageRepository lineage;

    @GET
    @Operation(summary = "List departments", description = "A page of departments in code order, filtered.")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DepartmentPage.class)))
    @APIResponse(responseCode = "400", description = "A query parameter is invalid")
    @APIResponse(responseCode = "401", description = "No or unknown API key")
    @APIResponse(responseCode = "403", description = "Not an operator key")
    public Uni<Page<DepartmentView>> list(
            @Parameter(description = "true: active only; false: archived only") @QueryParam("active") String active,
            @Parameter(description = "Only the children of this department") @QueryParam("parentCode") String parentCode,
            @Parameter(description = "Only departments changed at or after this ISO 8601 instant")
            @QueryParam("updatedSince") String updatedSince,
            @Parameter(description = "Page number, from 0") @QueryParam("page") String page,
            @Parameter(description = "Records per page, 1 to 500 (default 50)") @QueryParam("size") String size) {
        return departments.list(ListParams.check().query(active, updatedSince, page, size), parentCode);
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "Read a department", description = "The active department with this code, "
            + "or the most recently archived one when none is active.")
    @APIResponse(responseCode = "200", description = "The department",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DepartmentView.class)))
    @APIResponse(responseCode = "401", description = "No or unknown API key")
    @APIResponse(responseCode = "403", description = "Not an operator key")
    @APIResponse(responseCode = "404", description = "No department with this code")
    public Uni<DepartmentView> get(@PathParam("code") String code) {
        return departments.findByCode(code).onItem().ifNull().failWith(() -> notFound(code));
    }

    @GET
    @Path("/{code}/subtree")
    @Operation(summary = "A department's subtree", description = "The department and every department below it, "
            + "depth first in code order, each with its depth below this one. Archived departments below it are "
            + "left out unless includeArchived=true.")
    @APIResponse(responseCode = "200", description = "The department first, then its descendants",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = DepartmentNode.class)))
    @APIResponse(responseCode = "400", description = "includeArchived is neither true nor false")
    @APIResponse(responseCode = "401", description = "No or unknown API key")
    @APIResponse(responseCode = "403", description = "Not an operator key")
    @APIResponse(responseCode = "404", description = "No department with this code")
    public Uni<List<DepartmentNode>> subtree(@PathParam("code") String code,
                                             @Parameter(description = "true: archived descendants too (default false)")
                                             @QueryParam("includeArchived") String includeArchived) {
        return departments.subtree(code, ListParams.flag("includeArchived", includeArchived)).invoke(nodes -> {
            if (nodes.isEmpty()) {
                throw notFound(code);
            }
        });
    }

    @GET
    @Path("/{code}/lineage")
    @Operation(summary = "A department's lineage", description = "The partner record it is linked to and the staging "
            + "rows (receipts) that created and changed it, newest first.")
    @APIResponse(responseCode = "200", description = "The lineage",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Lineage.class)))
    @APIResponse(responseCode = "401", description = "No or unknown API key")
    @APIResponse(responseCode = "403", description = "Not an operator key")
    @APIResponse(responseCode = "404", description = "No department with this code")
    public Uni<Lineage> lineage(@PathParam("code") String code) {
        String iface = InterfaceRegistry.DEPARTMENTS.name();
        return get(code).chain(d -> lineage.of(iface, d.code(), d.sourceSystem(), d.externalId()));
    }

    private static ProblemException notFound(String code) {
        return ProblemException.notFound("No department with code " + code);
    }

    /** For the OpenAPI document only: a page of departments. */
    @Schema(name = "DepartmentPage")
    static final class DepartmentPage {
        public List<DepartmentView> items;
        public int page;
        public int size;
        public long total;
    }
}

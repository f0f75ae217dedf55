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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.integrationhub.common.problem.Problem;
import org.integrationhub.common.problem.ProblemException;
import org.integrationhub.common.registry.InterfaceRegistry;
import org.integrationhub.processor.business.EmployeeReadRepository;
import org.integrationhub.processor.business.EmployeeView;
import org.integrationhub.processor.business.Lineage;
import org.integrationhub.processor.business.LineageRepository;
import org.integrationhub.processor.business.Page;

import java.util.List;

/** Operators read the employees the processor applied. */
@Path("/api/v1/employees")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Employees", description = "Business records: employees and their departments")
@SecurityRequirement(name = "apiKey")
public class EmployeeResource {

    @Inject
    EmployeeReadRepository employees;
    @Inject
    LineageRepository lineage;

    @GET
    @Operation(summary = "List employees", description = "A page of employees in code order, filtered.")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EmployeePage.class)))
    @APIResponse(responseCode = "400", description = "A query parameter is invalid")
    @APIResponse(responseCode = "401", description = "No or unknown API key")
    @APIResponse(responseCode = "403", description = "Not an operator key")
    public Uni<Page<EmployeeView>> list(
            @Parameter(description = "true: active only; false: archived only") @QueryParam("active") String active,
            @Parameter(description = "Only the employees of this department")
            @QueryParam("departmentCode") String departmentCode,
            @Parameter(description = "Only employees changed at or after this ISO 8601 instant")
            @QueryParam("updatedSince") String updatedSince,
            @Parameter(description = "Page number, from 0") @QueryParam("page") String page,
            @Parameter(description = "Records per page, 1 to 500 (default 50)") @QueryParam("size") String size) {
        return employees.list(ListParams.check().query(active, updatedSince, page, size), departmentCode);
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "Read an employee", description = "The active employee with this code, "
            + "or the most recently archived one when none is active.")
    @APIResponse(responseCode = "200", description = "The employee",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EmployeeView.class)))
    @APIResponse(responseCode = "401", description = "No or unknown API key")
    @APIResponse(responseCode = "403", description = "Not an operator key")
    @APIResponse(responseCode = "404", description = "No employee with this code")
    public Uni<EmployeeView> get(@PathParam("code") String code) {
        return employees.findByCode(code).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("No employee with code " + code));
    }

    @GET
    @Path("/{code}/lineage")
    @Operation(summary = "An employee's lineage", description = "The partner record it is linked to and the staging "
            + "rows (receipts) that created and changed it, newest first.")
    @APIResponse(responseCode = "200", description = "The lineage",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Lineage.class)))
    @APIResponse(responseCode = "401", description = "No or unknown API key")
    @APIResponse(responseCode = "403", description = "Not an operator key")
    @APIResponse(responseCode = "404", description = "No employee with this code")
    public Uni<Lineage> lineage(@PathParam("code") String code) {
        String iface = InterfaceRegistry.EMPLOYEES.name();
        return get(code).chain(e -> lineage.of(iface, e.code(), e.sourceSystem(), e.externalId()));
    }

    /** For the OpenAPI document only: a page of employees. */
    @Schema(name = "EmployeePage")
    static final class EmployeePage {
        public List<EmployeeView> items;
        public int page;
        public int size;
        public long total;
    }
}

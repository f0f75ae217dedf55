package org.integrationhub.processor.rest;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.integrationhub.common.problem.Problem;
import org.integrationhub.common.problem.ProblemException;
import org.integrationhub.processor.business.DepartmentReadRepository;

/** Operators read the departments the processor applied. */
@Path("/api/v1/departments")
@Tag(name = "Departments", description = "Business records: departments")
@SecurityRequirement(name = "apiKey")
public class DepartmentResource {

    @Inject
    DepartmentReadRepository departments;

    @GET
    @Path("/{code}")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Read a department", description = "The active department with this code, "
            + "or the most recently archived one when none is active.")
    @APIResponse(responseCode = "200", description = "The department",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DepartmentView.class)))
    @APIResponse(responseCode = "401", description = "No or unknown API key")
    @APIResponse(responseCode = "403", description = "Not an operator key")
    @APIResponse(responseCode = "404", description = "No department with this code")
    public Uni<DepartmentView> get(@PathParam("code") String code) {
        return departments.findByCode(code)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No department with code " + code))
                .map(DepartmentView::of);
    }
}

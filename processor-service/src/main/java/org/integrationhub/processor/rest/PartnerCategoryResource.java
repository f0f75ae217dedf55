package org.integrationhub.processor.rest;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.integrationhub.common.problem.Problem;
import org.integrationhub.processor.business.BusinessReads;
import org.integrationhub.processor.business.PartnerCategoryView;

import java.util.List;

/** Operators read the partner categories, master data the HRP owns and partners reference. */
@Path("/api/v1/partner-categories")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Master data", description = "Data the hub owns and partners reference")
@SecurityRequirement(name = "apiKey")
public class PartnerCategoryResource {

    static final String CATEGORIES = "SELECT code, name, active FROM partner_category ORDER BY code";

    @Inject
    Pool pool;

    @GET
    @Operation(operationId = "listPartnerCategories", summary = "List partner categories",
            description = "The partner categories the HRP keeps, in code order. A partner's categoryCode must name "
                    + "an active one.")
    @APIResponse(responseCode = "200", description = "Every category", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = PartnerCategoryView.class)))
    public Uni<List<PartnerCategoryView>> categories() {
        return BusinessReads.all(pool, CATEGORIES, Tuple.tuple(),
                r -> new PartnerCategoryView(r.getString("code"), r.getString("name"), r.getBoolean("active")));
    }
}

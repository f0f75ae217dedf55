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
import org.integrationhub.processor.business.Lineage;
import org.integrationhub.processor.business.LineageRepository;
import org.integrationhub.processor.business.Page;
import org.integrationhub.processor.business.PartnerCategoryView;
import org.integrationhub.processor.business.PartnerReadRepository;
import org.integrationhub.processor.business.PartnerView;

import java.util.List;
import java.util.Set;

/** Operators read the partners the processor applied, and the partner categories. */
@Path("/api/v1")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Partners", description = "Business records: partners (companies, persons and their contacts) and categories")
@SecurityRequirement(name = "apiKey")
public class PartnerResource {

    @Inject
    PartnerReadRepository partners;
    @Inject
    LineageRepository lineage;

    @GET
    @Path("/partners")
    @Operation(summary = "List partners", description = "A page of partners in code order, filtered.")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PartnerPage.class)))
    @APIResponse(responseCode = "400", description = "A query parameter is invalid")
    @APIResponse(responseCode = "401", description = "No or unknown API key")
    @APIResponse(responseCode = "403", description = "Not an operator key")
    public Uni<Page<PartnerView>> list(
            @Parameter(description = "true: active only; false: archived only") @QueryParam("active") String active,
            @Parameter(description = "Only partners of this category") @QueryParam("categoryCode") String categoryCode,
            @Parameter(description = "Only the contacts of this company") @QueryParam("parentCode") String parentCode,
            @Parameter(description = "COMPANY or PERSON") @QueryParam("type") String type,
            @Parameter(description = "Only partners changed at or after this ISO 8601 instant")
            @QueryParam("updatedSince") String updatedSince,
            @Parameter(description = "Page number, from 0") @QueryParam("page") String page,
            @Parameter(description = "Records per page, 1 to 500 (default 50)") @QueryParam("size") String size) {
        ListParams params = ListParams.check();
        params.oneOf("type", type, Set.of("COMPANY", "PERSON"));
        return partners.list(params.query(active, updatedSince, page, size), categoryCode, parentCode, type);
    }

    @GET
    @Path("/partners/{code}")
    @Operation(summary = "Read a partner", description = "The active partner with this code, "
            + "or the most recently archived one when none is active.")
    @APIResponse(responseCode = "200", description = "The partner",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PartnerView.class)))
    @APIResponse(responseCode = "401", description = "No or unknown API key")
    @APIResponse(responseCode = "403", description = "Not an operator key")
    @APIResponse(responseCode = "404", description = "No partner with this code")
    public Uni<PartnerView> get(@PathParam("code") String code) {
        return partners.findByCode(code).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("No partner with code " + code));
    }

    @GET
    @Path("/partners/{code}/lineage")
    @Operation(summary = "A partner's lineage", description = "The partner record it is linked to and the staging "
            + "rows (receipts) that created and changed it, newest first.")
    @APIResponse(responseCode = "200", description = "The lineage",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Lineage.class)))
    @APIResponse(responseCode = "401", description = "No or unknown API key")
    @APIResponse(responseCode = "403", description = "Not an operator key")
    @APIResponse(responseCode = "404", description = "No partner with this code")
    public Uni<Lineage> lineage(@PathParam("code") String code) {
        String iface = InterfaceRegistry.PARTNERS.name();
        return get(code).chain(p -> lineage.of(iface, p.code(), p.sourceSystem(), p.externalId()));
    }

    @GET
    @Path("/partner-categories")
    @Operation(summary = "List partner categories", description = "The partner categories the HRP keeps, in code "
            + "order. A partner's categoryCode must name an active one.")
    @APIResponse(responseCode = "200", description = "Every category", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = PartnerCategoryView.class)))
    @APIResponse(responseCode = "401", description = "No or unknown API key")
    @APIResponse(responseCode = "403", description = "Not an operator key")
    public Uni<List<PartnerCategoryView>> categories() {
        return partners.categories();
    }

    /** For the OpenAPI document only: a page of partners. */
    @Schema(name = "PartnerPage")
    static final class PartnerPage {
        public List<PartnerView> items;
        public int page;
        public int size;
        public long total;
    }
}

package org.integrationhub.intake.rest;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.integrationhub.common.problem.Problem;
import org.integrationhub.common.problem.ProblemException;
import org.integrationhub.common.staging.Receipt;
import org.integrationhub.intake.repository.ReceiptRepository;
import org.integrationhub.intake.repository.OutcomeFeedRepository;

import java.util.UUID;

/** Partners follow what became of a record they sent: one receipt, or every outcome as it is decided. */
@Path("/api/v1/receipts")
@Tag(name = "Receipts", description = "Follow accepted records")
@SecurityRequirement(name = "apiKey")
public class ReceiptResource extends PartnerResource {

    @Inject
    ReceiptRepository receipts;

    @Inject
    OutcomeFeedRepository feed;

    @GET
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(operationId = "listOutcomes", summary = "Read the outcome feed",
            description = "Your source system's receipts in the order their outcome was decided (PROCESSED, FAILED or "
                    + "SKIPPED), with a cursor to pass back as after. Poll it, say, every minute with the last next: "
                    + "every outcome is listed exactly once, including one decided while you read; an outcome appears "
                    + "once the transactions that began before it have ended (usually within a second). Without a "
                    + "status filter every outcome is listed; status=FAILED,SKIPPED lists what needs your attention.")
    @APIResponse(responseCode = "200", description = "A page of outcomes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = OutcomeFeed.Page.class),
                    examples = @ExampleObject(name = "a failure", value = OpenApiExamples.OUTCOME_PAGE)))
    @APIResponse(responseCode = "400", description = "A parameter is not one the feed takes")
    public Uni<OutcomeFeed.Page> outcomes(
            @Parameter(description = "Outcomes to list, comma-separated (default: all)", example = "FAILED,SKIPPED")
            @QueryParam("status") String status,
            @Parameter(name = "interface", description = "Interfaces to list, comma-separated (default: all)",
                    example = "departments") @QueryParam("interface") String interfaces,
            @Parameter(description = "The next of the previous page; without it the feed starts at its beginning")
            @QueryParam("after") String after,
            @Parameter(description = "Outcomes per page", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "1000", defaultValue = "100")) @QueryParam("limit") String limit) {
        OutcomeFeed.Query query = OutcomeFeed.Query.of(status, interfaces, after, limit);
        return feed.page(caller().sourceSystem(), query.after(), query.statuses(), query.interfaces(), query.limit() + 1)
                .map(found -> {
                    if (Long.compareUnsigned(query.after().xid(), found.horizon()) >= 0) {
                        // no cursor this feed handed out can be: the database's transaction ids went back (a restore)
                        throw OutcomeFeed.aheadOfTheDatabase();
                    }
                    boolean more = found.outcomes().size() > query.limit();
                    OutcomeFeedRepository.Page page = more
                            ? new OutcomeFeedRepository.Page(found.outcomes().subList(0, query.limit()), found.horizon())
                            : found;
                    return new OutcomeFeed.Page(page.outcomes().stream().map(OutcomeFeedRepository.Outcome::receipt).toList(),
                            OutcomeFeed.encode(page.next(query.after(), !more)), more);
                });
    }

    @GET
    @Path("/{receiptId}")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(operationId = "getReceipt", summary = "Read a receipt",
            description = "The record's current status: PENDING, PROCESSING, PROCESSED, FAILED (errorMessage says why) "
                    + "or SKIPPED (stale). A caller sees only its own source system's receipts.")
    @APIResponse(responseCode = "200", description = "The receipt",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Receipt.class)))
    @APIResponse(responseCode = "404", description = "No such receipt for your source system")
    public Uni<Receipt> get(@Parameter(description = "The receiptId of the receipt the record got",
            schema = @Schema(type = SchemaType.STRING, format = "uuid"), example = "0190f0a3-7c1e-7d2a-9c4b-5e6f7a8b9c0d")
            @PathParam("receiptId") String receiptId) {
        String sourceSystem = caller().sourceSystem();
        UUID id = parse(receiptId);
        return receipts.find(id, sourceSystem)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(
                        "No receipt " + receiptId + " for source system " + sourceSystem));
    }

    private static UUID parse(String receiptId) {
        try {
            return UUID.fromString(receiptId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No receipt " + receiptId + "; receipt ids are UUIDs");
        }
    }
}

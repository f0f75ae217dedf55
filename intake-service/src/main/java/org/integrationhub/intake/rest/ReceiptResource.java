package org.integrationhub.intake.rest;

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
import org.integrationhub.common.staging.Receipt;
import org.integrationhub.common.staging.StagingRecordRepository;

import java.util.UUID;

/** Partners follow what became of a record they sent. */
@Path("/api/v1/receipts")
@Tag(name = "Receipts", description = "Follow accepted records")
@SecurityRequirement(name = "apiKey")
public class ReceiptResource extends PartnerResource {

    @Inject
    StagingRecordRepository records;

    @GET
    @Path("/{receiptId}")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(operationId = "getReceipt", summary = "Read a receipt",
            description = "The record's current status: PENDING, PROCESSING, PROCESSED, FAILED (errorMessage says why) "
                    + "or SKIPPED (stale). A caller sees only its own source system's receipts.")
    @APIResponse(responseCode = "200", description = "The receipt",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Receipt.class)))
    @APIResponse(responseCode = "404", description = "No such receipt for your source system")
    public Uni<Receipt> get(@PathParam("receiptId") String receiptId) {
        String sourceSystem = caller().sourceSystem();
        UUID id = parse(receiptId);
        return records.findReceipt(id, sourceSystem)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(
                        "No receipt " + receiptId + " for source system " + sourceSystem))
                .map(Receipt::of);
    }

    private static UUID parse(String receiptId) {
        try {
            return UUID.fromString(receiptId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No receipt " + receiptId + "; receipt ids are UUIDs");
        }
    }
}

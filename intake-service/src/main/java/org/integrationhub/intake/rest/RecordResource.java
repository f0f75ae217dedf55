package org.integrationhub.intake.rest;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.integrationhub.common.problem.Problem;
import org.integrationhub.common.registry.InterfaceDefinition;
import org.integrationhub.common.security.Caller;
import org.integrationhub.common.staging.Receipt;
import org.integrationhub.intake.repository.ReceiptRepository;
import org.integrationhub.intake.service.BatchResult;
import org.integrationhub.intake.service.Candidate;
import org.integrationhub.intake.service.RecordIntakeService;

import java.util.List;

/** Partners push records of an interface, one at a time or in batches, and list a record's receipts. */
@Path("/api/v1/interfaces/{interface}/records")
@Tag(name = "Records", description = "Send master-data records")
@SecurityRequirement(name = "apiKey")
public class RecordResource extends PartnerResource {

    @Inject
    RecordIntakeService intake;
    @Inject
    ReceiptRepository receipts;

    static final String DRY_RUN = "true: check the request exactly as it would be checked, references included "
            + "(records waiting in staging and other records of the same batch count as they would), and answer as "
            + "it would be answered (200 instead of 202 for a single record), storing nothing and making no receipt. "
            + "Idempotency keys (the Idempotency-Key header, or a record's messageId) count as they would, unspent: "
            + "one used before for another body is refused as it would be (422, or REJECTED in a batch); one used "
            + "for the same body answers Idempotent-Replayed: true with the stored receipt (or batch result) the "
            + "real call would repeat. Absent or false: a real send. Any other value, a bare dryRun, an empty "
            + "value or the parameter given twice is a 400 naming dryRun, and nothing is stored.";

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Send one record",
            description = "Validates the envelope and the interface's data (required fields, formats, and that every "
                    + "referenced code names an active record or one your system sent that is still waiting), then "
                    + "stores it as PENDING and answers with its receipt. Nothing is stored for a rejected record: "
                    + "the problem lists every faulty field. The same Idempotency-Key (or messageId) with the same "
                    + "body returns the original receipt with Idempotent-Replayed: true and stores nothing; with "
                    + "another body it is 422.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EnvelopeSchema.class)))
    @APIResponse(responseCode = "202", description = "Stored as PENDING (or, with Idempotent-Replayed, stored earlier "
            + "under the same key); Location names the receipt",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Receipt.class)),
            headers = {@Header(name = "Location", description = "The receipt to follow: /api/v1/receipts/{receiptId}",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
                    @Header(name = REPLAYED, description = REPLAYED_DESCRIPTION,
                            schema = @Schema(type = SchemaType.BOOLEAN))})
    @APIResponse(responseCode = "200", description = "dryRun=true: the record would be accepted; nothing was stored. "
            + "The receipt it would get, with dryRun true and no receiptId or receivedAt",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Receipt.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, or fields that break the rules; errors[] names each",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {@ExampleObject(name = "validation", value = OpenApiExamples.VALIDATION_PROBLEM),
                            @ExampleObject(name = "malformed", value = OpenApiExamples.MALFORMED_PROBLEM)}))
    @APIResponse(responseCode = "403", description = "The key may not send this interface, or sourceSystem is not the key's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "foreign source", value = OpenApiExamples.FORBIDDEN_PROBLEM)))
    @APIResponse(responseCode = "404", description = "No such interface")
    @APIResponse(responseCode = "413", description = "The body is over the size limit (1 MiB by default)")
    @APIResponse(responseCode = "415", description = "The body is not application/json")
    @APIResponse(responseCode = "422", description = "A referenced code names no master data, or the idempotency key "
            + "was used for another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {@ExampleObject(name = "unknown reference", value = OpenApiExamples.REFERENCE_PROBLEM),
                            @ExampleObject(name = "key reused", value = OpenApiExamples.KEY_REUSED_PROBLEM)}))
    @APIResponse(responseCode = "429", description = "Over this key's request rate; retry after Retry-After seconds")
    @APIResponse(responseCode = "503", description = "The database is unavailable; retry after Retry-After seconds")
    public Uni<Response> send(
            @Parameter(description = "The interface, as GET /api/v1/interfaces lists them", example = "departments")
            @PathParam("interface") String interfaceName,
            @Parameter(description = "Makes a retry safe: the same key and body return the original receipt. "
                    + "Takes precedence over the envelope's messageId. Up to 128 visible ASCII characters.")
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Parameter(name = "dryRun", in = ParameterIn.QUERY, description = DRY_RUN,
                    schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
            @Context HttpServerRequest request,
            byte[] body) {
        if (DryRun.asked(request)) {
            return accept(interfaceName, idempotencyKey, body, intake::tryOne)
                    .map(tried -> replayedIf(tried.replayed(), Response.ok(DryRun.of(interfaceName, tried))));
        }
        return accept(interfaceName, idempotencyKey, body, intake::acceptOne).map(accepted -> replayedIf(
                accepted.replayed(),
                Response.accepted(accepted.receipt()).header("Location", receiptLocation(accepted.receipt()))));
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Send up to 1000 records",
            description = "Each record is checked and accepted or rejected on its own, with the same rules as a single "
                    + "record; a record may reference another in the same batch (a parent sent with its children) as "
                    + "long as that one is accepted. Accepted records are stored together; rejected ones store nothing. "
                    + "results[] has one entry per record, in order: its receiptId and status, or REJECTED with errors "
                    + "whose fields are paths such as records[3].data.name. Each record's messageId is its idempotency "
                    + "key; an Idempotency-Key header makes the whole batch replayable. More than 1000 records is a 400.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BatchSchema.class)))
    @APIResponse(responseCode = "200", description = "Every record's outcome",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchResult.class),
                    examples = @ExampleObject(name = "one rejected", value = OpenApiExamples.BATCH_RESULT)),
            headers = @Header(name = REPLAYED, description = REPLAYED_DESCRIPTION,
                    schema = @Schema(type = SchemaType.BOOLEAN)))
    @APIResponse(responseCode = "400", description = "Not a batch: records missing, empty or over 1000, or malformed JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "too many", value = OpenApiExamples.BATCH_TOO_LARGE_PROBLEM)))
    @APIResponse(responseCode = "403", description = "The key may not send this interface")
    @APIResponse(responseCode = "404", description = "No such interface")
    @APIResponse(responseCode = "413", description = "The body is over the size limit")
    @APIResponse(responseCode = "415", description = "The body is not application/json")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another batch",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "key reused", value = OpenApiExamples.KEY_REUSED_PROBLEM)))
    @APIResponse(responseCode = "503", description = "The database is unavailable; nothing was stored")
    public Uni<Response> sendBatch(
            @Parameter(description = "The interface", example = "departments") @PathParam("interface") String interfaceName,
            @Parameter(description = "Makes a retry of the whole batch safe: the same key and body answer the "
                    + "original results and store nothing; another body under the key is 422. Up to 128 visible "
                    + "ASCII characters.")
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Parameter(name = "dryRun", in = ParameterIn.QUERY, description = DRY_RUN,
                    schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
            @Context HttpServerRequest request,
            byte[] body) {
        if (DryRun.asked(request)) {
            return accept(interfaceName, idempotencyKey, body, intake::tryBatch).map(outcome -> replayedIf(
                    outcome.replayed(), Response.ok(outcome.resultJson(), MediaType.APPLICATION_JSON)));
        }
        return accept(interfaceName, idempotencyKey, body, intake::acceptBatch).map(outcome -> replayedIf(
                outcome.replayed(), Response.ok(outcome.resultJson(), MediaType.APPLICATION_JSON)));
    }

    @GET
    @Path("/{externalId}/receipts")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(operationId = "listRecordReceipts", summary = "A record's receipts, newest first",
            description = "Every record your source system sent with this externalId in this interface, newest sentAt "
                    + "first, with its current status. Empty when you never sent it.")
    @APIResponse(responseCode = "200", description = "The receipts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Receipt.class)))
    @APIResponse(responseCode = "403", description = "The key may not use this interface")
    @APIResponse(responseCode = "404", description = "No such interface")
    public Uni<List<Receipt>> receipts(
            @Parameter(example = "departments") @PathParam("interface") String interfaceName,
            @Parameter(example = "D-100") @PathParam("externalId") String externalId) {
        Caller caller = caller();
        InterfaceDefinition definition = intake.interfaceFor(interfaceName, caller);
        return receipts.ofRecord(definition.name(), caller.sourceSystem(), externalId);
    }

    /** How the intake takes a request's body: as one record or as a batch. */
    @FunctionalInterface
    private interface Take<T> {
        Uni<T> body(InterfaceDefinition definition, Caller caller, byte[] body, String idempotencyKey);
    }

    /**
     * The body taken for the caller, checked in the order a request is refused: an unknown interface (404) or one
     * the key may not send (403) before an Idempotency-Key that breaks the rules (400).
     */
    private <T> Uni<T> accept(String interfaceName, String idempotencyKey, byte[] body, Take<T> take) {
        Caller caller = caller();
        InterfaceDefinition definition = intake.interfaceFor(interfaceName, caller);
        return take.body(definition, caller, body, IdempotencyKey.of(idempotencyKey));
    }

    static final String REPLAYED = "Idempotent-Replayed";
    static final String REPLAYED_DESCRIPTION = "true when this answer repeats the one an earlier request with the same "
            + "Idempotency-Key (or messageId) got; nothing new was stored. Absent otherwise.";

    /** The answer, marked Idempotent-Replayed when it repeats the one an earlier request with the same key got. */
    private static Response replayedIf(boolean replayed, Response.ResponseBuilder answer) {
        if (replayed) {
            answer.header(REPLAYED, "true");
        }
        return answer.build();
    }

    /** Relative (RFC 9110 allows it), so it stays right behind any ingress or proxy. */
    private static String receiptLocation(Receipt receipt) {
        return "/api/v1/receipts/" + receipt.receiptId();
    }

    /** The envelope's shape, for the OpenAPI document only. */
    @Schema(name = "Envelope", description = "One record of an interface",
            requiredProperties = {"sourceSystem", "externalId", "operation", "sentAt", "data"})
    public static class EnvelopeSchema {
        @Schema(description = "Your source system; must be your API key's", example = "HIS", maxLength = 32)
        public String sourceSystem;
        @Schema(description = "The record's id in your system: visible text, no control characters or line breaks, "
                + "not only spaces or invisible characters (such as U+200B)", example = "D-100", maxLength = 128)
        public String externalId;
        @Schema(description = "CREATE inserts (or updates a resent record), UPDATE changes it, DELETE archives it")
        public org.integrationhub.common.model.Operation operation;
        @Schema(description = "When you sent it, ISO-8601 with offset; orders the changes of one record",
                example = "2026-11-26T08:00:00+08:00", format = "date-time")
        public String sentAt;
        @Schema(description = "Optional idempotency key, unique per record you send", maxLength = 128)
        public String messageId;
        @Schema(description = "The interface's fields; GET /api/v1/interfaces gives their JSON Schema. "
                + "Optional for DELETE.", type = SchemaType.OBJECT)
        public Object data;
    }

    /** A batch's shape, for the OpenAPI document only. */
    @Schema(name = "Batch", requiredProperties = "records")
    public static class BatchSchema {
        @Schema(description = "1 to 1000 envelopes", maxItems = 1000, minItems = 1)
        public List<EnvelopeSchema> records;
    }
}

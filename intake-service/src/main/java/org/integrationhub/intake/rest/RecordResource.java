package org.integrationhub.intake.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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
import org.integrationhub.common.security.CallerContext;
import org.integrationhub.common.staging.Receipt;
import org.integrationhub.common.validation.Envelope;
import org.integrationhub.common.validation.EnvelopeReader;
import org.integrationhub.intake.service.RecordIntakeService;

import java.net.URI;

/** Partners push one record of an interface. */
@Path("/api/v1/interfaces/{interface}/records")
@Tag(name = "Records", description = "Send master-data records")
@SecurityRequirement(name = "apiKey")
public class RecordResource {

    static final String EXAMPLE_DEPARTMENT = """
            {
              "sourceSystem": "HIS",
              "externalId": "D-100",
              "operation": "CREATE",
              "sentAt": "2026-11-26T08:00:00+08:00",
              "messageId": "HIS-20261126-0001",
              "data": { "code": "D-100", "name": "Cardiology", "costCenter": "CC-100" }
            }""";

    @Inject
    RecordIntakeService intake;
    @Inject
    CallerContext callerContext;
    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Send one record",
            description = "Validates the envelope and the interface's data (required fields, formats, and that every "
                    + "referenced code names an active record or one your system sent that is still waiting), then "
                    + "stores it as PENDING and answers with its receipt. Nothing is stored for a rejected record. "
                    + "The same Idempotency-Key (or messageId) with the same body returns the original receipt.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EnvelopeSchema.class),
            examples = @ExampleObject(name = "department", summary = "A department", value = EXAMPLE_DEPARTMENT)))
    @APIResponse(responseCode = "202", description = "Accepted and stored as PENDING; Location names the receipt",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Receipt.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or a field breaks a rule; errors[] names each field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "missing name", value = OpenApiExamples.VALIDATION_PROBLEM)))
    @APIResponse(responseCode = "401", description = "No or unknown API key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "no key", value = OpenApiExamples.UNAUTHORIZED_PROBLEM)))
    @APIResponse(responseCode = "403", description = "The key may not send this interface, or sourceSystem is not the key's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such interface",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "The body is not application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A referenced code names no master data, or the idempotency key was used for another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown parent", value = OpenApiExamples.REFERENCE_PROBLEM)))
    @APIResponse(responseCode = "503", description = "The database is unavailable; retry after Retry-After seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> send(
            @Parameter(description = "The interface", example = "departments") @PathParam("interface") String interfaceName,
            @Parameter(description = "Makes a retry safe: the same key and body return the original receipt")
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            byte[] body) {
        Caller caller = callerContext.get();
        InterfaceDefinition definition = intake.interfaceFor(interfaceName, caller);
        JsonNode node = EnvelopeReader.parse(body);
        Envelope envelope = EnvelopeReader.read(body, definition);
        return intake.accept(definition, caller, envelope, node, blankToNull(idempotencyKey))
                .map(accepted -> {
                    URI location = uriInfo.getBaseUriBuilder().path("api/v1/receipts/{id}")
                            .build(accepted.receipt().receiptId());
                    Response.ResponseBuilder response = Response.accepted(accepted.receipt()).location(location);
                    if (!accepted.created()) {
                        response.header("Idempotent-Replayed", "true");
                    }
                    return response.build();
                });
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The envelope's shape, for the OpenAPI document only. */
    @Schema(name = "Envelope", description = "One record of an interface",
            requiredProperties = {"sourceSystem", "externalId", "operation", "sentAt", "data"})
    public static class EnvelopeSchema {
        @Schema(description = "Your source system; must be your API key's", example = "HIS", maxLength = 32)
        public String sourceSystem;
        @Schema(description = "The record's id in your system", example = "D-100", maxLength = 128)
        public String externalId;
        @Schema(enumeration = {"CREATE", "UPDATE", "DELETE"})
        public String operation;
        @Schema(description = "When you sent it, ISO-8601 with offset; orders the changes of one record",
                example = "2026-11-26T08:00:00+08:00", format = "date-time")
        public String sentAt;
        @Schema(description = "Optional idempotency key", maxLength = 128)
        public String messageId;
        @Schema(description = "The interface's fields; GET /api/v1/interfaces gives their JSON Schema",
                type = SchemaType.OBJECT)
        public Object data;
    }
}

package org.integrationhub.intake.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.integrationhub.common.registry.InterfaceDefinition;
import org.integrationhub.common.registry.InterfaceRegistry;
import org.integrationhub.common.registry.JsonSchemas;
import org.integrationhub.common.security.Caller;
import org.integrationhub.common.validation.EnvelopeReader;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** What partners can send: each interface with the JSON Schema of its {@code data}. */
@Path("/api/v1/interfaces")
@Tag(name = "Interfaces", description = "What can be sent, and its rules")
@SecurityRequirement(name = "apiKey")
public class InterfaceResource extends PartnerResource {

    @GET
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(operationId = "listInterfaces", summary = "List the interfaces",
            description = "Every interface with a description, whether your key may send it, an example envelope, "
                    + "and the JSON Schema (draft 2020-12) of its data: the same rules the intake validates with.")
    @APIResponse(responseCode = "200", description = "The interfaces",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = InterfaceView.class)))
    public List<InterfaceView> list() {
        Caller caller = caller();
        return InterfaceRegistry.all().stream().map(d -> InterfaceView.of(d, caller.mayUse(d.name()))).toList();
    }

    /** An interface as partners see it. */
    @Schema(name = "InterfaceDescription",
            requiredProperties = {"name", "description", "allowed", "recordsPath", "dataSchema", "example"})
    public record InterfaceView(
            @Schema(example = "departments") String name,
            String description,
            @Schema(description = "Whether your API key may send records of it") boolean allowed,
            @Schema(description = "Where to send one record", example = "/api/v1/interfaces/departments/records")
            String recordsPath,
            @Schema(description = "JSON Schema of the envelope's data", type = SchemaType.OBJECT, implementation = Object.class)
            ObjectNode dataSchema,
            @Schema(description = "A valid envelope", type = SchemaType.OBJECT, implementation = Object.class) JsonNode example) {

        static InterfaceView of(InterfaceDefinition d, boolean allowed) {
            return new InterfaceView(d.name(), d.description(), allowed, "/api/v1/interfaces/" + d.name() + "/records",
                    JsonSchemas.dataSchema(d), EnvelopeReader.parse(d.example().getBytes(StandardCharsets.UTF_8)));
        }
    }
}

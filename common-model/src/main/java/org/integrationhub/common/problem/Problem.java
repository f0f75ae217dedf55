package org.integrationhub.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** An RFC 9457 problem detail, the body of every error answer ({@code application/problem+json}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details", requiredProperties = {"type", "title", "status"})
public record Problem(
        @Schema(description = "URI naming the kind of problem", example = "urn:integration-hub:problem:validation-failed")
        String type,
        @Schema(description = "Short summary of the kind of problem")
        String title,
        @Schema(description = "HTTP status", example = "400")
        int status,
        @Schema(description = "What went wrong with this request")
        String detail,
        @Schema(description = "The request path", example = "/api/v1/interfaces/departments/records")
        String instance,
        @Schema(description = "Quote it when asking for help; the services' logs carry it too")
        String correlationId,
        @Schema(description = "One entry per faulty field")
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
}

package org.integrationhub.common.staging;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.integrationhub.common.model.Operation;
import org.integrationhub.common.model.RecordStatus;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What a partner gets for an accepted record, and later reads to follow it. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "Receipt", description = "An accepted record and where it stands",
        requiredProperties = {"interface", "sourceSystem", "externalId", "operation", "sentAt", "status"})
public record Receipt(
        @Schema(description = "Identifies the accepted record; use it to follow its processing")
        UUID receiptId,
        @JsonProperty("interface") @Schema(example = "departments") String interfaceName,
        @Schema(example = "HIS") String sourceSystem,
        @Schema(example = "D-100") String externalId,
        Operation operation,
        OffsetDateTime sentAt,
        OffsetDateTime receivedAt,
        RecordStatus status,
        @Schema(description = "Why processing failed; null unless FAILED or SKIPPED", nullable = true) String errorMessage,
        @Schema(description = "Processing attempts so far") int attempts,
        @Schema(description = "When the processor finished with it; null until then", nullable = true)
        OffsetDateTime processedAt,
        @Schema(description = "The W3C trace id of the request that brought it (your traceparent's, when you sent "
                + "one): the intake's and the processor's spans and log lines of this record carry it",
                nullable = true, example = "4bf92f3577b34da6a3ce929d0e0e4736") String traceId) {
}

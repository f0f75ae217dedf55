package org.integrationhub.processor.business;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** One staging row that changed a business record. */
@Schema(name = "LineageEntry")
public record LineageEntry(
        @Schema(description = "The receipt the intake gave for it") UUID receiptId,
        @Schema(enumeration = {"CREATE", "UPDATE", "DELETE"}) String operation,
        OffsetDateTime sentAt,
        OffsetDateTime receivedAt,
        OffsetDateTime processedAt,
        @Schema(description = "Attempts it took", example = "1") int attempts,
        @Schema(description = "The data object exactly as received") Map<String, Object> data) {
}

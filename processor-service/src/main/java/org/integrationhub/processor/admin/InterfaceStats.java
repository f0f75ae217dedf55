package org.integrationhub.processor.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/** One interface's staging rows by status, and how long its oldest PENDING row has waited. */
@Schema(name = "InterfaceStats")
public record InterfaceStats(
        @JsonProperty("interface") @Schema(example = "departments") String interfaceName,
        @Schema(description = "Rows per status; a status with none is absent", example = "{\"PENDING\": 3, \"PROCESSED\": 1200}")
        Map<String, Long> rows,
        @Schema(description = "Seconds since the oldest PENDING row was received; null when none is pending",
                example = "0.8") Double oldestPendingSeconds) {
}

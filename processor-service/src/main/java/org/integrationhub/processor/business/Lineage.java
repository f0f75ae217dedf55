package org.integrationhub.processor.business;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * Where a business record came from: the partner record it is linked to and the staging rows that created
 * and changed it, newest first. Rows deleted by the retention job are no longer listed.
 */
@Schema(name = "Lineage")
public record Lineage(
        @JsonProperty("interface") @Schema(example = "departments") String interfaceName,
        @Schema(example = "D-100") String code,
        @Schema(example = "HIS") String sourceSystem,
        @Schema(example = "D-100") String externalId,
        List<LineageEntry> changes) {
}

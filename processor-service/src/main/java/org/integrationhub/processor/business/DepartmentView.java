package org.integrationhub.processor.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.integrationhub.processor.business.Department;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A department in the operator API. */
@Schema(name = "Department")
public record DepartmentView(
        @Schema(example = "D-100") String code,
        @Schema(example = "Cardiology") String name,
        @Schema(description = "The parent department's code; null for a root", example = "D-001") String parentCode,
        String costCenter,
        @Schema(description = "false once archived") boolean active,
        @Schema(description = "The partner system that sent it", example = "HIS") String sourceSystem,
        @Schema(description = "Its id in that system") String externalId,
        @Schema(description = "sentAt of the last change applied: older rows are skipped") OffsetDateTime lastSentAt,
        @Schema(description = "The receipt of the last change applied") UUID lastReceiptId,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    static DepartmentView of(Department d) {
        return new DepartmentView(d.code, d.name, d.parent == null ? null : d.parent.code, d.costCenter, d.active,
                d.sourceSystem, d.externalId, d.lastSentAt, d.lastReceiptId, d.createdAt, d.updatedAt);
    }
}

package org.integrationhub.processor.business;

import io.vertx.mutiny.sqlclient.Row;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A department in the operator API. */
@Schema(name = "Department")
public record DepartmentView(
        @Schema(example = "D-100") String code,
        @Schema(example = "Cardiology") String name,
        @Schema(description = "The parent department's code; null for a root", example = "D-001") String parentCode,
        @Schema(example = "CC-4100") String costCenter,
        @Schema(description = "false once archived") boolean active,
        @Schema(description = "The partner system that sent it", example = "HIS") String sourceSystem,
        @Schema(description = "Its id in that system", example = "D-100") String externalId,
        @Schema(description = "sentAt of the last change applied: older rows are skipped") OffsetDateTime lastSentAt,
        @Schema(description = "The receipt of the last change applied") UUID lastReceiptId,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /** The columns {@link #of} reads, from {@code department d LEFT JOIN department p ON p.id = d.parent_id}. */
    static final String COLUMNS = """
            d.code, d.name, p.code AS parent_code, d.cost_center, d.active, d.source_system, d.external_id,
            d.last_sent_at, d.last_receipt_id, d.created_at, d.updated_at""";

    static DepartmentView of(Row r) {
        return new DepartmentView(r.getString("code"), r.getString("name"), r.getString("parent_code"),
                r.getString("cost_center"), r.getBoolean("active"), r.getString("source_system"),
                r.getString("external_id"), r.getOffsetDateTime("last_sent_at"), r.getUUID("last_receipt_id"),
                r.getOffsetDateTime("created_at"), r.getOffsetDateTime("updated_at"));
    }
}

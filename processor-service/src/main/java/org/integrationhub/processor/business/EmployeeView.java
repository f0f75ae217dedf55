package org.integrationhub.processor.business;

import io.vertx.mutiny.sqlclient.Row;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An employee in the operator API. */
@Schema(name = "Employee")
public record EmployeeView(
        @Schema(example = "E-2001") String code,
        @Schema(example = "Li Wei") String name,
        @Schema(description = "The department's code", example = "D-100") String departmentCode,
        @Schema(example = "Attending physician") String title,
        @Schema(example = "li.wei@hospital.example") String email,
        @Schema(example = "+86 10 5555 0101") String phone,
        @Schema(example = "2024-03-01") LocalDate hireDate,
        @Schema(description = "false once archived") boolean active,
        @Schema(description = "The partner system that sent it", example = "HIS") String sourceSystem,
        @Schema(description = "Its id in that system", example = "E-2001") String externalId,
        @Schema(description = "sentAt of the last change applied: older rows are skipped") OffsetDateTime lastSentAt,
        @Schema(description = "The receipt of the last change applied") UUID lastReceiptId,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /** The columns {@link #of} reads, from {@code employee e JOIN department d ON d.id = e.department_id}. */
    static final String COLUMNS = """
            e.code, e.name, d.code AS department_code, e.title, e.email, e.phone, e.hire_date, e.active,
            e.source_system, e.external_id, e.last_sent_at, e.last_receipt_id, e.created_at, e.updated_at""";

    static EmployeeView of(Row r) {
        return new EmployeeView(r.getString("code"), r.getString("name"), r.getString("department_code"),
                r.getString("title"), r.getString("email"), r.getString("phone"), r.getLocalDate("hire_date"),
                r.getBoolean("active"), r.getString("source_system"), r.getString("external_id"),
                r.getOffsetDateTime("last_sent_at"), r.getUUID("last_receipt_id"), r.getOffsetDateTime("created_at"),
                r.getOffsetDateTime("updated_at"));
    }
}

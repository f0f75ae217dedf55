package org.integrationhub.processor.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.integrationhub.common.tracing.Traces;
import org.integrationhub.processor.business.BusinessReads;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** A staging row as operators see it: the contract's columns and the engine's bookkeeping. */
@Schema(name = "StagingRow")
public record StagingRowView(
        UUID receiptId,
        @JsonProperty("interface") @Schema(example = "departments") String interfaceName,
        @Schema(example = "HIS") String sourceSystem,
        @Schema(example = "D-100") String externalId,
        @Schema(enumeration = {"CREATE", "UPDATE", "DELETE"}) String operation,
        OffsetDateTime sentAt,
        OffsetDateTime receivedAt,
        @Schema(enumeration = {"PENDING", "PROCESSING", "PROCESSED", "FAILED", "SKIPPED"}) String status,
        @Schema(description = "Why it failed, as a class; null unless FAILED", nullable = true,
                enumeration = {"VALIDATION", "REFERENCE", "CONFLICT", "TRANSIENT", "INTERNAL"}) String errorClass,
        @Schema(description = "Why it failed, was skipped or is waiting") String errorMessage,
        int attempts,
        OffsetDateTime processedAt,
        @Schema(description = "The worker holding it while PROCESSING") String claimedBy,
        @Schema(description = "When that worker's lease runs out") OffsetDateTime leaseUntil,
        @Schema(description = "A row waiting out a backoff or a staged reference is not claimed before this")
        OffsetDateTime nextAttemptAt,
        @Schema(description = "The data object exactly as received") Map<String, Object> data,
        @Schema(description = "The W3C trace id of the intake request that brought it: its spans and log lines, and "
                + "the processor's apply of it, carry it", nullable = true) String traceId,
        @Schema(description = "The X-Correlation-Id of that request", nullable = true) String correlationId) {

    public static final String COLUMNS = """
            receipt_id, interface, source_system, external_id, operation, sent_at, received_at, status, error_class,
            error_message, attempts, processed_at, claimed_by, lease_until, next_attempt_at, payload, trace_parent,
            correlation_id""";

    public static StagingRowView of(Row r) {
        Object payload = r.getValue("payload");
        return new StagingRowView(r.getUUID("receipt_id"), r.getString("interface"), r.getString("source_system"),
                r.getString("external_id"), r.getString("operation"), r.getOffsetDateTime("sent_at"),
                r.getOffsetDateTime("received_at"), r.getString("status"), r.getString("error_class"),
                r.getString("error_message"), r.getInteger("attempts"), r.getOffsetDateTime("processed_at"),
                r.getString("claimed_by"), r.getOffsetDateTime("lease_until"), r.getOffsetDateTime("next_attempt_at"),
                payload instanceof JsonObject json ? BusinessReads.plain(json) : Map.of(),
                Traces.traceId(r.getString("trace_parent")), r.getString("correlation_id"));
    }
}

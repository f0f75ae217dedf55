package org.integrationhub.intake.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.integrationhub.common.model.RecordStatus;
import org.integrationhub.common.problem.FieldError;

import java.util.List;

/** The answer to a batch. */
@Schema(name = "BatchResult", requiredProperties = {"accepted", "rejected", "results"})
public record BatchResult(
        @Schema(description = "How many records were accepted (stored, or replays of stored ones; in a dry run, "
                + "how many would be)") int accepted,
        @Schema(description = "How many were rejected; they stored nothing") int rejected,
        @Schema(description = "One entry per record, in request order") List<BatchItem> results) {

    /**
     * A dry run's answer: each record as it would be answered, with no new receipt (nothing was stored); a record
     * whose messageId would replay a stored one has that receipt, as the real call would answer it.
     */
    public static BatchResult tried(List<Candidate> candidates) {
        List<BatchItem> items = candidates.stream().map(c -> c.rejection() != null
                ? new BatchItem(c.index(), null, "REJECTED", c.errors())
                : c.receipt() != null
                ? new BatchItem(c.index(), c.receipt().receiptId().toString(), c.receipt().status().name(), null)
                : new BatchItem(c.index(), null, RecordStatus.PENDING.name(), null)).toList();
        int accepted = (int) candidates.stream().filter(c -> c.rejection() == null).count();
        return new BatchResult(accepted, items.size() - accepted, items);
    }

    public static BatchResult of(List<Candidate> candidates) {
        List<BatchItem> items = candidates.stream().map(c -> c.rejection() == null
                ? new BatchItem(c.index(), c.receipt().receiptId().toString(), c.receipt().status().name(), null)
                : new BatchItem(c.index(), null, "REJECTED", c.errors())).toList();
        int accepted = (int) items.stream().filter(i -> i.receiptId() != null).count();
        return new BatchResult(accepted, items.size() - accepted, items);
    }

    /** One record's outcome in a batch. */
    @Schema(name = "BatchItem", requiredProperties = {"index", "status"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BatchItem(
            @Schema(description = "Position in records[], from 0") int index,
            @Schema(description = "The receipt, when accepted; in a dry run only a stored one that the record's "
                    + "messageId would replay", format = "uuid") String receiptId,
            @Schema(description = "The receipt's status (PENDING for a new record), or REJECTED",
                    enumeration = {"PENDING", "PROCESSING", "PROCESSED", "FAILED", "SKIPPED", "REJECTED"}) String status,
            @Schema(description = "Why it was rejected") List<FieldError> errors) {
    }
}

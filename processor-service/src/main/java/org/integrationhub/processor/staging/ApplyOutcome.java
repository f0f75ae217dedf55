package org.integrationhub.processor.staging;

import org.integrationhub.common.model.RecordStatus;

/**
 * What applying a row did, committed together with the business change.
 *
 * @param status  PROCESSED or SKIPPED
 * @param message null when processed; why it was skipped otherwise
 */
public record ApplyOutcome(RecordStatus status, String message) {

    public static ApplyOutcome processed() {
        return new ApplyOutcome(RecordStatus.PROCESSED, null);
    }

    public static ApplyOutcome skipped(String message) {
        return new ApplyOutcome(RecordStatus.SKIPPED, message);
    }
}

package org.integrationhub.common.model;

/** Where a staging row stands (处理状态). */
public enum RecordStatus {
    /** Accepted by the intake, waiting for the processor. */
    PENDING,
    /** Claimed by a processor worker that holds its lease. */
    PROCESSING,
    /** Applied to the business tables; the error is cleared. */
    PROCESSED,
    /** Not applied; {@code error_message} says why. An operator may retry it. */
    FAILED,
    /** Stale: older than the last change applied to its record; nothing changed. */
    SKIPPED
}

package org.integrationhub.common.model;

/** Why a row was not applied; decides whether it is retried. */
public enum ErrorClass {
    /** The data breaks a rule; retrying cannot help. */
    VALIDATION,
    /** A referenced record is missing, inactive or failed. */
    REFERENCE,
    /** The change clashes with existing data (a code taken, active dependants). */
    CONFLICT,
    /** A passing fault (lost connection, deadlock, serialization failure); retried with backoff. */
    TRANSIENT,
    /** A defect; the message is logged with its correlation. */
    INTERNAL;

    public boolean retryable() {
        return this == TRANSIENT;
    }
}

package org.integrationhub.processor.staging;

/**
 * A row whose referenced record is still waiting in staging: it goes back to PENDING for a moment, its
 * attempt not counted, and is applied once the referenced record is.
 */
public class WaitException extends RuntimeException {

    public WaitException(String reason) {
        super(reason, null, false, false);
    }
}

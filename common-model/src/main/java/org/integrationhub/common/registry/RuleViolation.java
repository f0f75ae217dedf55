package org.integrationhub.common.registry;

import org.integrationhub.common.model.ErrorClass;

/** A row breaks an {@link ApplyRule}: it ends FAILED with this class and message. */
public class RuleViolation extends RuntimeException {

    private final ErrorClass errorClass;

    public RuleViolation(ErrorClass errorClass, String message) {
        super(message, null, false, false);
        this.errorClass = errorClass;
    }

    public ErrorClass errorClass() {
        return errorClass;
    }
}

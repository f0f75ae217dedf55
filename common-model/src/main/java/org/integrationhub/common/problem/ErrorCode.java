package org.integrationhub.common.problem;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** The {@code code} of one entry of a problem's {@code errors}, fixed by the contract. */
public enum ErrorCode {
    REQUIRED,
    TOO_LONG,
    INVALID_FORMAT,
    INVALID_VALUE,
    UNKNOWN_FIELD,
    UNKNOWN_REFERENCE,
    NOT_ALLOWED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}

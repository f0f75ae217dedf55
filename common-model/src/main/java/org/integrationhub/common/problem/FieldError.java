package org.integrationhub.common.problem;

/**
 * One thing wrong with a request.
 *
 * @param field   JSON path of the offending value, such as {@code data.parentCode}
 * @param code    what kind of fault
 * @param message a sentence a partner developer can act on
 */
public record FieldError(String field, ErrorCode code, String message) {
}

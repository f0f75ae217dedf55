package org.integrationhub.common.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One thing wrong with a request.
 *
 * @param field   JSON path of the offending value, such as {@code data.parentCode}
 * @param code    what kind of fault
 * @param message a sentence a partner developer can act on
 */
@Schema(name = "FieldError",
        requiredProperties = {"field", "code", "message"})
public record FieldError(String field, ErrorCode code, String message) {
}

package org.integrationhub.intake.rest;

import org.integrationhub.common.problem.ErrorCode;
import org.integrationhub.common.problem.FieldError;
import org.integrationhub.common.problem.ProblemException;
import org.integrationhub.common.problem.ProblemType;

import java.util.List;
import java.util.regex.Pattern;

/** The {@code Idempotency-Key} header: up to 128 visible ASCII characters, like the envelope's messageId. */
final class IdempotencyKey {

    static final String HEADER = "Idempotency-Key";
    static final int MAX_LENGTH = 128;
    private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7E]+");

    private IdempotencyKey() {
    }

    /** The key, stripped; null when the header is absent or blank; a 400 naming the header when it breaks the rules. */
    static String of(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String key = header.strip();
        if (key.length() > MAX_LENGTH) {
            throw invalid(ErrorCode.TOO_LONG, HEADER + " is longer than " + MAX_LENGTH + " characters");
        }
        if (!VISIBLE_ASCII.matcher(key).matches()) {
            throw invalid(ErrorCode.INVALID_FORMAT, HEADER + " must be visible ASCII characters without spaces");
        }
        return key;
    }

    private static ProblemException invalid(ErrorCode code, String message) {
        return new ProblemException(ProblemType.VALIDATION_FAILED, message, List.of(new FieldError(HEADER, code, message)));
    }
}

package org.integrationhub.processor.admin;

import com.fasterxml.jackson.databind.JsonNode;
import org.integrationhub.common.problem.ErrorCode;
import org.integrationhub.common.problem.FieldError;
import org.integrationhub.common.problem.ProblemException;
import org.integrationhub.common.problem.ProblemType;
import org.integrationhub.common.validation.EnvelopeReader;
import org.integrationhub.common.validation.StorableText;

import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** An operator request's JSON object body, read strictly: malformed JSON, a non-object or an unknown field is a 400. */
final class JsonBody {

    private JsonBody() {
    }

    /** Parses {@code body}; adds an {@code unknown_field} error for each field not in {@code allowed}. */
    static JsonNode object(byte[] body, Set<String> allowed, String what, List<FieldError> errors) {
        JsonNode node = EnvelopeReader.parse(body);
        if (!node.isObject()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "The body must be a JSON object",
                    List.of(new FieldError("$", ErrorCode.INVALID_FORMAT, "The body must be a JSON object")));
        }
        // text the database cannot store is refused before any field is read
        List<FieldError> unstorable = new java.util.ArrayList<>();
        StorableText.check(node, "", unstorable);
        rejectIfAny(unstorable);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!allowed.contains(field)) {
                errors.add(new FieldError(field, ErrorCode.UNKNOWN_FIELD, "'" + field + "' " + what + ": " + allowed));
            }
        }
        return node;
    }

    /** Fails with a 400 naming every error, if there is any. */
    static void rejectIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED,
                    errors.size() == 1 ? errors.get(0).message() : errors.size() + " fields break the rules", errors);
        }
    }
}

package org.integrationhub.processor.job;

import com.fasterxml.jackson.databind.JsonNode;
import org.integrationhub.common.problem.ErrorCode;
import org.integrationhub.common.problem.FieldError;

import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Checks of a job's {@code args} object, for {@link JobTarget#checkArgs}: fields named {@code args.<name>}. */
public final class JobArgs {

    private JobArgs() {
    }

    /** An {@code unknown_field} error for each arg not in {@code allowed}. */
    public static void only(JsonNode args, Set<String> allowed, List<FieldError> errors) {
        for (Iterator<String> it = args.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                errors.add(new FieldError("args." + name, ErrorCode.UNKNOWN_FIELD,
                        "'" + name + "' is not an arg of this job's target; it takes " + allowed));
            }
        }
    }

    /** A whole number in [min, max], if present (or required). */
    public static void integer(JsonNode args, String name, int min, int max, boolean required, List<FieldError> errors) {
        JsonNode value = args.get(name);
        String field = "args." + name;
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(new FieldError(field, ErrorCode.REQUIRED, field + " is required"));
            }
            return;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()
                || value.longValue() < min || value.longValue() > max) {
            errors.add(new FieldError(field, value.isNumber() ? ErrorCode.INVALID_VALUE : ErrorCode.INVALID_FORMAT,
                    field + " must be a whole number from " + min + " to " + max));
        }
    }

    /** A string among {@code allowed}, if present (or required). */
    public static void oneOf(JsonNode args, String name, Set<String> allowed, boolean required, List<FieldError> errors) {
        JsonNode value = args.get(name);
        String field = "args." + name;
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(new FieldError(field, ErrorCode.REQUIRED, field + " is required, one of " + allowed));
            }
            return;
        }
        if (!value.isTextual() || !allowed.contains(value.textValue())) {
            errors.add(new FieldError(field, ErrorCode.INVALID_VALUE, field + " must be one of " + allowed));
        }
    }
}

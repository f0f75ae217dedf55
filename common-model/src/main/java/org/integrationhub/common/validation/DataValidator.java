package org.integrationhub.common.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integrationhub.common.problem.ErrorCode;
import org.integrationhub.common.problem.FieldError;
import org.integrationhub.common.registry.FieldSpec;
import org.integrationhub.common.registry.InterfaceDefinition;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;

/** Checks an interface's {@code data} against its {@link FieldSpec}s: presence, type, length, format. */
public final class DataValidator {

    private DataValidator() {
    }

    /**
     * @param partial true for a DELETE, whose data may be partial: required fields are not demanded
     */
    public static void validate(InterfaceDefinition definition, ObjectNode data, String prefix, boolean partial,
                                List<FieldError> errors) {
        for (Iterator<String> it = data.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (definition.field(name).isEmpty()) {
                errors.add(new FieldError(prefix + name, ErrorCode.UNKNOWN_FIELD,
                        "'" + name + "' is not a field of " + definition.name()));
            }
        }
        for (FieldSpec field : definition.fields()) {
            JsonNode value = data.get(field.name());
            String path = prefix + field.name();
            if (value == null || value.isNull()) {
                if (field.required() && !partial) {
                    errors.add(new FieldError(path, ErrorCode.REQUIRED, field.name() + " is required"));
                }
                continue;
            }
            check(field, value, path, errors);
        }
        // a record cannot reference itself (a department as its own parent)
        for (FieldSpec field : definition.fields()) {
            JsonNode value = data.get(field.name());
            JsonNode code = data.get("code");
            if (definition.name().equals(field.references()) && value != null && value.isTextual()
                    && code != null && value.textValue().equals(code.textValue())) {
                errors.add(new FieldError(prefix + field.name(), ErrorCode.INVALID_VALUE,
                        field.name() + " must not name the record itself"));
            }
        }
    }

    private static void check(FieldSpec field, JsonNode value, String path, List<FieldError> errors) {
        switch (field.type()) {
            case BOOLEAN -> {
                if (!value.isBoolean()) {
                    errors.add(new FieldError(path, ErrorCode.INVALID_FORMAT, field.name() + " must be true or false"));
                }
            }
            case CODE -> {
                String text = string(field, value, path, errors);
                if (text == null) {
                    return;
                }
                if (text.length() > FieldSpec.CODE_MAX) {
                    errors.add(new FieldError(path, ErrorCode.TOO_LONG,
                            field.name() + " is longer than " + FieldSpec.CODE_MAX + " characters"));
                } else if (!Formats.CODE.matcher(text).matches()) {
                    errors.add(new FieldError(path, ErrorCode.INVALID_FORMAT,
                            field.name() + " must be 1 to 32 letters, digits, '-' or '_'"));
                }
            }
            case TEXT -> {
                String text = string(field, value, path, errors);
                if (text != null && text.codePointCount(0, text.length()) > field.maxLength()) {
                    errors.add(new FieldError(path, ErrorCode.TOO_LONG,
                            field.name() + " is longer than " + field.maxLength() + " characters"));
                }
            }
            case EMAIL -> {
                String text = string(field, value, path, errors);
                if (text != null && (text.length() > field.maxLength() || !Formats.EMAIL.matcher(text).matches())) {
                    errors.add(new FieldError(path, ErrorCode.INVALID_FORMAT, field.name() + " must be an e-mail address"));
                }
            }
            case DATE -> {
                String text = string(field, value, path, errors);
                if (text != null) {
                    try {
                        LocalDate.parse(text);
                    } catch (DateTimeParseException e) {
                        errors.add(new FieldError(path, ErrorCode.INVALID_FORMAT,
                                field.name() + " must be an ISO-8601 date, yyyy-MM-dd"));
                    }
                }
            }
            case ENUM -> {
                String text = string(field, value, path, errors);
                if (text != null && !field.allowed().contains(text)) {
                    errors.add(new FieldError(path, ErrorCode.INVALID_VALUE,
                            field.name() + " must be one of " + field.allowed()));
                }
            }
        }
    }

    private static String string(FieldSpec field, JsonNode value, String path, List<FieldError> errors) {
        if (!value.isTextual()) {
            errors.add(new FieldError(path, ErrorCode.INVALID_FORMAT, field.name() + " must be a string"));
            return null;
        }
        if (value.textValue().isBlank()) {
            errors.add(new FieldError(path, field.required() ? ErrorCode.REQUIRED : ErrorCode.INVALID_FORMAT,
                    field.name() + " must not be blank"));
            return null;
        }
        return value.textValue();
    }
}

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
import java.util.Locale;
import java.util.Set;

/** Checks an interface's {@code data} against its {@link FieldSpec}s: presence, type, length, format. */
public final class DataValidator {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private DataValidator() {
    }

    /**
     * @param partial true for a DELETE, whose data may be partial: required fields are not demanded
     */
    public static void validate(InterfaceDefinition definition, ObjectNode data, String prefix, boolean partial,
                                List<FieldError> errors) {
        validateObject(definition.name(), definition.fields(), data, data, prefix, partial, errors);
        // a record cannot reference itself (a department as its own parent)
        JsonNode code = data.get("code");
        for (FieldSpec field : definition.referenceFields()) {
            JsonNode value = data.get(field.name());
            if (definition.selfReference(field) && value != null && value.isTextual()
                    && code != null && value.textValue().equals(code.textValue())) {
                errors.add(new FieldError(prefix + field.name(), ErrorCode.INVALID_VALUE,
                        field.name() + " must not name the record itself"));
            }
        }
    }

    private static void validateObject(String owner, List<FieldSpec> fields, ObjectNode object, ObjectNode record,
                                       String prefix, boolean partial, List<FieldError> errors) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (fields.stream().noneMatch(f -> f.name().equals(name))) {
                errors.add(new FieldError(prefix + name, ErrorCode.UNKNOWN_FIELD,
                        "'" + name + "' is not a field of " + owner + "; expected one of "
                                + fields.stream().map(FieldSpec::name).toList()));
            }
        }
        for (FieldSpec field : fields) {
            JsonNode value = object.get(field.name());
            String path = prefix + field.name();
            if (value == null || value.isNull()) {
                if (field.required() && !partial) {
                    errors.add(new FieldError(path, ErrorCode.REQUIRED, field.name() + " is required"));
                }
                continue;
            }
            check(field, value, record, path, partial, errors);
        }
    }

    private static void check(FieldSpec field, JsonNode value, ObjectNode record, String path, boolean partial,
                              List<FieldError> errors) {
        switch (field.type()) {
            case BOOLEAN -> {
                if (!value.isBoolean()) {
                    errors.add(new FieldError(path, ErrorCode.INVALID_FORMAT, field.name() + " must be true or false"));
                }
            }
            case OBJECT -> {
                if (!value.isObject()) {
                    errors.add(new FieldError(path, ErrorCode.INVALID_FORMAT, field.name() + " must be a JSON object"));
                } else {
                    validateObject(field.name(), field.fields(), (ObjectNode) value, record, path + ".", partial, errors);
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
                if (text != null) {
                    maxLength(field, text, path, errors);
                }
            }
            case EMAIL -> {
                String text = string(field, value, path, errors);
                if (text != null && (text.length() > field.maxLength() || !Formats.EMAIL.matcher(text).matches())) {
                    errors.add(new FieldError(path, ErrorCode.INVALID_FORMAT,
                            field.name() + " must be an e-mail address such as name@example.com"));
                }
            }
            case PHONE -> {
                String text = string(field, value, path, errors);
                if (text != null && !maxLength(field, text, path, errors) && !Formats.PHONE.matcher(text).matches()) {
                    errors.add(new FieldError(path, ErrorCode.INVALID_FORMAT,
                            field.name() + " must be a telephone number: digits, spaces, '+', '-' and parentheses"));
                }
            }
            case DATE -> {
                String text = string(field, value, path, errors);
                if (text != null) {
                    try {
                        String fault = InstantRange.dateFault(LocalDate.parse(text));
                        if (fault != null) {
                            errors.add(new FieldError(path, ErrorCode.INVALID_VALUE, field.name() + " " + fault));
                        }
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
            case COUNTRY -> {
                String text = string(field, value, path, errors);
                if (text != null && !COUNTRIES.contains(text)) {
                    errors.add(new FieldError(path, ErrorCode.INVALID_VALUE,
                            field.name() + " must be an ISO 3166-1 alpha-2 country code in capitals, such as CN"));
                }
            }
            case TAX_ID -> {
                String text = string(field, value, path, errors);
                if (text == null) {
                    return;
                }
                JsonNode type = record.get("type");
                boolean company = type != null && "COMPANY".equals(type.asText());
                if (!company) {
                    maxLength(field, text, path, errors);
                } else if (text.length() != 18) {
                    errors.add(new FieldError(path, text.length() > 18 ? ErrorCode.TOO_LONG : ErrorCode.INVALID_FORMAT,
                            field.name() + " of a company must be its 18-character unified social credit code"));
                } else if (!UnifiedSocialCreditCode.isValid(text)) {
                    errors.add(new FieldError(path, ErrorCode.INVALID_VALUE, field.name()
                            + " is not a valid unified social credit code: a character or the check character is wrong"));
                }
            }
        }
    }

    /** Adds a too_long fault and answers true when the text is longer than the field allows. */
    private static boolean maxLength(FieldSpec field, String text, String path, List<FieldError> errors) {
        if (text.codePointCount(0, text.length()) > field.maxLength()) {
            errors.add(new FieldError(path, ErrorCode.TOO_LONG,
                    field.name() + " is longer than " + field.maxLength() + " characters"));
            return true;
        }
        return false;
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

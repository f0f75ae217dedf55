package org.integrationhub.processor.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.hibernate.validator.constraints.Range;
import org.integrationhub.common.problem.ErrorCode;
import org.integrationhub.common.problem.FieldError;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an operator's JSON body into a record whose components carry Bean Validation constraints: the body
 * is read strictly ({@link JsonBody}: malformed JSON, a non-object, text the database cannot store, unknown
 * fields), each field present must have its component's JSON type (a Boolean is true or false, a Long a whole
 * number, a String text, an ObjectNode an object, an OffsetDateTime an ISO-8601 date-time with an offset),
 * then the record's constraints hold. Every fault is a {@link FieldError} naming the field, all of them
 * answered together as one 400 problem ({@link JsonBody#rejectIfAny}); absent fields are null.
 */
@ApplicationScoped
public class OperatorInput {

    @Inject
    Validator validator;

    /**
     * The body as {@code type}; adds to {@code errors} what is wrong (call {@link JsonBody#rejectIfAny} once the
     * caller's own checks are added too). {@code what} words the unknown-field message: "cannot be changed".
     */
    public <T extends Record> T read(byte[] body, Class<T> type, String what, List<FieldError> errors) {
        RecordComponent[] components = type.getRecordComponents();
        Map<String, String> jsonNames = new LinkedHashMap<>();
        for (RecordComponent component : components) {
            JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
            jsonNames.put(component.getName(), renamed == null ? component.getName() : renamed.value());
        }
        JsonNode node = JsonBody.object(body, Set.copyOf(jsonNames.values()), what, errors);
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            String field = jsonNames.get(components[i].getName());
            JsonNode value = node.get(field);
            values[i] = value == null ? null : convert(field, components[i], value, errors);
        }
        T input;
        try {
            input = type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new)).newInstance(values);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException | NoSuchMethodException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
        for (ConstraintViolation<T> violation : validator.validate(input)) {
            String path = violation.getPropertyPath().toString();
            String field = jsonNames.getOrDefault(path, path);
            if (errors.stream().noneMatch(e -> e.field().equals(field))) {
                errors.add(new FieldError(field, ErrorCode.INVALID_VALUE, field + " " + violation.getMessage()));
            }
        }
        return input;
    }

    private static Object convert(String field, RecordComponent component, JsonNode value, List<FieldError> errors) {
        Class<?> type = component.getType();
        if (type == Boolean.class && value.isBoolean()) {
            return value.booleanValue();
        }
        if (type == Long.class && value.isIntegralNumber()) {
            if (value.canConvertToLong()) {
                return value.longValue();
            }
            Range range = component.getAccessor().getAnnotation(Range.class);
            errors.add(new FieldError(field, ErrorCode.INVALID_VALUE, field + (range == null ? " is too large"
                    : " must be a whole number from " + range.min() + " to " + range.max())));
            return null;
        }
        if (type == String.class && value.isTextual()) {
            return value.textValue();
        }
        if (type == ObjectNode.class && value.isObject()) {
            return value;
        }
        if (type == OffsetDateTime.class && value.isTextual()) {
            try {
                return OffsetDateTime.parse(value.textValue());
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        errors.add(new FieldError(field, ErrorCode.INVALID_FORMAT, field + " must be " + expected(type)));
        return null;
    }

    private static String expected(Class<?> type) {
        if (type == Boolean.class) {
            return "true or false";
        }
        if (type == Long.class) {
            return "a whole number";
        }
        if (type == ObjectNode.class) {
            return "a JSON object";
        }
        if (type == OffsetDateTime.class) {
            return "an ISO-8601 date-time with an offset";
        }
        return "a string";
    }
}

package org.integrationhub.common.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integrationhub.common.model.Operation;
import org.integrationhub.common.problem.ErrorCode;
import org.integrationhub.common.problem.FieldError;
import org.integrationhub.common.problem.ProblemException;
import org.integrationhub.common.problem.ProblemType;
import org.integrationhub.common.registry.InterfaceDefinition;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a partner's envelope from the raw body and checks it whole: every fault is reported at once,
 * each with its JSON path, so a partner fixes a record in one round trip.
 */
public final class EnvelopeReader {

    private static final Set<String> ENVELOPE_FIELDS =
            Set.of("sourceSystem", "externalId", "operation", "sentAt", "messageId", "data");
    private static final String OPERATIONS = Arrays.toString(Operation.values());
    private static final Charset UTF8 = StandardCharsets.UTF_8;

    private EnvelopeReader() {
    }

    /** Parses the body; a body that is not one JSON object is a 400 malformed-request problem. */
    public static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "The request body is empty; send a JSON object");
        }
        try {
            // decoded strictly first: malformed UTF-8 is refused, never replaced; and a lone surrogate escape
            // in a field name (which Jackson's byte parser refuses outright) reaches StorableText, which
            // names the field
            JsonNode node = Json.STRICT.readTree(UTF8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString());
            if (node == null || node.isMissingNode()) {
                throw new ProblemException(ProblemType.MALFORMED_REQUEST, "The request body is empty; send a JSON object");
            }
            return node;
        } catch (CharacterCodingException e) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "The body is not valid UTF-8");
        } catch (StreamConstraintsException e) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "The body is nested deeper than "
                    + Json.MAX_NESTING_DEPTH + " levels or has a number longer than " + Json.MAX_NUMBER_LENGTH + " digits");
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new ProblemException(ProblemType.MALFORMED_REQUEST,
                    "The body is not valid JSON: " + e.getOriginalMessage() + where);
        } catch (IOException e) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "The body could not be read as JSON");
        }
    }

    /**
     * Validates one envelope node, adding faults to {@code errors} with paths under {@code prefix}
     * (empty for a single record, {@code records[3].} in a batch). Returns null when it has faults.
     *
     * @param sentAtRange where {@code sentAt} must lie: from the configured earliest instant to now plus the
     *                    allowed clock skew
     */
    public static Envelope validate(JsonNode node, String prefix, InterfaceDefinition definition,
                                    InstantRange sentAtRange, List<FieldError> errors) {
        int before = errors.size();
        if (!node.isObject()) {
            errors.add(new FieldError(prefix.isEmpty() ? "$" : strip(prefix), ErrorCode.INVALID_FORMAT,
                    "The record must be a JSON object"));
            return null;
        }
        // text the database cannot store is refused first, naming each place, and nothing else is judged
        StorableText.check(node, strip(prefix), errors);
        if (errors.size() > before) {
            return null;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!ENVELOPE_FIELDS.contains(name)) {
                errors.add(new FieldError(prefix + name, ErrorCode.UNKNOWN_FIELD,
                        "'" + name + "' is not an envelope field; expected " + ENVELOPE_FIELDS));
            }
        }
        String sourceSystem = text(node, prefix, "sourceSystem", true, errors);
        if (sourceSystem != null && !Formats.CODE.matcher(sourceSystem).matches()) {
            errors.add(new FieldError(prefix + "sourceSystem", ErrorCode.INVALID_FORMAT,
                    "sourceSystem must be 1 to 32 letters, digits, '-' or '_'"));
        }
        String externalId = text(node, prefix, "externalId", true, errors);
        if (externalId != null && externalId.length() > 128) {
            errors.add(new FieldError(prefix + "externalId", ErrorCode.TOO_LONG, "externalId is longer than 128 characters"));
        } else if (externalId != null && !Formats.EXTERNAL_ID.matcher(externalId).matches()) {
            errors.add(new FieldError(prefix + "externalId", ErrorCode.INVALID_FORMAT,
                    "externalId must be visible text: no control characters or line breaks, and at least one "
                            + "letter, digit, punctuation mark or symbol"));
        }
        Operation operation = null;
        String op = text(node, prefix, "operation", true, errors);
        if (op != null) {
            try {
                operation = Operation.valueOf(op);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(prefix + "operation", ErrorCode.INVALID_VALUE,
                        "operation must be one of " + OPERATIONS));
            }
        }
        OffsetDateTime sentAt = null;
        String sent = text(node, prefix, "sentAt", true, errors);
        if (sent != null) {
            try {
                sentAt = OffsetDateTime.parse(sent);
                String fault = sentAtRange.fault(sentAt);
                if (fault != null) {
                    errors.add(new FieldError(prefix + "sentAt", ErrorCode.INVALID_VALUE, "sentAt " + fault));
                }
            } catch (DateTimeParseException e) {
                errors.add(new FieldError(prefix + "sentAt", ErrorCode.INVALID_FORMAT,
                        "sentAt must be an ISO-8601 date-time with an offset, such as 2026-11-26T08:00:00+08:00"));
            }
        }
        String messageId = text(node, prefix, "messageId", false, errors);
        if (messageId != null && messageId.length() > 128) {
            errors.add(new FieldError(prefix + "messageId", ErrorCode.TOO_LONG, "messageId is longer than 128 characters"));
        }
        ObjectNode data = null;
        JsonNode dataNode = node.get("data");
        boolean dataRequired = operation != Operation.DELETE;
        if (dataNode == null || dataNode.isNull()) {
            if (dataRequired) {
                errors.add(new FieldError(prefix + "data", ErrorCode.REQUIRED,
                        "data is required: the " + definition.name() + " record's fields as an object"));
            }
        } else if (!dataNode.isObject()) {
            errors.add(new FieldError(prefix + "data", ErrorCode.INVALID_FORMAT, "data must be a JSON object"));
        } else {
            data = (ObjectNode) dataNode;
            DataValidator.validate(definition, data, prefix + "data.", !dataRequired, errors);
        }
        if (errors.size() > before) {
            return null;
        }
        return new Envelope(sourceSystem, externalId, operation, sentAt, messageId,
                data == null ? Json.STRICT.createObjectNode() : data);
    }

    private static String text(JsonNode node, String prefix, String field, boolean required, List<FieldError> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(new FieldError(prefix + field, ErrorCode.REQUIRED, field + " is required"));
            }
            return null;
        }
        if (value.getNodeType() != JsonNodeType.STRING) {
            errors.add(new FieldError(prefix + field, ErrorCode.INVALID_FORMAT, field + " must be a string"));
            return null;
        }
        String text = value.textValue();
        if (text.isBlank()) {
            errors.add(new FieldError(prefix + field, ErrorCode.REQUIRED, field + " must not be blank"));
            return null;
        }
        return text;
    }

    private static String strip(String prefix) {
        return prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }
}

package org.integrationhub.common.validation;

import com.fasterxml.jackson.databind.JsonNode;
import org.integrationhub.common.problem.ErrorCode;
import org.integrationhub.common.problem.FieldError;
import org.integrationhub.common.problem.ProblemException;
import org.integrationhub.common.problem.ProblemType;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The one place that decides which text PostgreSQL can store. A {@code text} or {@code jsonb} value cannot
 * hold U+0000 (the server rejects it, which surfaced as a 500), and a lone UTF-16 surrogate has no UTF-8
 * form (the driver silently wrote {@code ?} in its place, changing the partner's data). Every entry point,
 * bodies, path and query parameters and stored headers of both services, refuses such text as a 400
 * {@code invalid_value} naming the field, before anything reaches the database.
 */
public final class StorableText {

    private StorableText() {
    }

    /** Why {@code text} cannot be stored, or null when it can. */
    public static String fault(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "contains a NUL character (U+0000), which cannot be stored";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "contains a lone UTF-16 surrogate (U+" + hex(c) + "), which is not a character";
            }
            if (Character.isLowSurrogate(c)) {
                return "contains a lone UTF-16 surrogate (U+" + hex(c) + "), which is not a character";
            }
        }
        return null;
    }

    /** Whether {@code text} can be stored as it is. */
    public static boolean storable(String text) {
        return fault(text) == null;
    }

    /**
     * Adds an {@code invalid_value} error for every string value and every field name under {@code node}
     * that cannot be stored, each with its JSON path ({@code prefix} + the path inside {@code node}).
     */
    public static void check(JsonNode node, String path, List<FieldError> errors) {
        if (node == null) {
            return;
        }
        if (node.isTextual()) {
            add(path, node.textValue(), errors);
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                String keyFault = fault(field.getKey());
                if (keyFault != null) {
                    // the name itself is the fault: show it escaped, so the answer can be read
                    errors.add(new FieldError((path.isEmpty() ? "" : path + ".") + escape(field.getKey()),
                            ErrorCode.INVALID_VALUE, "The field name " + keyFault));
                } else {
                    check(field.getValue(), child, errors);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), path + "[" + i + "]", errors);
            }
        }
    }

    /** Fails with a 400 {@code invalid_value} on {@code field} when {@code value} cannot be stored. */
    public static String require(String field, String value) {
        String fault = fault(value);
        if (fault != null) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, field + " " + fault,
                    List.of(new FieldError(field, ErrorCode.INVALID_VALUE, field + " " + fault)));
        }
        return value;
    }

    private static void add(String path, String text, List<FieldError> errors) {
        String fault = fault(text);
        if (fault != null) {
            errors.add(new FieldError(path, ErrorCode.INVALID_VALUE, path + " " + fault));
        }
    }

    /** The text with NULs and lone surrogates written as \\uXXXX, for messages. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                out.append(c).append(text.charAt(++i));
            } else if (c == '\u0000' || Character.isSurrogate(c)) {
                out.append("\\u").append(hex(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }
}

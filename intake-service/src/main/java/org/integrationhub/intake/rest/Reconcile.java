package org.integrationhub.intake.rest;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.integrationhub.common.problem.ErrorCode;
import org.integrationhub.common.problem.FieldError;
import org.integrationhub.common.problem.ProblemException;
import org.integrationhub.common.problem.ProblemType;
import org.integrationhub.common.validation.InstantRange;
import org.integrationhub.common.validation.Json;
import org.integrationhub.common.validation.StorableText;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The body of a reconcile call, read and checked: a 400 names each faulty item's field (the first hundred). */
final class Reconcile {

    static final int MAX_ITEMS = 10_000;
    private static final int MAX_ERRORS = 100;
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final Set<String> ITEM_FIELDS = Set.of("externalId", "sentAt", "dataHash");

    private Reconcile() {
    }

    @Schema(name = "ReconcileRequest", description = "The versions you hold", requiredProperties = "items")
    record Request(@Schema(description = "1 to 10,000 items", maxItems = MAX_ITEMS, minItems = 1) List<Item> items) {
    }

    @Schema(name = "ReconcileItem", description = "One record as you hold it")
    record Item(
            @Schema(required = true, example = "D-100") String externalId,
            @Schema(required = true, description = "The sentAt of the version you hold",
                    example = "2026-11-26T08:00:00+08:00") OffsetDateTime sentAt,
            @Schema(description = "Optional: SHA-256, lower-case hex, of your data object written as UTF-8 JSON with "
                    + "the keys of every object sorted, no white space and non-ASCII characters as themselves (Python: "
                    + "json.dumps(data, sort_keys=True, separators=(',', ':'), ensure_ascii=False)); compared with the "
                    + "data the hub applied",
                    example = "3f0a0d3b5c8e1f6a9b2c4d7e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c") String dataHash) {
    }

    static Request read(byte[] body) {
        JsonNode root;
        try {
            root = Json.STRICT.readTree(body);
        } catch (IOException e) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "The body is not valid JSON");
        }
        JsonNode items = root == null ? null : root.get("items");
        if (root == null || !root.isObject() || items == null || !items.isArray() || root.size() != 1) {
            throw refused("The body must be {\"items\": [...]}, nothing else",
                    new FieldError("items", ErrorCode.REQUIRED, "items must be an array of 1 to " + MAX_ITEMS + " items"));
        }
        if (items.isEmpty() || items.size() > MAX_ITEMS) {
            throw refused("items holds " + items.size() + " items",
                    new FieldError("items", ErrorCode.INVALID_VALUE, "items must hold 1 to " + MAX_ITEMS + " items"));
        }
        List<FieldError> errors = new ArrayList<>();
        List<Item> read = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            read.add(item(items.get(i), "items[" + i + "].", errors));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, errors.size() + " field(s) of the items are wrong; "
                    + "the first: " + errors.get(0).message(), errors.subList(0, Math.min(errors.size(), MAX_ERRORS)));
        }
        return new Request(read);
    }

    private static Item item(JsonNode node, String path, List<FieldError> errors) {
        if (!node.isObject()) {
            errors.add(new FieldError(path.substring(0, path.length() - 1), ErrorCode.INVALID_FORMAT,
                    "each item must be an object"));
            return null;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!ITEM_FIELDS.contains(name)) {
                errors.add(new FieldError(path + StorableText.escape(name), ErrorCode.UNKNOWN_FIELD,
                        "an item has externalId, sentAt and dataHash only"));
            }
        }
        String externalId = text(node, path, "externalId", errors);
        if (externalId != null && (externalId.isBlank() || !StorableText.storable(externalId))) {
            errors.add(new FieldError(path + "externalId", ErrorCode.INVALID_VALUE,
                    "externalId must be text the hub can hold (not blank, no NUL, no lone surrogate)"));
        }
        OffsetDateTime sentAt = null;
        String sent = text(node, path, "sentAt", errors);
        if (sent != null) {
            try {
                sentAt = OffsetDateTime.parse(sent);
                String fault = InstantRange.STORABLE.fault(sentAt);
                if (fault != null) {
                    errors.add(new FieldError(path + "sentAt", ErrorCode.INVALID_VALUE, "sentAt " + fault));
                }
            } catch (DateTimeParseException e) {
                errors.add(new FieldError(path + "sentAt", ErrorCode.INVALID_FORMAT,
                        "sentAt must be an ISO-8601 date-time with an offset, such as 2026-11-26T08:00:00+08:00"));
            }
        }
        JsonNode hash = node.get("dataHash");
        if (hash != null && !hash.isNull() && !(hash.isTextual() && HASH.matcher(hash.textValue()).matches())) {
            errors.add(new FieldError(path + "dataHash", ErrorCode.INVALID_FORMAT,
                    "dataHash must be 64 lower-case hex characters (SHA-256)"));
        }
        return new Item(externalId, sentAt, hash == null || hash.isNull() ? null : hash.asText());
    }

    private static String text(JsonNode node, String path, String field, List<FieldError> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            errors.add(new FieldError(path + field, ErrorCode.REQUIRED, field + " is required"));
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new FieldError(path + field, ErrorCode.INVALID_FORMAT, field + " must be a string"));
            return null;
        }
        return value.textValue();
    }

    private static ProblemException refused(String detail, FieldError error) {
        return new ProblemException(ProblemType.MALFORMED_REQUEST, detail, List.of(error));
    }
}

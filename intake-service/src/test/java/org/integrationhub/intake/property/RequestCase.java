package org.integrationhub.intake.property;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integrationhub.common.registry.InterfaceDefinition;
import org.integrationhub.common.validation.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One generated request: a single record or a batch, the key it is sent with, and faults of the request
 * itself (its body bytes, headers, the batch's shape) that make the whole request wrong.
 *
 * @param escapeNonAscii write every non-ASCII character as a JSON escape ({@code \u00e9}); a lone surrogate is
 *                       always escaped, since it has no UTF-8 form
 * @param idempotencyKey send a fresh Idempotency-Key header (and the request a second time, as a replay)
 */
public record RequestCase(InterfaceDefinition definition, String key, boolean batch, List<RecordCase> records,
                          List<Fault> batchFaults, List<RequestFault> requestFaults, boolean escapeNonAscii,
                          boolean idempotencyKey) {

    /** What goes over the wire. */
    public record HttpCall(String path, String key, String contentType, String idempotencyKey, byte[] body) {
        public HttpCall withBody(byte[] newBody) {
            return new HttpCall(path, key, contentType, idempotencyKey, newBody);
        }
    }

    /**
     * A fault of the whole request, which must then be refused as a whole (or, for EITHER, may be).
     *
     * @param malformsBody   the body is no longer well-formed JSON (RFC 8259), so a refusal need not name a field
     * @param inFirstRecord the fault lies inside the first record: that record must be refused, the rest of a
     *                      batch may be refused with it or not
     */
    public record RequestFault(String label, Expect expect, boolean malformsBody, boolean inFirstRecord, Edit edit) {
        /** Changes the call; {@code token} is the first record's, for a header or a marker in the body. */
        @FunctionalInterface
        public interface Edit {
            HttpCall apply(HttpCall call, String token);
        }
    }

    /**
     * A request ready to send: the call, each record as it was written before any fault of the request
     * touched the bytes (what the intake stores when it accepts), its token, and what it must get.
     *
     * @param malformed the body is not well-formed JSON or is nested deeper than the documented limit: a 400
     *                  for it cannot name a field
     */
    public record Built(HttpCall call, List<JsonNode> sent, List<String> tokens, List<Expect> expects,
                        Expect whole, boolean malformed) {
    }

    private static final ObjectMapper PLAIN = JsonMapper.builder().build();
    /** Reads a body back as the intake does: decoded to text first, with the intake's number and name limits. */
    private static final ObjectMapper REREAD = JsonMapper.builder(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                    .maxNumberLength(Json.MAX_NUMBER_LENGTH).maxNameLength(1 << 20).maxStringLength(1 << 20).build())
            .build()).build();
    private static final ObjectMapper ESCAPING = JsonMapper.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    public RequestCase {
        records = List.copyOf(records);
        batchFaults = List.copyOf(batchFaults);
        requestFaults = List.copyOf(requestFaults);
    }

    public Built build(Supplier<String> tokens, Instant now) {
        List<String> recordTokens = new ArrayList<>();
        List<JsonNode> nodes = new ArrayList<>();
        for (RecordCase record : records) {
            String token = tokens.get();
            recordTokens.add(token);
            nodes.add(record.build(new Fault.Ctx(token, now)));
        }
        for (int i = 0; i < records.size(); i++) {
            Integer parentId = records.get(i).parentId();
            if (parentId != null && nodes.get(i).path("data") instanceof ObjectNode data) {
                int parent = indexOf(parentId);
                // the parent's code as it was written; a parent gone while shrinking leaves a code nobody has
                JsonNode code = parent < 0 ? null : nodes.get(parent).path("data").get("code");
                data.put("parentCode", code != null && code.isTextual() ? code.textValue() : "N" + recordTokens.get(i));
            }
        }
        JsonNode root;
        if (batch) {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            ArrayNode array = body.putArray("records");
            nodes.forEach(array::add);
            JsonNode edited = body;
            for (Fault fault : batchFaults) {
                edited = fault.edit().apply((ObjectNode) edited, new Fault.Ctx(recordTokens.get(0), now));
            }
            root = edited;
        } else {
            root = nodes.get(0);
        }
        String path = "/api/v1/interfaces/" + definition.name() + "/records" + (batch ? "/batch" : "");
        HttpCall call = new HttpCall(path, key, "application/json",
                idempotencyKey ? "K" + recordTokens.get(0) : null, write(root));
        // what the intake parses when the bytes are left alone
        List<JsonNode> sent = new ArrayList<>();
        JsonNode reread = read(call.body());
        for (int i = 0; i < records.size(); i++) {
            sent.add(batch ? reread.path("records").path(i) : reread);
        }
        for (RequestFault fault : requestFaults) {
            call = fault.edit().apply(call, recordTokens.get(0));
        }
        List<Expect> expects = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            expects.add(expect(i));
        }
        List<Expect> whole = new ArrayList<>();
        boolean tooDeep = depth(root) > Json.MAX_NESTING_DEPTH;
        if (tooDeep) {
            // the documented nesting limit: deeper bodies are refused whole, before any record is read
            whole.add(Expect.INVALID);
        }
        batchFaults.forEach(f -> whole.add(f.expect()));
        requestFaults.forEach(f -> whole.add(f.inFirstRecord() && batch ? Expect.EITHER : f.expect()));
        if (!batch) {
            whole.add(expects.get(0));
        }
        return new Built(call, sent, recordTokens, expects, Expect.all(whole),
                tooDeep || requestFaults.stream().anyMatch(RequestFault::malformsBody));
    }

    /**
     * What the record at {@code index} must get in this request: its own faults, a fault of the request inside
     * it, and the record it names as parent, which must be accepted with it and must not be a DELETE. A DELETE
     * checks no reference.
     */
    public Expect expect(int index) {
        RecordCase record = records.get(index);
        Expect own = index == 0 && requestFaults.stream().anyMatch(RequestFault::inFirstRecord)
                ? Expect.INVALID : record.expect();
        if (record.parentId() == null || record.deletes()) {
            return own;
        }
        int parent = indexOf(record.parentId());
        Expect parentExpect = parent < 0 || records.get(parent).deletes() ? Expect.INVALID : expect(parent);
        return Expect.all(List.of(own, parentExpect));
    }

    private int indexOf(int id) {
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).id() == id) {
                return i;
            }
        }
        return -1;
    }

    private byte[] write(JsonNode root) {
        try {
            String text = (escapeNonAscii || hasLoneSurrogate(root) ? ESCAPING : PLAIN).writeValueAsString(root);
            return text.getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a generated body", e);
        }
    }

    /** The body as a JSON reader sees it; a missing node when it reads none (Jackson refuses some escapes). */
    private static JsonNode read(byte[] body) {
        try {
            return REREAD.readTree(java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(body)).toString());
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    private static int depth(JsonNode node) {
        int deepest = 0;
        for (JsonNode child : node) {
            deepest = Math.max(deepest, depth(child));
        }
        return node.isContainerNode() ? deepest + 1 : 0;
    }

    private static boolean hasLoneSurrogate(JsonNode node) {
        if (node.isTextual()) {
            return hasLoneSurrogate(node.textValue());
        }
        for (var it = node.fields(); it.hasNext(); ) {
            var field = it.next();
            if (hasLoneSurrogate(field.getKey()) || hasLoneSurrogate(field.getValue())) {
                return true;
            }
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (hasLoneSurrogate(element)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    public RequestCase withRecords(List<RecordCase> newRecords) {
        return new RequestCase(definition, key, batch, newRecords, batchFaults, requestFaults, escapeNonAscii,
                idempotencyKey);
    }

    public RequestCase withBatchFaults(List<Fault> faults) {
        return new RequestCase(definition, key, batch, records, faults, requestFaults, escapeNonAscii, idempotencyKey);
    }

    public RequestCase withRequestFaults(List<RequestFault> faults) {
        return new RequestCase(definition, key, batch, records, batchFaults, faults, escapeNonAscii, idempotencyKey);
    }

    public RequestCase plainer() {
        return new RequestCase(definition, key, batch, records, batchFaults, requestFaults, false, false);
    }

    public String describe(Supplier<String> tokens, Instant now) {
        Built built = build(tokens, now);
        StringBuilder out = new StringBuilder("POST " + built.call().path() + "  X-API-Key: " + built.call().key());
        if (built.call().idempotencyKey() != null) {
            String shown = built.call().idempotencyKey();
            out.append("  Idempotency-Key: ").append(Texts.show(shown.length() > 80
                    ? shown.substring(0, 80) + "... (" + shown.length() + " chars)" : shown));
        }
        out.append("  Content-Type: ").append(built.call().contentType());
        out.append(escapeNonAscii ? "  (non-ASCII escaped)" : "").append("\n  expect ").append(built.whole());
        for (Fault fault : batchFaults) {
            out.append("\n  batch fault: ").append(fault.label());
        }
        for (RequestFault fault : requestFaults) {
            out.append("\n  request fault: ").append(fault.label()).append(" (").append(fault.expect()).append(')');
        }
        for (RecordCase record : records) {
            out.append("\n  record ").append(record.describe());
        }
        String body = new String(built.call().body(), StandardCharsets.UTF_8);
        out.append("\n  body (").append(built.call().body().length).append(" bytes): ")
                .append(Texts.show(body.length() > 3000 ? body.substring(0, 3000) + "..." : body));
        return out.toString();
    }
}

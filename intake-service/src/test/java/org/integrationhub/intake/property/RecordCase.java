package org.integrationhub.intake.property;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.integrationhub.common.registry.InterfaceDefinition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One generated record: a valid envelope (source, operation, a valid sentAt, data whose codes carry the
 * placeholder {@link #TOKEN}) and the faults put into it. Each run gives it a fresh token, so a record can be
 * sent again while shrinking without meeting its earlier copy.
 *
 * @param id       identifies the record within its request, for a reference from another record of a batch
 * @param parentId the record of the same batch this department names as its parent, or null
 */
public record RecordCase(int id, InterfaceDefinition definition, String source, String operation, SentAt sentAt,
                         ObjectNode data, boolean messageId, List<Fault> faults, Integer parentId) {

    /** Stands for the record's token in {@link #data}; replaced when the record is built. */
    public static final String TOKEN = "$T";

    /** A valid sentAt, rendered against the clock of the run. */
    public record SentAt(String label, Function<Instant, String> render) {
        public static final SentAt PLAIN = new SentAt("2024-01-01T00:00:00Z", now -> "2024-01-01T00:00:00Z");
    }

    public RecordCase {
        faults = List.copyOf(faults);
    }

    /** The envelope, with the token in place and every fault applied. */
    public JsonNode build(Fault.Ctx ctx) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode envelope = json.objectNode();
        envelope.put("sourceSystem", source);
        envelope.put("externalId", "X" + ctx.token());
        envelope.put("operation", operation);
        envelope.put("sentAt", sentAt.render().apply(ctx.now()));
        if (messageId) {
            envelope.put("messageId", "M" + ctx.token());
        }
        envelope.set("data", withToken(data, ctx.token()));
        JsonNode node = envelope;
        for (Fault fault : faults) {
            node = fault.edit().apply((ObjectNode) node, ctx);
        }
        return node;
    }

    /** What the record must get on its own, a reference to another record of its batch aside. */
    public Expect expect() {
        List<Expect> expects = new ArrayList<>();
        for (Fault fault : faults) {
            expects.add(fault.forgivenByDelete() && deletes() ? Expect.VALID : fault.expect());
        }
        return Expect.all(expects);
    }

    /** A DELETE whose operation is not itself a fault. */
    public boolean deletes() {
        return operation.equals("DELETE") && faults.stream().noneMatch(f -> f.overlaps("operation"));
    }

    public boolean touches(String place) {
        return faults.stream().anyMatch(f -> f.overlaps(place));
    }

    public RecordCase withFaults(List<Fault> newFaults) {
        return new RecordCase(id, definition, source, operation, sentAt, data, messageId, newFaults, parentId);
    }

    public RecordCase withData(ObjectNode newData) {
        return new RecordCase(id, definition, source, operation, sentAt, newData, messageId, faults, parentId);
    }

    public RecordCase withOperation(String newOperation) {
        return new RecordCase(id, definition, source, newOperation, sentAt, data, messageId, faults, parentId);
    }

    public RecordCase withSentAt(SentAt newSentAt) {
        return new RecordCase(id, definition, source, operation, newSentAt, data, messageId, faults, parentId);
    }

    public RecordCase withoutMessageId() {
        return new RecordCase(id, definition, source, operation, sentAt, data, false, faults, parentId);
    }

    public RecordCase withParent(Integer newParentId) {
        return new RecordCase(id, definition, source, operation, sentAt, data, messageId, faults, newParentId);
    }

    public String describe() {
        StringBuilder out = new StringBuilder("#" + id + " " + operation + ", sentAt " + sentAt.label() + ", expect "
                + expect());
        if (parentId != null) {
            out.append(", parentCode = the code of #").append(parentId);
        }
        for (Fault fault : faults) {
            out.append("\n      fault ").append(fault.place()).append(": ").append(fault.label())
                    .append(" (").append(fault.expect()).append(fault.forgivenByDelete() ? ", not in a DELETE" : "")
                    .append(')');
        }
        return out.toString();
    }

    private static JsonNode withToken(JsonNode node, String token) {
        if (node.isTextual()) {
            return TextNode.valueOf(node.textValue().replace(TOKEN, token));
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                copy.set(field.getKey(), withToken(field.getValue(), token));
            }
            return copy;
        }
        return node.deepCopy();
    }
}

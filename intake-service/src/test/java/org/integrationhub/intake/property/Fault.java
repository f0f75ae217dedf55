package org.integrationhub.intake.property;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/**
 * One deliberate change to an otherwise valid envelope: a label for the report, the place it touches, what
 * the record must then get, and the change itself. Two faults of a record never touch overlapping places,
 * so each keeps its meaning.
 *
 * @param place            a JSON path in the envelope: {@code sentAt}, {@code data}, {@code data.address.city};
 *                         {@code $} is the whole envelope
 * @param forgivenByDelete a DELETE demands neither required fields nor existing references, so such a fault
 *                         is no fault in a DELETE
 */
public record Fault(String label, String place, Expect expect, boolean forgivenByDelete, Edit edit) {

    /** What an edit knows when it runs: the record's fresh token and the clock. */
    public record Ctx(String token, Instant now) {
    }

    /** Changes the envelope; answers the envelope, or what replaces it. */
    @FunctionalInterface
    public interface Edit {
        JsonNode apply(ObjectNode envelope, Ctx ctx);
    }

    public boolean overlaps(String otherPlace) {
        return overlap(place, otherPlace);
    }

    static boolean overlap(String a, String b) {
        return a.equals("$") || b.equals("$") || a.equals(b) || a.startsWith(b + ".") || b.startsWith(a + ".");
    }
}

package org.integrationhub.e2e.faults;

import org.integrationhub.e2e.faults.Workload.Envelope;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the partner knows: every envelope it sent, the receipt it got for it (if an answer reached it), and
 * which envelopes were in a request whose answer was lost (the intake died while handling it).
 */
final class Ledger {

    /** One envelope and what the partner was told about it. */
    static final class Entry {
        final Envelope envelope;
        volatile UUID receiptId;
        volatile String rejection;
        volatile boolean answerLost;

        Entry(Envelope envelope) {
            this.envelope = envelope;
        }
    }

    private final Map<String, Entry> byMessageId = new ConcurrentHashMap<>();

    Entry sent(Envelope envelope) {
        return byMessageId.computeIfAbsent(envelope.messageId(), k -> new Entry(envelope));
    }

    Collection<Entry> entries() {
        return byMessageId.values();
    }

    Entry get(String messageId) {
        return byMessageId.get(messageId);
    }

    /** The receipts the partner got. */
    Set<UUID> receipts() {
        Set<UUID> receipts = ConcurrentHashMap.newKeySet();
        for (Entry e : byMessageId.values()) {
            if (e.receiptId != null) {
                receipts.add(e.receiptId);
            }
        }
        return receipts;
    }
}

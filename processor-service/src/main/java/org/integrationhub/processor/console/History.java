package org.integrationhub.processor.console;

import org.integrationhub.processor.admin.AuditLog;
import org.integrationhub.processor.admin.StagingRowView;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A staging row's story, oldest first: received, its attempts that did not end it well, operators' actions, the outcome. */
public final class History {

    private History() {
    }

    /**
     * One event of the story.
     *
     * @param kind    received, attempt (outcome FAILED, RETRY or WAIT), action (an operator's), outcome (the row's status now)
     * @param who     the worker of an attempt, the operator of an action
     * @param what    the attempt's outcome, the action's name or the row's status
     * @param detail  the error class of an attempt
     * @param message the error or reason
     */
    public record Entry(OffsetDateTime at, String kind, String who, String what, String detail, String message) {
    }

    static List<Entry> of(StagingRowView row, List<Entry> attempts, List<AuditLog.Entry> actions) {
        List<Entry> story = new ArrayList<>();
        story.add(new Entry(row.receivedAt(), "received", row.sourceSystem(), null, null, null));
        story.addAll(attempts);
        for (AuditLog.Entry action : actions) {
            story.add(new Entry(action.at(), "action", action.actor(), action.action(), null, null));
        }
        story.sort(Comparator.comparing(Entry::at));
        if (row.processedAt() != null) {
            story.add(new Entry(row.processedAt(), "outcome", row.claimedBy(), row.status(), row.errorClass(),
                    row.errorMessage()));
        }
        return story;
    }
}

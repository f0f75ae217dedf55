package org.integrationhub.processor.job;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Schedule arithmetic, kept pure so the rules are tested without a clock or a database. */
public final class Schedule {

    private Schedule() {
    }

    /**
     * The run after {@code scheduled}: advanced from the schedule (not from when the run finished), and
     * past {@code now}, so runs missed while everything was down collapse into this one instead of piling up.
     */
    public static OffsetDateTime nextRun(OffsetDateTime scheduled, int number, IntervalType type, Instant now) {
        if (number <= 0) {
            throw new IllegalArgumentException("interval must be positive, was " + number);
        }
        OffsetDateTime next = type.add(scheduled, number);
        if (next.toInstant().isAfter(now)) {
            return next;
        }
        if (type.fixedLength()) {
            long step = type.seconds() * number;
            long behind = Duration.between(next.toInstant(), now).getSeconds();
            next = next.plusSeconds((behind / step + 1) * step);
        }
        while (!next.toInstant().isAfter(now)) {
            next = type.add(next, number);
        }
        return next;
    }
}

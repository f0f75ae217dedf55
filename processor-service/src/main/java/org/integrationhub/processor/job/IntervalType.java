package org.integrationhub.processor.job;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** The unit of a job's interval, as in the seed's ir.actuator.scheduler (lower-case in the table). */
public enum IntervalType {
    SECONDS(ChronoUnit.SECONDS),
    MINUTES(ChronoUnit.MINUTES),
    HOURS(ChronoUnit.HOURS),
    DAYS(ChronoUnit.DAYS),
    WEEKS(ChronoUnit.WEEKS),
    MONTHS(ChronoUnit.MONTHS);

    private final ChronoUnit unit;

    IntervalType(ChronoUnit unit) {
        this.unit = unit;
    }

    public OffsetDateTime add(OffsetDateTime from, long amount) {
        return from.plus(amount, unit);
    }

    /** True for units of fixed length, whose missed runs can be skipped by arithmetic. */
    boolean fixedLength() {
        return this != MONTHS;
    }

    /** About how long {@code number} intervals last (a month counts as its average length). */
    public java.time.Duration approximately(int number) {
        return unit.getDuration().multipliedBy(number);
    }

    long seconds() {
        return unit.getDuration().getSeconds();
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static IntervalType fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

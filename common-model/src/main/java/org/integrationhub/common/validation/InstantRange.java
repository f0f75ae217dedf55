package org.integrationhub.common.validation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The documented range of an instant the API accepts. Inside it a value reads back exactly as sent: it lies
 * well within PostgreSQL's {@code timestamptz} and has no more than microsecond precision (PostgreSQL's),
 * so nothing is rounded or wrapped. Outside it the value is refused, never clamped.
 *
 * @param earliest the first instant allowed
 * @param latest   the last instant allowed
 */
public record InstantRange(Instant earliest, Instant latest) {

    /** The widest range of any instant the hub stores: years 1900 to 2999. */
    public static final InstantRange STORABLE = new InstantRange(Instant.parse("1900-01-01T00:00:00Z"),
            Instant.parse("2999-12-31T23:59:59.999999Z"));

    /** Dates (a hire date): 1900-01-01 to 2999-12-31. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(2999, 12, 31);

    /** Why {@code value}, to be stored, is out of range or finer than a microsecond; null when it is fine. */
    public String fault(OffsetDateTime value) {
        String outside = rangeFault(value);
        if (outside != null) {
            return outside;
        }
        if (value.getNano() % 1000 != 0) {
            return "has more than microsecond precision, which would not read back exactly";
        }
        return null;
    }

    /**
     * Why {@code value} is out of range, or null: for instants that are compared, not stored (a filter such
     * as updatedSince), where a finer precision changes nothing.
     */
    public String rangeFault(OffsetDateTime value) {
        Instant instant = value.toInstant();
        if (instant.isBefore(earliest) || instant.isAfter(latest)) {
            return "must lie between " + format(earliest) + " and " + format(latest) + ", was " + value;
        }
        return null;
    }

    /** Why {@code date} is out of the stored dates' range, or null. */
    public static String dateFault(LocalDate date) {
        if (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE)) {
            return "must lie between " + EARLIEST_DATE + " and " + LATEST_DATE + ", was " + date;
        }
        return null;
    }

    private static String format(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }
}

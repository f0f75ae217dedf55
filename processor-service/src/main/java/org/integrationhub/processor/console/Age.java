package org.integrationhub.processor.console;

/**
 * How long something has waited, in the largest whole unit that is at least one: 42 s, 7 min, 3 h, 2 d.
 *
 * @param value the whole number of units
 * @param unit  {@code s}, {@code min}, {@code h} or {@code d}
 */
public record Age(long value, String unit) {

    public static Age of(double seconds) {
        long s = (long) Math.floor(Math.max(0, seconds));
        if (s < 60) {
            return new Age(s, "s");
        }
        if (s < 3600) {
            return new Age(s / 60, "min");
        }
        if (s < 86400) {
            return new Age(s / 3600, "h");
        }
        return new Age(s / 86400, "d");
    }
}

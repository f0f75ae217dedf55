package org.integrationhub.common.registry;

import java.util.Locale;
import java.util.regex.Pattern;

/** SQL identifiers a declaration names (tables, columns): checked once, so generated SQL can use them as written. */
final class Identifiers {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Pattern UPPER = Pattern.compile("([a-z0-9])([A-Z])");

    private Identifiers() {
    }

    static String check(String identifier) {
        if (identifier == null || !IDENTIFIER.matcher(identifier).matches()) {
            throw new IllegalArgumentException("not a plain lower-case SQL identifier: " + identifier);
        }
        return identifier;
    }

    /** {@code costCenter} becomes {@code cost_center}. */
    static String snake(String name) {
        return UPPER.matcher(name).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
    }
}

package org.integrationhub.common.validation;

import java.util.regex.Pattern;

/** The value formats of the contract, in one place. */
public final class Formats {

    /** Codes: 1 to 32 letters, digits, '-' and '_'. */
    public static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    /** A pragmatic address check: one '@', no spaces, a dotted domain. */
    public static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    /** Telephone numbers: an optional '+', then digits, spaces, '-' and parentheses, at least 3 digits. */
    public static final Pattern PHONE = Pattern.compile("\\+?(?=(?:\\D*\\d){3})[0-9 ()\\-]{3,31}");
    /** External ids: printable, no control characters. */
    public static final Pattern EXTERNAL_ID = Pattern.compile("[^\\p{Cntrl}]{1,128}");

    private Formats() {
    }
}

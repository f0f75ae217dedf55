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
    /**
     * External ids: visible text of 1 to 128 characters. None may be a control character (Unicode category Cc: C0,
     * DEL and C1 such as U+0085), a line or paragraph separator (U+2028, U+2029) or a lone surrogate; and at least one
     * must be visible: a letter, digit, punctuation mark or symbol (categories L, N, P, S). Spaces and format
     * characters (U+200B, U+200D, U+FEFF) may stand beside visible ones, never alone. "科室-01" is one; a lone U+200B
     * is not.
     */
    public static final Pattern EXTERNAL_ID = Pattern.compile(
            "(?=[^\\p{L}\\p{N}\\p{P}\\p{S}]*[\\p{L}\\p{N}\\p{P}\\p{S}])[^\\p{Cc}\\p{Cs}\\p{Zl}\\p{Zp}]{1,128}");

    private Formats() {
    }
}

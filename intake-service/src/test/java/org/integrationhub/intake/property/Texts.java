package org.integrationhub.intake.property;

import java.util.SplittableRandom;

/** Text a partner may send, storable or not, and a readable form of any text for reports. */
public final class Texts {

    /**
     * Characters that have broken text handling somewhere: C0 and C1 controls (not NUL), DEL, soft hyphen,
     * zero-width and bidi marks, line separators, the BOM, U+FFFD..U+FFFF, a combining accent, characters
     * outside the BMP (surrogate pairs in UTF-16), JSON and HTML specials. NUL and lone surrogates are not
     * here: they are faults of their own.
     */
    static final int[] ODD = {0x01, 0x08, 0x09, 0x0A, 0x0D, 0x1B, 0x1F, 0x7F, 0x85, 0x9F, 0xA0, 0xAD, 0x200B,
            0x200D, 0x202E, 0x2028, 0x2029, 0xFEFF, 0xFFFD, 0xFFFE, 0xFFFF, 0x0301, 0x1F600, 0x1F468, 0x20BB7,
            0x10FFFF, '"', '\\', '/', '<', '&', '\'', '%', '{', '}'};
    static final String CJK = "心内科急诊药房北京上海医院病区";
    static final String ASCII = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 -_.,()";

    private Texts() {
    }

    /** Storable, non-blank text of 1 to {@code max} code points, mostly short, sometimes exactly max. */
    public static Gen<String> text(int max) {
        return random -> {
            int roll = random.nextInt(10);
            int length = roll < 7 ? random.nextInt(1, Math.min(max, 12) + 1)
                    : roll < 9 ? random.nextInt(1, max + 1) : max;
            StringBuilder text = new StringBuilder();
            // a letter first, so the text is never blank however many spaces and controls follow
            text.appendCodePoint(random.nextBoolean() ? ASCII.charAt(random.nextInt(52)) : CJK.codePointAt(
                    random.nextInt(CJK.length())));
            for (int i = 1; i < length; i++) {
                text.appendCodePoint(codePoint(random));
            }
            return text.toString();
        };
    }

    private static int codePoint(SplittableRandom random) {
        int roll = random.nextInt(10);
        if (roll < 5) {
            return ASCII.charAt(random.nextInt(ASCII.length()));
        }
        if (roll < 7) {
            return CJK.codePointAt(random.nextInt(CJK.length()));
        }
        return ODD[random.nextInt(ODD.length)];
    }

    /** {@code count} copies of a character outside the BMP: {@code count} code points, twice as many chars. */
    public static String astral(int count) {
        return new String(Character.toChars(0x1F600)).repeat(count);
    }

    /**
     * The text with every character that does not show, and every one outside the BMP, written as JSON
     * escapes (\\uXXXX, a surrogate pair as two): controls, format and separator characters, unassigned ones,
     * lone surrogates (which {@code codePoints()} hands over one by one).
     */
    public static String show(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            boolean hidden = Character.isISOControl(cp) || Character.isSupplementaryCodePoint(cp)
                    || type == Character.SURROGATE || type == Character.FORMAT || type == Character.UNASSIGNED
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                    || cp == 0xA0 || cp == 0xFFFD;
            if (hidden) {
                for (char unit : Character.toChars(cp)) {
                    out.append(String.format("\\u%04X", (int) unit));
                }
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}

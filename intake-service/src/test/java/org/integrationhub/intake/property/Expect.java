package org.integrationhub.intake.property;

import java.util.Collection;

/** What the contract says a generated record (or request) must get, worked out while generating it. */
public enum Expect {
    /** It keeps every rule: it must be accepted. */
    VALID,
    /** It breaks a rule: it must be refused, and nothing of it stored. */
    INVALID,
    /** The rules do not decide it (a C1 control character in an externalId, say): either is right. */
    EITHER;

    /** INVALID if any is, else EITHER if any is, else VALID. */
    public static Expect all(Collection<Expect> expects) {
        if (expects.contains(INVALID)) {
            return INVALID;
        }
        return expects.contains(EITHER) ? EITHER : VALID;
    }
}

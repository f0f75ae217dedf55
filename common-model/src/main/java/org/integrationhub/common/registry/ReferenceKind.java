package org.integrationhub.common.registry;

/**
 * What a reference field may name. A reference is satisfied by an active business record, or by a
 * record of {@link #stagedInterface()} that the same source system has sent and that is still waiting
 * in staging (or comes earlier in the same batch). Each kind's lookup SQL lives in the intake's
 * {@code ReferenceRepository}.
 */
public enum ReferenceKind {
    /** An active department. */
    DEPARTMENT("departments", "department"),
    /** A partner category, master data the HRP owns (never sent by partners). */
    PARTNER_CATEGORY(null, "partner category"),
    /** An active partner of type COMPANY. */
    COMPANY_PARTNER("partners", "company partner");

    private final String stagedInterface;
    private final String label;

    ReferenceKind(String stagedInterface, String label) {
        this.stagedInterface = stagedInterface;
        this.label = label;
    }

    /** The interface whose waiting records can satisfy it, or null for master data partners never send. */
    public String stagedInterface() {
        return stagedInterface;
    }

    /** How messages name it: "department", "company partner". */
    public String label() {
        return label;
    }
}

package org.integrationhub.common.security;

/** What an API key opens. */
public enum Role {
    /** A partner system: the intake API, for its own source system and interfaces. */
    PARTNER,
    /** An operator: the processor's operator and business read API. */
    OPERATOR
}

package org.integrationhub.common.model;

/** What the partner asks for (操作类型). */
public enum Operation {
    /** Insert the record, or update it when the partner resends it. */
    CREATE,
    /** Change a record that exists. */
    UPDATE,
    /** Archive the record ({@code active = false}). */
    DELETE
}

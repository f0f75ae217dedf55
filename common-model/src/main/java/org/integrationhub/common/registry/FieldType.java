package org.integrationhub.common.registry;

/** The kinds of value an interface's {@code data} fields hold, each with its own format rule. */
public enum FieldType {
    /** 1 to 32 letters, digits, '-' and '_'. */
    CODE,
    /** Free text up to the field's maximum length. */
    TEXT,
    /** An e-mail address. */
    EMAIL,
    /** An ISO-8601 calendar date, yyyy-MM-dd. */
    DATE,
    /** true or false. */
    BOOLEAN,
    /** One of the field's allowed values. */
    ENUM
}

package org.integrationhub.common.registry;

/** The kinds of value an interface's {@code data} fields hold, each with its own format rule. */
public enum FieldType {
    /** 1 to 32 letters, digits, '-' and '_'. */
    CODE,
    /** Free text up to the field's maximum length. */
    TEXT,
    /** An e-mail address. */
    EMAIL,
    /** A telephone number: digits, spaces, '+', '-', parentheses. */
    PHONE,
    /** An ISO-8601 calendar date, yyyy-MM-dd. */
    DATE,
    /** true or false. */
    BOOLEAN,
    /** One of the field's allowed values. */
    ENUM,
    /** An ISO 3166-1 alpha-2 country code. */
    COUNTRY,
    /**
     * A tax id: for a company (sibling {@code type} is COMPANY) an 18-character unified social credit code
     * (统一社会信用代码, GB 32100-2015) with a correct check character; otherwise text up to 32 characters.
     */
    TAX_ID,
    /** A nested object with fields of its own. */
    OBJECT
}

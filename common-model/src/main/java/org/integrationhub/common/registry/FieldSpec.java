package org.integrationhub.common.registry;

import java.util.List;
import java.util.Objects;

/**
 * One field of an interface's {@code data}: its type, whether it is required, its limits and, for a
 * reference, what it names. The intake validates with it and publishes it as JSON Schema, so each
 * rule is written once.
 *
 * @param name        the JSON property name
 * @param type        the kind of value
 * @param required    whether a CREATE or UPDATE must carry it
 * @param maxLength   the longest accepted text, 0 where the type has its own rule
 * @param allowed     the accepted values of an ENUM field
 * @param references  what a reference code names, or null
 * @param fields      the fields of an OBJECT
 * @param description what the field means, for the OpenAPI and schema
 */
public record FieldSpec(String name, FieldType type, boolean required, int maxLength, List<String> allowed,
                        ReferenceKind references, List<FieldSpec> fields, String description) {

    /** Longest code, fixed by the contract. */
    public static final int CODE_MAX = 32;

    public FieldSpec {
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
        allowed = List.copyOf(allowed);
        fields = List.copyOf(fields);
    }

    private static FieldSpec of(String name, FieldType type, int maxLength, String description) {
        return new FieldSpec(name, type, false, maxLength, List.of(), null, List.of(), description);
    }

    public static FieldSpec code(String name, String description) {
        return of(name, FieldType.CODE, CODE_MAX, description);
    }

    public static FieldSpec text(String name, int maxLength, String description) {
        return of(name, FieldType.TEXT, maxLength, description);
    }

    public static FieldSpec bool(String name, String description) {
        return of(name, FieldType.BOOLEAN, 0, description);
    }

    public static FieldSpec email(String name, String description) {
        return of(name, FieldType.EMAIL, 254, description);
    }

    public static FieldSpec phone(String name, String description) {
        return of(name, FieldType.PHONE, 32, description);
    }

    public static FieldSpec date(String name, String description) {
        return of(name, FieldType.DATE, 0, description);
    }

    public static FieldSpec country(String name, String description) {
        return of(name, FieldType.COUNTRY, 2, description);
    }

    public static FieldSpec taxId(String name, String description) {
        return of(name, FieldType.TAX_ID, 32, description);
    }

    public static FieldSpec oneOf(String name, List<String> values, String description) {
        return new FieldSpec(name, FieldType.ENUM, false, 0, values, null, List.of(), description);
    }

    public static FieldSpec object(String name, List<FieldSpec> fields, String description) {
        return new FieldSpec(name, FieldType.OBJECT, false, 0, List.of(), null, fields, description);
    }

    public FieldSpec mandatory() {
        return new FieldSpec(name, type, true, maxLength, allowed, references, fields, description);
    }

    /** A code naming a record of {@code kind}; checked against business and waiting staged records. */
    public FieldSpec referencing(ReferenceKind kind) {
        return new FieldSpec(name, type, required, maxLength, allowed, kind, fields, description);
    }
}

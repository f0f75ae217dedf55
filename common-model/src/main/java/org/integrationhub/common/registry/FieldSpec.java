package org.integrationhub.common.registry;

import java.util.List;
import java.util.Objects;

/**
 * One field of an interface's {@code data}: its type, whether it is required, its limits, what it names
 * when it is a reference, and the business table column it is stored in. The intake validates with it and
 * publishes it as JSON Schema; the processor writes and reads the column with it; so each rule is written once.
 *
 * @param name        the JSON property name
 * @param type        the kind of value
 * @param required    whether a CREATE or UPDATE must carry it
 * @param maxLength   the longest accepted text, 0 where the type has its own rule
 * @param allowed     the accepted values of an ENUM field
 * @param reference   what a reference code names, or null
 * @param fields      the fields of an OBJECT
 * @param description what the field means, for the OpenAPI and schema
 * @param column      the business table column, or null for the default (see {@link #column()})
 */
public record FieldSpec(String name, FieldType type, boolean required, int maxLength, List<String> allowed,
                        Reference reference, List<FieldSpec> fields, String description, String column) {

    /** Longest code, fixed by the contract. */
    public static final int CODE_MAX = 32;

    public FieldSpec {
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
        allowed = List.copyOf(allowed);
        fields = List.copyOf(fields);
        if (column != null) {
            Identifiers.check(column);
        }
    }

    private static FieldSpec of(String name, FieldType type, int maxLength, String description) {
        return new FieldSpec(name, type, false, maxLength, List.of(), null, List.of(), description, null);
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
        return new FieldSpec(name, FieldType.ENUM, false, 0, values, null, List.of(), description, null);
    }

    /** A nested object; its fields are stored in columns of the same business table. */
    public static FieldSpec object(String name, List<FieldSpec> fields, String description) {
        return new FieldSpec(name, FieldType.OBJECT, false, 0, List.of(), null, fields, description, null);
    }

    public FieldSpec mandatory() {
        return new FieldSpec(name, type, true, maxLength, allowed, reference, fields, description, column);
    }

    /** A code naming what {@code target} says; checked at intake and again when the row is applied. */
    public FieldSpec referencing(Reference target) {
        return new FieldSpec(name, type, required, maxLength, allowed, target, fields, description, column);
    }

    /** Stored in {@code column} rather than the default. */
    public FieldSpec storedIn(String column) {
        return new FieldSpec(name, type, required, maxLength, allowed, reference, fields, description, column);
    }

    /**
     * The business table column: as declared, else for a reference to an interface the referenced record's
     * id in {@code <name without Code>_id} ({@code departmentCode} in {@code department_id}), else the name
     * in snake case ({@code costCenter} in {@code cost_center}, {@code categoryCode} in {@code category_code}).
     * An OBJECT has no column of its own; its fields have.
     */
    @Override
    public String column() {
        if (column != null) {
            return column;
        }
        if (reference != null && reference.toInterface()) {
            String base = name.endsWith("Code") ? name.substring(0, name.length() - 4) : name;
            return Identifiers.snake(base) + "_id";
        }
        return Identifiers.snake(name);
    }

    /** Whether its column holds the referenced record's id (a reference to an interface) rather than a value. */
    public boolean storesId() {
        return reference != null && reference.toInterface();
    }
}

package org.integrationhub.common.registry;

import java.util.List;
import java.util.Objects;

/**
 * One field of an interface's {@code data}: its type, whether it is required, its limits and, for a
 * reference, which interface's records it names. The intake validates with it and the interface
 * listing publishes it as JSON Schema, so a rule is written once.
 *
 * @param name        the JSON property name
 * @param type        the kind of value
 * @param required    whether a CREATE or UPDATE must carry it
 * @param maxLength   the longest accepted text, 0 for the type's own limit
 * @param allowed     the accepted values of an ENUM field
 * @param references  the interface whose record this code names, or null
 * @param description what the field means, for the OpenAPI and schema
 */
public record FieldSpec(String name, FieldType type, boolean required, int maxLength, List<String> allowed,
                        String references, String description) {

    /** Longest code, fixed by the contract. */
    public static final int CODE_MAX = 32;

    public FieldSpec {
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
        allowed = List.copyOf(allowed);
    }

    public static FieldSpec code(String name, String description) {
        return new FieldSpec(name, FieldType.CODE, false, CODE_MAX, List.of(), null, description);
    }

    public static FieldSpec text(String name, int maxLength, String description) {
        return new FieldSpec(name, FieldType.TEXT, false, maxLength, List.of(), null, description);
    }

    public static FieldSpec bool(String name, String description) {
        return new FieldSpec(name, FieldType.BOOLEAN, false, 0, List.of(), null, description);
    }

    public static FieldSpec email(String name, String description) {
        return new FieldSpec(name, FieldType.EMAIL, false, 254, List.of(), null, description);
    }

    public static FieldSpec date(String name, String description) {
        return new FieldSpec(name, FieldType.DATE, false, 0, List.of(), null, description);
    }

    public static FieldSpec oneOf(String name, List<String> values, String description) {
        return new FieldSpec(name, FieldType.ENUM, false, 0, values, null, description);
    }

    public FieldSpec mandatory() {
        return new FieldSpec(name, type, true, maxLength, allowed, references, description);
    }

    /** A code naming a record of {@code interfaceName}; checked against business and staged records. */
    public FieldSpec referencing(String interfaceName) {
        return new FieldSpec(name, type, required, maxLength, allowed, interfaceName, description);
    }
}

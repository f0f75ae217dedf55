package org.integrationhub.common.registry;

import java.util.Objects;

/**
 * What a reference field names, by code. Either a record of another (or the same) interface: an active
 * business record the same source system sent, or one it sent that is still waiting in staging (it is then
 * applied first); or hub-owned master data that partners never send (partner categories), by table.
 *
 * @param targetInterface the interface whose records it names, or null for master data
 * @param masterTable     the master data table ({@code code}, {@code active} columns), or null
 * @param whereField      a field the named record must have a given value in (a parent must be a COMPANY), or null
 * @param whereValue      that value
 * @param kindLabel       how messages and the schema name what it may name ("company partner"); null for the
 *                        target interface's record label
 * @param dependantLabel  how an archive refused because of this reference names the referencing records
 *                        ("contact"); null for the referencing interface's record label
 */
public record Reference(String targetInterface, String masterTable, String whereField, String whereValue,
                        String kindLabel, String dependantLabel) {

    public Reference {
        if ((targetInterface == null) == (masterTable == null)) {
            throw new IllegalArgumentException("a reference names either an interface or a master data table");
        }
        if ((whereField == null) != (whereValue == null)) {
            throw new IllegalArgumentException("a reference's condition needs both a field and a value");
        }
    }

    /** A record of the interface {@code name}. */
    public static Reference to(String name) {
        return new Reference(Objects.requireNonNull(name), null, null, null, null, null);
    }

    /** Hub-owned master data in {@code table}, which has {@code code} and {@code active} columns. */
    public static Reference masterData(String table, String label) {
        return new Reference(null, Identifiers.check(table), null, null, Objects.requireNonNull(label), null);
    }

    /** Only records whose {@code field} is {@code value}, named {@code label} ("company partner"). */
    public Reference where(String field, String value, String label) {
        return new Reference(targetInterface, masterTable, field, value, label, dependantLabel);
    }

    /** How a refused archive names the records that still point through this reference ("contact"). */
    public Reference dependantsCalled(String label) {
        return new Reference(targetInterface, masterTable, whereField, whereValue, kindLabel, label);
    }

    /** Whether it names records of an interface (else master data). */
    public boolean toInterface() {
        return targetInterface != null;
    }

    /** The interface it names, from the registry; fails for master data. */
    public InterfaceDefinition target() {
        return InterfaceRegistry.get(targetInterface);
    }

    /** The table holding what it names. */
    public String table() {
        return toInterface() ? target().businessTable() : masterTable;
    }

    /** What it may name, for messages and the schema: "department", "company partner", "partner category". */
    public String label() {
        return kindLabel != null ? kindLabel : target().recordLabel();
    }
}

package org.integrationhub.common.registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The interfaces this hub serves. Adding an interface starts here: its definition below, a staging
 * partition in a migration, and an applier in the processor (docs/adding-an-interface.md).
 */
public final class InterfaceRegistry {

    public static final InterfaceDefinition DEPARTMENTS = new InterfaceDefinition(
            "departments", "staging_departments", "department",
            "Organisational units of the hospital or enterprise, as a tree",
            List.of(
                    FieldSpec.code("code", "The department's code, unique among active departments").mandatory(),
                    FieldSpec.text("name", 200, "Display name").mandatory(),
                    FieldSpec.code("parentCode", "Code of the parent department; absent for a root")
                            .referencing("departments"),
                    FieldSpec.text("costCenter", 32, "Cost centre the department books to"),
                    FieldSpec.bool("active", "false archives the department; defaults to true")));

    private static final Map<String, InterfaceDefinition> BY_NAME = new LinkedHashMap<>();

    static {
        for (InterfaceDefinition d : List.of(DEPARTMENTS)) {
            BY_NAME.put(d.name(), d);
        }
    }

    private InterfaceRegistry() {
    }

    public static Optional<InterfaceDefinition> find(String name) {
        return Optional.ofNullable(name).map(BY_NAME::get);
    }

    public static List<InterfaceDefinition> all() {
        return List.copyOf(BY_NAME.values());
    }
}

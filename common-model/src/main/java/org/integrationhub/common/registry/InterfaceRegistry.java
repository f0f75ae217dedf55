package org.integrationhub.common.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The interfaces this hub serves: one {@link InterfaceDeclaration} each, found through
 * {@code META-INF/services/org.integrationhub.common.registry.InterfaceDeclaration}, in the order listed
 * there. Checked as it loads: unique names, references to interfaces that exist, unique columns per table.
 */
public final class InterfaceRegistry {

    private static final Map<String, InterfaceDefinition> BY_NAME = load();

    private InterfaceRegistry() {
    }

    public static Optional<InterfaceDefinition> find(String name) {
        return Optional.ofNullable(name).map(BY_NAME::get);
    }

    /** The interface {@code name}; for names the code itself knows, never for names from a request. */
    public static InterfaceDefinition get(String name) {
        return find(name).orElseThrow(() -> new NoSuchElementException("no interface " + name
                + " in the registry; interfaces: " + BY_NAME.keySet()));
    }

    public static List<InterfaceDefinition> all() {
        return List.copyOf(BY_NAME.values());
    }

    /** Every reference field, of any interface, that names records of {@code target}: what may block archiving them. */
    public static List<Pointer> pointersTo(InterfaceDefinition target) {
        List<Pointer> pointers = new ArrayList<>();
        for (InterfaceDefinition from : BY_NAME.values()) {
            for (FieldSpec field : from.referenceFields()) {
                if (target.name().equals(field.reference().targetInterface())) {
                    pointers.add(new Pointer(from, field));
                }
            }
        }
        return pointers;
    }

    /** A reference field of {@code from} that names records of another interface (or of its own). */
    public record Pointer(InterfaceDefinition from, FieldSpec field) {
        /** How a refused archive names the records pointing through it: "employee", "contact". */
        public String label() {
            String declared = field.reference().dependantLabel();
            return declared != null ? declared : from.recordLabel();
        }
    }

    private static Map<String, InterfaceDefinition> load() {
        Map<String, InterfaceDefinition> byName = new LinkedHashMap<>();
        for (InterfaceDeclaration declaration : ServiceLoader.load(InterfaceDeclaration.class,
                InterfaceRegistry.class.getClassLoader())) {
            InterfaceDefinition d = declaration.definition();
            if (byName.putIfAbsent(d.name(), d) != null) {
                throw new IllegalStateException("two declarations of the interface " + d.name());
            }
        }
        for (InterfaceDefinition d : byName.values()) {
            for (FieldSpec field : d.referenceFields()) {
                String target = field.reference().targetInterface();
                if (target != null && !byName.containsKey(target)) {
                    throw new IllegalStateException(d.name() + "." + field.name() + " names the interface " + target
                            + ", which is not declared; interfaces: " + byName.keySet());
                }
            }
        }
        return byName;
    }
}

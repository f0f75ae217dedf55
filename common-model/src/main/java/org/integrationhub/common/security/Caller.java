package org.integrationhub.common.security;

import java.util.Set;

/**
 * Who is calling, from the API key.
 *
 * @param keyName      the key's name (never the key)
 * @param role         what the key opens
 * @param sourceSystem the partner's source system; null for an operator
 * @param interfaces   the interfaces a partner key may use; {@code *} grants all
 */
public record Caller(String keyName, Role role, String sourceSystem, Set<String> interfaces) {

    public static final String ALL_INTERFACES = "*";

    public boolean mayUse(String interfaceName) {
        return interfaces.contains(ALL_INTERFACES) || interfaces.contains(interfaceName);
    }
}

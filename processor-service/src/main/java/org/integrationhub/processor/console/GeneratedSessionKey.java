package org.integrationhub.processor.console;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The console's session key when {@code HUB_CONSOLE_SESSION_KEY} names none: random, made once per process and
 * never written anywhere. (Left to itself, Quarkus makes a temporary key too, and writes it in a WARN line, where
 * anyone who reads the logs could sign session cookies with it.) Sessions then end with the process and do not
 * carry over to another replica; {@link AccountBootstrap} says so at start.
 */
public class GeneratedSessionKey implements ConfigSource {

    static final String PROPERTY = "hub-generated.console-session-key";

    private final String key;

    public GeneratedSessionKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        key = Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(PROPERTY);
    }

    @Override
    public String getValue(String propertyName) {
        return PROPERTY.equals(propertyName) ? key : null;
    }

    @Override
    public String getName() {
        return "hub-generated-session-key";
    }

    /** Below every other source: a value set anywhere else wins. */
    @Override
    public int getOrdinal() {
        return 1;
    }
}

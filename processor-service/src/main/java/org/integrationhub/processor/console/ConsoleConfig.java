package org.integrationhub.processor.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The operator console at {@code /console}. Form login, cookies and CSRF are Quarkus' own settings. */
@ConfigMapping(prefix = "hub.console")
public interface ConsoleConfig {

    /**
     * The first operator account, created at start when no account of that name exists and never changed
     * afterwards (a later password change is the operator's own). Unset: no account is created.
     */
    FirstOperator firstOperator();

    /** How often the overview refreshes itself in the browser. */
    @WithDefault("PT5S")
    Duration refresh();

    /**
     * Failed logins one client address, or one name, may make per minute (bursts of the same size) before its
     * logins are refused for a while, the right password's too: guessing stays slow, and bcrypt's cost stays bounded.
     */
    @WithDefault("10")
    double loginFailuresPerMinute();

    interface FirstOperator {
        /** Its username (letters, digits, '.', '_' and '-'). */
        Optional<String> username();

        /** Its password, hashed with bcrypt before it is stored; at least 12 characters. */
        Optional<String> password();
    }
}

package org.integrationhub.processor.console;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.integrationhub.devsupport.ConfigOverrides;
import org.integrationhub.devsupport.PostgresTestResource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationhub.processor.console.ConsoleSession.VIEWER;
import static org.integrationhub.processor.console.ConsoleSession.VIEWER_PASSWORD;

/**
 * Without HUB_CONSOLE_SESSION_KEY (as application.properties reads it outside the tests), sessions are signed with
 * a random key of this process: set, so Quarkus neither makes one of its own nor writes it in its logs.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@ConfigOverrides("quarkus.http.auth.session.encryption-key=${HUB_CONSOLE_SESSION_KEY:${hub-generated.console-session-key}}")
class ConsoleSessionKeyTest {

    @ConfigProperty(name = "quarkus.http.auth.session.encryption-key")
    String sessionKey;
    @ConfigProperty(name = GeneratedSessionKey.PROPERTY)
    String generated;

    @Test
    void anUnsetKeyIsARandomOneOfThisProcessAndSessionsWork() {
        assertThat(sessionKey).isEqualTo(generated).hasSizeGreaterThanOrEqualTo(40)
                .isNotEqualTo(new GeneratedSessionKey().getValue(GeneratedSessionKey.PROPERTY));
        assertThat(ConsoleSession.loggedIn(VIEWER, VIEWER_PASSWORD).page("/console")).contains("Signed in as viewer");
    }
}

package org.integrationhub.processor.console;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the first operator from the configuration ({@code hub.console.first-operator.*}) when it does not
 * exist, so a new deployment can log in without a built-in default password. Several replicas starting
 * together may all try: the primary key lets one insert win and the others find it there. Says at start when
 * sessions are signed with a key of this process only ({@link GeneratedSessionKey}).
 */
@ApplicationScoped
public class AccountBootstrap {

    private static final Logger LOG = Logger.getLogger(AccountBootstrap.class);
    static final int MIN_PASSWORD_LENGTH = 12;

    @Inject
    ConsoleConfig config;
    @Inject
    OperatorAccounts accounts;
    @ConfigProperty(name = "quarkus.http.auth.session.encryption-key")
    String sessionKey;
    @ConfigProperty(name = GeneratedSessionKey.PROPERTY)
    String generatedKey;

    void sessionKey(@Observes StartupEvent start) {
        if (sessionKey.equals(generatedKey)) {
            LOG.warn("HUB_CONSOLE_SESSION_KEY is not set: console sessions are signed with a key of this process "
                    + "only, so they end when it stops and do not carry over to another replica");
        }
    }

    void onStart(@Observes StartupEvent start) throws Throwable {
        ConsoleConfig.FirstOperator first = config.firstOperator();
        if (first.username().isEmpty() || first.password().isEmpty()) {
            return;
        }
        String username = first.username().get().strip();
        String password = first.password().get();
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalStateException("hub.console.first-operator.password must have at least "
                    + MIN_PASSWORD_LENGTH + " characters");
        }
        String hash = BcryptUtil.bcryptHash(password); // deliberately slow: here, never on the event loop
        boolean created = VertxContextSupport.subscribeAndAwait(() -> createIfAbsent(username, hash));
        LOG.infof(created ? "created the operator account %s from the configuration"
                : "the operator account %s exists; the configured password was not applied", username);
    }

    /** The first operator, with the {@code operator} role ({@link OperatorAccounts#createIfAbsent}). */
    Uni<Boolean> createIfAbsent(String username, String passwordHash) {
        return accounts.createIfAbsent(username, passwordHash, OperatorAccount.OPERATOR);
    }
}

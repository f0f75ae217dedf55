package org.integrationhub.processor.console;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.wildfly.security.credential.PasswordCredential;
import org.wildfly.security.evidence.PasswordGuessEvidence;
import org.wildfly.security.password.util.ModularCrypt;
import org.wildfly.security.provider.util.ProviderUtil;

import java.security.spec.InvalidKeySpecException;
import java.util.UUID;

/**
 * The console's accounts (table {@code operator_account}) for Quarkus' form login: finds the account on the
 * reactive pool, checks the password against its bcrypt hash off the event loop, and answers the identity with the
 * account's role. Asked after {@link UsernameGate}; {@link Sessions} answers a signed-in session's later requests.
 *
 * <p>This replaces quarkus-security-jpa-reactive, which does the same through Hibernate Reactive: the console's
 * accounts were the processor's only use of Hibernate, and booting it took about two seconds of every start.
 */
@ApplicationScoped
public class OperatorAccounts implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(OperatorAccounts.class);

    /** $1 username. */
    static final String FIND = "SELECT password_hash, role FROM operator_account WHERE username = $1";

    /** $1 username: a signed-in session's account, its role only. */
    static final String ROLE = "SELECT role FROM operator_account WHERE username = $1";

    /** $1 username, $2 bcrypt hash, $3 role: one row inserted, or none when the name is taken. */
    static final String CREATE = """
            INSERT INTO operator_account (username, password_hash, role) VALUES ($1, $2, $3)
            ON CONFLICT (username) DO NOTHING""";

    /**
     * Checked when no account has the name, so that a wrong name costs the bcrypt work a wrong password does and the
     * answer's time does not tell which names exist: the hash of a random password, made at the first such login.
     */
    private static final class NoAccount {
        static final String HASH = BcryptUtil.bcryptHash(UUID.randomUUID().toString());
    }

    @Inject
    Pool pool;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        return pool.preparedQuery(FIND).execute(Tuple.of(request.getUsername())).chain(rows -> {
            Row account = rows.size() == 0 ? null : rows.iterator().next();
            // bcrypt is deliberately slow: a worker thread checks it (and makes the throwaway hash), never the event loop
            return context.runBlocking(() -> {
                String hash = account == null ? NoAccount.HASH : account.getString("password_hash");
                if (!matches(request.getUsername(), hash, request.getPassword().getPassword()) || account == null) {
                    throw new AuthenticationFailedException();
                }
                return identity(request.getUsername(), account.getString("role")).addCredential(request.getPassword())
                        .build();
            });
        });
    }

    /**
     * A signed-in session's later requests: the form login's cookie names the account, and its role is read again,
     * so an account deleted or changed since takes effect at the next request.
     */
    @ApplicationScoped
    public static class Sessions implements IdentityProvider<TrustedAuthenticationRequest> {

        @Inject
        Pool pool;

        @Override
        public Class<TrustedAuthenticationRequest> getRequestType() {
            return TrustedAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request,
                                                  AuthenticationRequestContext context) {
            return pool.preparedQuery(ROLE).execute(Tuple.of(request.getPrincipal())).map(rows -> {
                if (rows.size() == 0) {
                    throw new AuthenticationFailedException("the session's account no longer exists");
                }
                return identity(request.getPrincipal(), rows.iterator().next().getString("role")).build();
            });
        }
    }

    /** The identity of an account: its name and its one role, the same at login and on a session's later requests. */
    static QuarkusSecurityIdentity.Builder identity(String username, String role) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(username)).addRole(role);
    }

    /** Inserts an operator account with this bcrypt hash unless one of that name exists; answers whether it did. */
    public Uni<Boolean> createIfAbsent(String username, String passwordHash, String role) {
        return pool.preparedQuery(CREATE).execute(Tuple.of(username, passwordHash, role))
                .map(result -> result.rowCount() == 1);
    }

    /**
     * Whether {@code password} is the one {@code modularCryptHash} was made from. A {@code $2b$} hash (what most
     * bcrypt libraries write today) is read as the {@code $2a$} it equals for any password a form can send, since
     * Elytron knows only {@code $2a$} and {@code $2y$}. A hash that is not bcrypt fails the login and is logged.
     */
    static boolean matches(String username, String modularCryptHash, char[] password) {
        String hash = modularCryptHash.startsWith("$2b$") ? "$2a$" + modularCryptHash.substring(4) : modularCryptHash;
        try {
            return new PasswordCredential(ModularCrypt.decode(hash))
                    .verify(ProviderUtil.INSTALLED_PROVIDERS, new PasswordGuessEvidence(password));
        } catch (InvalidKeySpecException | IllegalArgumentException e) {
            LOG.warnf("the operator account %s has a password hash that is not bcrypt (%s); it cannot log in until "
                    + "its hash is replaced", username, e.getMessage());
            return false;
        }
    }
}

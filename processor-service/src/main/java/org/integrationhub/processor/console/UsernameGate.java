package org.integrationhub.processor.console;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.integrationhub.common.validation.StorableText;

/**
 * Asked before the accounts' provider ({@link OperatorAccounts}) about every form login. A username no account can
 * have (a NUL, a lone surrogate: text PostgreSQL cannot hold) fails as a wrong password instead of failing in the
 * database with a 500; a name that has failed too often ({@link LoginGuard}) fails without its password being
 * checked, and the request is marked so the login page says to wait. Every other login is passed on (a null
 * identity).
 */
@ApplicationScoped
public class UsernameGate implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    @Inject
    LoginGuard guard;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        if (!StorableText.storable(request.getUsername())) {
            return Uni.createFrom().failure(new AuthenticationFailedException("the username cannot be an account's"));
        }
        long wait = guard.nameBlocked(request.getUsername());
        if (wait > 0) {
            RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
            if (rc != null) {
                rc.put(LoginGuard.NAME_WAIT, wait);
            }
            return Uni.createFrom().failure(new AuthenticationFailedException("too many failed logins to this name"));
        }
        return Uni.createFrom().nullItem();
    }

    /** Asked before the accounts' provider, which has the default priority. */
    @Override
    public int priority() {
        return 2000;
    }
}

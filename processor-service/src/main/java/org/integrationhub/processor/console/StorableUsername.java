package org.integrationhub.processor.console;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.integrationhub.common.validation.StorableText;

/**
 * A login whose username no account can have (a NUL character, a lone surrogate: text PostgreSQL cannot hold)
 * fails as a wrong password, before the account lookup would send it to the database and fail there with a 500.
 * Every other login is passed on (a null identity) to the accounts' provider, security-jpa-reactive's.
 */
@ApplicationScoped
public class StorableUsername implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        return StorableText.storable(request.getUsername()) ? Uni.createFrom().nullItem()
                : Uni.createFrom().failure(new AuthenticationFailedException("the username cannot be an account's"));
    }

    /** Asked before the accounts' provider, which has the default priority (1001 in Quarkus 3.33). */
    @Override
    public int priority() {
        return 2000;
    }
}

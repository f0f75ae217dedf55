package org.integrationhub.common.security;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.integrationhub.common.problem.ProblemException;
import org.integrationhub.common.problem.ProblemType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;

/**
 * Authenticates every REST call by its API key. Health, metrics, {@code /q/openapi} and
 * {@code /q/swagger-ui} are not REST resources and stay open.
 */
public class ApiKeyFilter {

    /** The request header carrying the key. */
    public static final String HEADER = "X-API-Key";

    /** The role a key needs for this service's REST paths: PARTNER (intake) or OPERATOR (processor). */
    @ConfigProperty(name = "hub.auth.role")
    Role requiredRole;
    @Inject
    ApiKeyRepository keys;
    @Inject
    CallerContext callerContext;
    @Inject
    RateLimiter rateLimiter;

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Uni<Void> authenticate(ContainerRequestContext ctx) {
        String presented = ctx.getHeaderString(HEADER);
        if (presented == null || presented.isBlank()) {
            return Uni.createFrom().failure(new ProblemException(ProblemType.UNAUTHORIZED,
                    "Send your API key in the " + HEADER + " header"));
        }
        return keys.findActive(presented.strip()).map(found -> {
            Caller caller = found.orElseThrow(() -> new ProblemException(ProblemType.UNAUTHORIZED,
                    "The API key in " + HEADER + " is not known or no longer active"));
            if (caller.role() != requiredRole) {
                throw new ProblemException(ProblemType.FORBIDDEN,
                        "This service needs a " + requiredRole.name().toLowerCase() + " key");
            }
            long wait = rateLimiter.acquire(caller.keyName());
            if (wait > 0) {
                throw new ProblemException(ProblemType.TOO_MANY_REQUESTS,
                        "Over " + rateLimiter.ratePerSecond() + " requests per second for this API key; retry after "
                                + wait + " s", List.of(), Map.of("Retry-After", Long.toString(wait)));
            }
            callerContext.set(caller);
            return null;
        });
    }
}

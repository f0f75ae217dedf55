package org.integrationhub.common.security;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.integrationhub.common.problem.ProblemException;
import org.integrationhub.common.problem.ProblemType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;

/**
 * Authenticates every call of the API ({@code /api/...}) by its API key. Health, metrics, {@code /q/openapi}
 * and {@code /q/swagger-ui} are not REST resources and stay open; the processor's console ({@code /console})
 * is for people, who log in with an account (Quarkus form authentication), not with a key.
 */
public class ApiKeyFilter {

    /** The request header carrying the key. */
    public static final String HEADER = "X-API-Key";
    /** What the keys open: every path below it. */
    static final String API = "/api/";
    private static final Uni<Void> NOT_FOR_KEYS = Uni.createFrom().voidItem();

    @Inject
    AuthConfig config;
    @Inject
    ApiKeyRepository keys;
    @Inject
    CallerContext callerContext;
    @Inject
    RateLimiter rateLimiter;
    @Inject
    AuthFailureLimiter failures;

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Uni<Void> authenticate(ContainerRequestContext ctx, HttpServerRequest request) {
        if (!request.path().startsWith(API)) {
            return NOT_FOR_KEYS;
        }
        String presented = ctx.getHeaderString(HEADER);
        if (presented == null || presented.isBlank()) {
            return Uni.createFrom().failure(new ProblemException(ProblemType.UNAUTHORIZED,
                    "Send your API key in the " + HEADER + " header"));
        }
        String address = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        long blocked = failures.blocked(address);
        if (blocked > 0 && !keys.knownNow(presented.strip())) {
            return Uni.createFrom().failure(tooManyFailures(blocked));
        }
        return keys.findActive(presented.strip()).map(found -> {
            Caller caller = found.orElseThrow(() -> {
                long wait = failures.failed(address);
                return wait > 0 ? tooManyFailures(wait) : new ProblemException(ProblemType.UNAUTHORIZED,
                        "The API key in " + HEADER + " is not known or no longer active");
            });
            if (caller.role() != config.role()) {
                throw new ProblemException(ProblemType.FORBIDDEN,
                        "This service needs a " + config.role().name().toLowerCase() + " key");
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

    private static ProblemException tooManyFailures(long wait) {
        return new ProblemException(ProblemType.TOO_MANY_REQUESTS, "Too many requests with unknown API keys from "
                + "your address; retry after " + wait + " s with a valid key", List.of(),
                Map.of("Retry-After", Long.toString(wait)));
    }
}

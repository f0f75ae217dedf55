package org.integrationhub.common.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.VertxHttpConfig;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.HttpException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.integrationhub.common.problem.ProblemType;

import java.util.Map;
import java.util.Set;


/**
 * Holds request bodies to {@code quarkus.http.limits.max-body-size}, answering a larger one with a 413 problem.
 * A body announced larger (Content-Length) is refused before a byte of it is read. A body of unannounced length
 * (chunked) is read here up to the limit, and refused as soon as it passes it; Quarkus REST then takes the body
 * read here. (Left to Quarkus REST, such a body met its own limit, which answered an empty 413 and logged an
 * error with a stack trace.) An empty chunked body of a POST, PUT or PATCH is a 400 here: Quarkus REST would wait
 * for it until the idle timeout.
 */
@ApplicationScoped
public class BodyLimit {

    /** After {@link RequestHead}, before Quarkus' own limit (order -2) and Quarkus REST. */
    static final int ORDER = -1000;
    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);
    /** Set on a request whose body of unannounced length was read here. */
    private static final String READ_HERE = BodyLimit.class.getName() + ".read";

    /** Quarkus' own HTTP configuration: the limit and its default are Quarkus', read from one place. */
    @Inject
    VertxHttpConfig http;

    @Inject
    HttpProblems problems;

    void install(@Observes Router router) {
        long max = http.limits().maxBodySize().map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
        // fails the route with 413 past the limit, which HttpProblems answers as a problem
        BodyHandler unannounced = BodyHandler.create(false).setBodyLimit(max);
        router.route().order(ORDER).handler(ctx -> {
            long announced = announcedLength(ctx);
            if (announced > max) {
                problems.send(ctx, ProblemType.PAYLOAD_TOO_LARGE, "The request body (" + announced
                        + " bytes) is larger than the " + max + " bytes this service accepts; send fewer records "
                        + "per request", Map.of());
            } else if (announced < 0 && chunked(ctx.request())) {
                ctx.put(READ_HERE, true);
                unannounced.handle(ctx);
            } else {
                ctx.next();
            }
        });
        // right after the body was read here: Quarkus REST takes an empty one for no body read yet, and would wait
        // for it on a request that has already ended, until the idle timeout; a POST, PUT or PATCH is answered here
        router.route().order(ORDER + 1).handler(ctx -> {
            if (ctx.get(READ_HERE) != null && (ctx.body().buffer() == null || ctx.body().length() == 0)
                    && WITH_BODY.contains(ctx.request().method())) {
                problems.send(ctx, ProblemType.MALFORMED_REQUEST, "The request body is empty: send the JSON document "
                        + "(or Content-Length: 0 where an operation takes no body)", Map.of());
            } else {
                ctx.next();
            }
        });
    }

    /**
     * Whether an HTTP/1.1 request's body comes chunked, of a length nobody announced. Over HTTP/2 (a partner's
     * client upgrading a cleartext connection, as Java's HttpClient does) a body without Content-Length is left to
     * Quarkus' own limit: read here to its end, the stream could no longer be paused by the REST layer, which then
     * failed every such request, GETs included, with a 500.
     */
    static boolean chunked(HttpServerRequest request) {
        String encoding = request.getHeader("Transfer-Encoding");
        return request.version() != HttpVersion.HTTP_2 && encoding != null
                && encoding.toLowerCase(java.util.Locale.ROOT).contains("chunked");
    }

    /**
     * Whether {@code ctx} failed while its chunked body was being read here, for a reason other than its size: the
     * framing was broken (a chunk size that overflows, a missing line end), the client's fault, not the service's.
     */
    static boolean framingFailed(RoutingContext ctx) {
        // past the limit, BodyHandler fails the route with a bare 413: a status, no failure
        return ctx.get(READ_HERE) != null && !ctx.request().isEnded() && ctx.failure() != null
                && !(ctx.failure() instanceof HttpException);
    }

    /** The Content-Length, or -1 when the request has none (no body, or a chunked one). */
    private static long announcedLength(RoutingContext ctx) {
        String length = ctx.request().getHeader("Content-Length");
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

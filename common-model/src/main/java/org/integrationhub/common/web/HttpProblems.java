package org.integrationhub.common.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.security.AuthenticationException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.integrationhub.common.model.DatabaseFaults;
import org.integrationhub.common.model.DatabaseOutage;
import org.integrationhub.common.problem.Problem;
import org.integrationhub.common.problem.ProblemMappers;
import org.integrationhub.common.problem.ProblemType;
import org.integrationhub.common.validation.Json;
import org.jboss.logging.Logger;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * RFC 9457 problems answered by the HTTP layer, where Quarkus REST and its exception mappers have no say: the
 * checks of {@link RequestHead} and {@link BodyLimit}, and any failure a Vert.x route reports
 * ({@code RoutingContext.fail}), which Quarkus would otherwise answer with an empty body.
 */
@ApplicationScoped
public class HttpProblems {

    private static final Logger LOG = Logger.getLogger(HttpProblems.class);
    /** A longer request path is cut to this many characters in {@code instance}, so a 414 does not echo it all. */
    static final int MAX_INSTANCE_LENGTH = 512;
    /** After a refusal, how long the rest of a request's body may pause before the connection is closed anyway. */
    static final long LINGER_IDLE_MILLIS = 5_000;
    /** After a refusal, how long the rest of a request's body may take in all before the connection is closed. */
    static final long LINGER_MAX_MILLIS = 30_000;

    /**
     * HTTP/1.1 connections answered here with {@code Connection: close}: a request the client pipelined behind the
     * refused one must not be processed (RFC 9112 section 9.6), since its answer could never be sent and the client
     * would retry what was stored. Weak keys: a closed connection leaves by itself.
     */
    private final Set<HttpConnection> closing = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    @Inject
    DatabaseOutage outage;

    @Inject
    Instance<ProblemPages> pages;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
    }

    /**
     * Answers {@code type} as a problem and closes the connection once it is written and the request's body has
     * arrived (see {@link #closeAfterBody}): a body that was not read leaves the connection unfit for another
     * request.
     */
    public void send(RoutingContext ctx, ProblemType type, String detail, Map<String, String> headers) {
        send(ctx, Correlation.accept(ctx.request().getHeader(Correlation.HEADER)), type, detail, headers);
    }

    private void send(RoutingContext ctx, String correlationId, ProblemType type, String detail,
                      Map<String, String> headers) {
        HttpServerRequest request = ctx.request();
        Problem problem = new Problem(type.uri(), type.title(), type.status(), detail, instance(request.path()),
                correlationId, List.of());
        String page = page(ctx, problem);
        HttpServerResponse response = ctx.response()
                .setStatusCode(type.status())
                .putHeader("Content-Type", page == null ? Problem.MEDIA_TYPE : "text/html;charset=UTF-8")
                .putHeader(Correlation.HEADER, correlationId);
        if (request.version() != HttpVersion.HTTP_2) {
            response.putHeader("Connection", "close");
            closing.add(request.connection());
        }
        headers.forEach(response::putHeader);
        response.end(page == null ? encode(problem) : Buffer.buffer(page)).onComplete(written -> closeAfterBody(ctx));
    }

    /** Whether this connection was answered {@code Connection: close} here: its further requests are not served. */
    boolean closing(HttpConnection connection) {
        return closing.contains(connection);
    }

    /** The page a {@link ProblemPages} bean gives for this problem; null for JSON, also when the page fails. */
    private String page(RoutingContext ctx, Problem problem) {
        if (!pages.isResolvable()) {
            return null;
        }
        try {
            return pages.get().page(ctx, problem);
        } catch (RuntimeException e) {
            LOG.errorf(e, "correlationId=%s the page for a %d could not be made; answering JSON", problem.correlationId(),
                    problem.status());
            return null;
        }
    }

    /**
     * Closes the connection once the rest of the request's body has come in, read and dropped, as a web server's
     * "lingering close" does. A refusal such as a 413 is answered before the body has arrived; closed at once, the
     * connection would be reset under a client still writing its body, and a client that writes the whole body
     * before reading (most do) would see a broken pipe instead of the problem. The wait is bounded: the connection
     * closes after {@link #LINGER_IDLE_MILLIS} without a byte, or {@link #LINGER_MAX_MILLIS} in all. Over HTTP/2 the
     * request is one stream of a connection others share: the connection stays, and only a body that stalls has
     * its stream reset.
     */
    private static void closeAfterBody(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        boolean http2 = request.version() == HttpVersion.HTTP_2;
        if (request.isEnded()) {
            if (!http2) {
                request.connection().close();
            }
            return;
        }
        Runnable close = http2 ? () -> ctx.response().reset(0) : () -> request.connection().close();
        Vertx vertx = ctx.vertx();
        long started = System.nanoTime();
        long[] idle = {vertx.setTimer(LINGER_IDLE_MILLIS, fired -> close.run())};
        Handler<Object> finished = ended -> {
            vertx.cancelTimer(idle[0]);
            if (!http2) {
                close.run();
            }
        };
        request.exceptionHandler(finished::handle);
        request.endHandler(finished::handle);
        request.handler(dropped -> {
            vertx.cancelTimer(idle[0]);
            long left = LINGER_MAX_MILLIS - (System.nanoTime() - started) / 1_000_000;
            if (left <= 0) {
                close.run();
            } else {
                idle[0] = vertx.setTimer(Math.min(LINGER_IDLE_MILLIS, left), fired -> close.run());
            }
        });
        request.resume();
    }

    private void failed(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        int status = failure instanceof HttpException http ? http.getStatusCode() : ctx.statusCode();
        if (failure instanceof HttpClosedException) {
            // the connection closed under the request (the client left, or it was closed here after a refusal)
            LOG.debugf("%s %s: connection closed", ctx.request().method(), ctx.request().path());
            return;
        }
        if (failure instanceof AuthenticationException || failure instanceof UnauthorizedException
                || failure instanceof ForbiddenException) {
            // Quarkus security's own answer: the console's login redirect, its error page, a 401 or 403 challenge
            ctx.next();
            return;
        }
        if (ctx.response().ended()) {
            // the whole answer is out (such as Quarkus REST's own 413, which ProblemMappers then tried to answer)
            LOG.debugf("correlationId=%s failure after the answer was sent: %s",
                    ctx.response().headers().get(Correlation.HEADER), failure == null ? status : failure.toString());
            return;
        }
        if (ctx.response().headWritten()) {
            // the answer has begun and cannot become a problem any more; the client sees the connection end
            LOG.warnf("correlationId=%s failure after the answer began: %s",
                    ctx.response().headers().get(Correlation.HEADER), failure == null ? status : failure.toString());
            ctx.request().connection().close();
            return;
        }
        if (BodyLimit.framingFailed(ctx)) {
            LOG.debugf("%s %s: chunked body framing broken: %s", ctx.request().method(), ctx.request().path(), failure);
            send(ctx, ProblemType.MALFORMED_REQUEST, "The chunked body's framing is broken", Map.of());
            return;
        }
        if (status >= 400 && status < 500) {
            send(ctx, ProblemType.forStatus(status),
                    ProblemMappers.frameworkDetail(status, ctx.request().method().name(), ctx.request().path()), Map.of());
            return;
        }
        if (DatabaseFaults.isUnavailable(failure)) {
            // a route that reached the database itself, such as the console's form login: 503, as the API answers
            outage.absorbs(failure, "answering 503");
            send(ctx, ProblemType.SERVICE_UNAVAILABLE, "The database is unavailable; retry later",
                    Map.of("Retry-After", ProblemMappers.RETRY_AFTER_SECONDS));
            return;
        }
        String correlationId = Correlation.accept(ctx.request().getHeader(Correlation.HEADER));
        LOG.errorf(failure, "correlationId=%s unexpected failure of %s %s", correlationId, ctx.request().method(),
                ctx.request().path());
        send(ctx, correlationId, ProblemType.INTERNAL_ERROR, "The service failed to handle the request; quote "
                + "correlationId " + correlationId + " when reporting it", Map.of());
    }

    private static String instance(String path) {
        if (path == null) {
            return "/";
        }
        return path.length() <= MAX_INSTANCE_LENGTH ? path : path.substring(0, MAX_INSTANCE_LENGTH);
    }

    private static Buffer encode(Problem problem) {
        try {
            return Buffer.buffer(Json.STRICT.writeValueAsBytes(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem could not be written as JSON", e);
        }
    }
}

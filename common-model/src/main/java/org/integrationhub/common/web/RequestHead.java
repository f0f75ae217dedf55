package org.integrationhub.common.web;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.quarkus.vertx.http.runtime.VertxHttpConfig;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.integrationhub.common.problem.ProblemType;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;

/**
 * Checks the head of every request (request line and header fields) before anything else reads it, and answers a
 * fault with an RFC 9457 problem:
 * <ul>
 * <li>414 for a request line over {@code quarkus.http.limits.max-initial-line-length} (default 4096), 431 for header
 * fields over {@code quarkus.http.limits.max-header-size} (default 20K);</li>
 * <li>400 for a request target that is not a valid URI (a malformed escape such as {@code %ZZ}) and for matrix
 * parameters ({@code ;} in a path segment), which no resource takes and which would otherwise be silently
 * dropped ({@code /departments;x=1} read as {@code /departments});</li>
 * <li>415 with {@code Accept-Encoding: identity} for a body in any content coding but identity: bodies are small
 * JSON documents, and decoding gzip would need its own bound against decompression bombs;</li>
 * <li>400 for a {@code Transfer-Encoding} other than {@code chunked} alone: the codec would frame such a body
 * otherwise than its sender meant (a request smuggled inside it), or leave a transfer coding undecoded;</li>
 * <li>400 for a header field that a request carries once ({@link #ONCE}) sent more than once.</li>
 * </ul>
 * <p>A request pipelined behind one refused here (or anywhere {@link HttpProblems} closes the connection) is
 * dropped unprocessed.
 * <p>The Vert.x HTTP codec refuses an oversized line or header block itself, with an empty answer that no handler
 * can change; so this raises the codec's limits to {@link #CODEC_CEILING} (at least twice the configured limits)
 * and enforces the configured limits here. Beyond the ceiling the codec's empty 414/431 remains. Likewise Quarkus
 * refuses an invalid URI with an empty 400 before any handler, unless the system property
 * {@code vertx.disableURIValidation} is true, which {@link HubMain} sets so that the check here answers instead.
 */
@ApplicationScoped
public class RequestHead implements HttpServerOptionsCustomizer {

    /** The HTTP codec's own limit for the request line and for the header block: far above any real request. */
    static final int CODEC_CEILING = 64 * 1024;
    /**
     * Header fields a request carries once, which this service reads as their first value: sent twice, a proxy in
     * front of it might read the last (which host, which body type, which idempotency key), and the two would handle
     * different requests. RFC 9112 §3.2 makes a second Host a 400. The codec itself refuses a second Content-Length;
     * X-API-Key is here for a clear answer (its filter reads the values joined, a key that matches none). Fields a
     * gateway may add beside the client's (X-Correlation-Id, which is replaced when not one sane id) and Cookie
     * (HTTP/2 sends each cookie in a field of its own) are not.
     */
    public static final List<String> ONCE = List.of("Host", "Content-Type", "X-API-Key", "Idempotency-Key");
    /** Runs after Quarkus' own first handlers (timing, access log) and before the body is read. */
    static final int ORDER = -1100;

    /** Quarkus' own HTTP configuration: the limits and their defaults are Quarkus', read from one place. */
    @Inject
    VertxHttpConfig http;

    @Inject
    HttpProblems problems;

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        widen(options);
    }

    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        widen(options);
    }

    @Override
    public void customizeDomainSocketServer(HttpServerOptions options) {
        widen(options);
    }

    private void widen(HttpServerOptions options) {
        options.setMaxInitialLineLength(Math.max(CODEC_CEILING, 2 * http.limits().maxInitialLineLength()));
        int headerCeiling = (int) Math.min(Integer.MAX_VALUE, Math.max(CODEC_CEILING, 2 * http.limits().maxHeaderSize().asLongValue()));
        options.setMaxHeaderSize(headerCeiling);
        // HTTP/2's own header limit (8 KiB by default in Vert.x): raised alike, so that a client that upgraded meets
        // the same configured limit, answered here, and not an empty 431 or a GOAWAY ending its other streams
        options.getInitialSettings().setMaxHeaderListSize(headerCeiling);
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (problems.closing(request.connection())) {
            // pipelined behind a request refused with Connection: close; the client sends it again elsewhere
            request.connection().close();
            return;
        }
        String uri = request.uri();
        // the codec counts "METHOD SP request-target SP HTTP/1.1"
        int line = request.method().name().length() + uri.length() + 10;
        int maxInitialLine = http.limits().maxInitialLineLength();
        if (line > maxInitialLine) {
            problems.send(ctx, ProblemType.URI_TOO_LONG, "The request line is " + line + " characters; this "
                    + "service accepts at most " + maxInitialLine + ". Send long selections in a body", Map.of());
            return;
        }
        long headers = headerSize(request);
        long maxHeaderSize = http.limits().maxHeaderSize().asLongValue();
        if (headers > maxHeaderSize) {
            problems.send(ctx, ProblemType.HEADER_FIELDS_TOO_LARGE, "The header fields take " + headers
                    + " bytes; this service accepts at most " + maxHeaderSize, Map.of());
            return;
        }
        String fault = uriFault(uri);
        if (fault != null) {
            problems.send(ctx, ProblemType.MALFORMED_REQUEST, fault, Map.of());
            return;
        }
        String path = request.path();
        if (path != null && path.indexOf(';') >= 0) {
            problems.send(ctx, ProblemType.MALFORMED_REQUEST, "Matrix parameters (';' in a path segment) are not "
                    + "supported; write ';' in a path value as %3B", Map.of());
            return;
        }
        String transfer = String.join(",", request.headers().getAll("Transfer-Encoding"));
        if (!transfer.isEmpty() && !transfer.trim().equalsIgnoreCase("chunked")) {
            // anything but plain chunked framing: a body the codec would frame otherwise than the client meant
            // (a request smuggled inside it, a transfer coding left undecoded); refused, and the connection closed
            problems.send(ctx, ProblemType.MALFORMED_REQUEST, "Transfer-Encoding " + transfer.trim() + " is not "
                    + "accepted: send the body with Content-Length, or Transfer-Encoding: chunked alone", Map.of());
            return;
        }
        for (String name : ONCE) {
            int times = request.headers().getAll(name).size();
            if (times > 1) {
                problems.send(ctx, ProblemType.MALFORMED_REQUEST, "The header field " + name + " is sent " + times
                        + " times; send it once", Map.of());
                return;
            }
        }
        String coding = String.join(",", request.headers().getAll("Content-Encoding"));
        if (!identityOnly(coding)) {
            problems.send(ctx, ProblemType.UNSUPPORTED_MEDIA_TYPE, "Content-Encoding " + coding.trim()
                    + " is not accepted: send the body uncompressed (identity)", Map.of("Accept-Encoding", "identity"));
            return;
        }
        ctx.next();
    }

    /** Empty, or each of its (comma-separated, possibly repeated) codings {@code identity}. */
    private static boolean identityOnly(String codings) {
        for (String coding : codings.split(",")) {
            if (!coding.isBlank() && !coding.trim().equalsIgnoreCase("identity")) {
                return false;
            }
        }
        return true;
    }

    /** What the codec's header limit counts: each field as {@code name: value} with its line end. */
    private static long headerSize(HttpServerRequest request) {
        long size = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            size += header.getKey().length() + header.getValue().length() + 4;
        }
        return size;
    }

    private static String uriFault(String uri) {
        try {
            new URI(uri);
            return null;
        } catch (URISyntaxException e) {
            return "The request URI is not valid: " + e.getReason() + " at index " + e.getIndex()
                    + "; percent-encode reserved characters (a '%' is %25)";
        }
    }
}

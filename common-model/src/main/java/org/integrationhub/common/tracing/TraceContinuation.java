package org.integrationhub.common.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.trace.IdGenerator;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Trace ids for every request where spans go nowhere. Quarkus' HTTP instrumentation builds a server span for each
 * request, and unsampled it still extracts a dozen HTTP attributes and attaches the span: about 5% of the intake's
 * CPU samples under bench/intake, for a span that is then dropped. So where no span is recorded
 * ({@link TracingOffDefaults} turns {@code quarkus.otel.instrument.vertx-http} off), this filter keeps what the
 * product needs of it: it continues the caller's W3C {@code traceparent} (or starts a trace) with a span id of
 * its own, unsampled, and makes it current for the request, so that receipts, staging rows and log lines carry
 * the same trace and span ids as before.
 */
@Singleton
public class TraceContinuation {

    /** Before every other handler, so that all of a request's work, and its log lines, see the trace. */
    static final int ORDER = -1200;

    private static final TextMapGetter<HttpServerRequest> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(HttpServerRequest request) {
            return request.headers().names();
        }

        @Override
        public String get(HttpServerRequest request, String key) {
            return request == null ? null : request.getHeader(key);
        }
    };

    @Inject
    Instance<OpenTelemetry> openTelemetry;
    @ConfigProperty(name = "quarkus.otel.instrument.vertx-http", defaultValue = "true")
    boolean quarkusInstruments;
    @ConfigProperty(name = "quarkus.otel.sdk.disabled", defaultValue = "false")
    boolean disabled;

    private final IdGenerator ids = IdGenerator.random();
    private TextMapPropagator propagator;

    void install(@Observes Router router) {
        if (quarkusInstruments || disabled || !openTelemetry.isResolvable()) {
            return;
        }
        propagator = openTelemetry.get().getPropagators().getTextMapPropagator();
        router.route().order(ORDER).handler(this::continueTrace);
    }

    void continueTrace(RoutingContext routing) {
        Scope scope = start(routing.request()).makeCurrent();
        routing.addEndHandler(ended -> scope.close());
        routing.next();
    }

    /** The caller's context, with an unsampled span of this request's own as its current span. */
    Context start(HttpServerRequest request) {
        Context caller = propagator.extract(Context.root(), request, HEADERS);
        SpanContext parent = Span.fromContext(caller).getSpanContext();
        SpanContext own = SpanContext.create(parent.isValid() ? parent.getTraceId() : ids.generateTraceId(),
                ids.generateSpanId(), TraceFlags.getDefault(), parent.getTraceState());
        return caller.with(Span.wrap(own));
    }
}

package org.integrationhub.common.tracing;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What tracing costs where spans go nowhere: without an OTLP endpoint (or {@code hub.tracing.record=true}) in the
 * environment or the system properties, four defaults keep the hot paths free of it (measured with a profiler on
 * bench/drain and bench/intake, docs/benchmarks.md). A value set anywhere else wins, as the tests' does.
 * <ul>
 * <li>{@code quarkus.otel.instrument.vertx-sql-client=false}: unsampled, each statement's span still had its
 * attributes extracted, the SQL text among them.</li>
 * <li>{@code mp.context.ThreadContext.unchanged=OpenTelemetry}: Quarkus registers an OpenTelemetry provider with
 * MicroProfile Context Propagation, which Mutiny runs on every subscription and every callback (8% of the
 * processor's CPU samples in bench/drain). Trace context does not need it here: Quarkus keeps it in the Vert.x
 * context, which a request's or a row's continuations share (TracingTest and RowTracingTest run this way).</li>
 * <li>{@code quarkus.otel.instrument.vertx-http=false}: unsampled, each request's server span still had a dozen
 * HTTP attributes extracted (5% of the intake's CPU samples in bench/intake). {@link TraceContinuation} keeps the
 * trace ids it gave requests.</li>
 * <li>{@code quarkus.otel.instrument.vertx-event-bus=false}: the hub sends nothing over the event bus; off, Vert.x's
 * tracer hook on each request has nothing left to ask.</li>
 * </ul>
 */
public class TracingOffDefaults implements ConfigSource {

    static final Map<String, String> DEFAULTS = Map.of(
            "quarkus.otel.instrument.vertx-sql-client", "false",
            "mp.context.ThreadContext.unchanged", "OpenTelemetry",
            "quarkus.otel.instrument.vertx-http", "false",
            "quarkus.otel.instrument.vertx-event-bus", "false");

    private final boolean recording = Stream.of("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT",
                    "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")
            .anyMatch(name -> present(System.getenv(name)))
            || Stream.of("quarkus.otel.exporter.otlp.endpoint", "quarkus.otel.exporter.otlp.traces.endpoint")
            .anyMatch(name -> present(System.getProperty(name)))
            || "true".equalsIgnoreCase(System.getenv("HUB_TRACING_RECORD"))
            || "true".equalsIgnoreCase(System.getProperty("hub.tracing.record"));

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /**
     * Where spans are recorded, Quarkus' own defaults, said explicitly: the build records every value a source gives
     * at build time as a runtime default (the build runs without an endpoint, so it records the values above),
     * and only a value from this source, above those, undoes that at run time. The context propagation stays as
     * the build recorded it: the tests and the end-to-end trace test record spans that way.
     */
    static final Map<String, String> RECORDING = Map.of(
            "quarkus.otel.instrument.vertx-sql-client", "true",
            "quarkus.otel.instrument.vertx-http", "true",
            "quarkus.otel.instrument.vertx-event-bus", "true");

    @Override
    public Set<String> getPropertyNames() {
        return recording ? RECORDING.keySet() : DEFAULTS.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return recording ? RECORDING.get(propertyName) : DEFAULTS.get(propertyName);
    }

    @Override
    public String getName() {
        return "hub-tracing-off-defaults";
    }

    /** Below every other source: a value set anywhere else wins. */
    @Override
    public int getOrdinal() {
        return 1;
    }
}

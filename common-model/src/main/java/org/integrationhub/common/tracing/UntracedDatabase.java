package org.integrationhub.common.tracing;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns the SQL client's tracing off where spans go nowhere: without an OTLP endpoint in the environment or the
 * system properties, {@code quarkus.otel.instrument.vertx-sql-client} defaults to false. (Unsampled, each
 * statement's span still had its attributes extracted, the SQL text among them; the processor, which runs a few
 * statements per row, drained measurably slower for it.) A value set anywhere else wins, as the tests' does.
 */
public class UntracedDatabase implements ConfigSource {

    static final String PROPERTY = "quarkus.otel.instrument.vertx-sql-client";

    private final boolean exporting = Stream.of("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT",
                    "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")
            .anyMatch(name -> present(System.getenv(name)))
            || Stream.of("quarkus.otel.exporter.otlp.endpoint", "quarkus.otel.exporter.otlp.traces.endpoint")
            .anyMatch(name -> present(System.getProperty(name)));

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public Set<String> getPropertyNames() {
        return exporting ? Set.of() : Set.of(PROPERTY);
    }

    @Override
    public String getValue(String propertyName) {
        return !exporting && PROPERTY.equals(propertyName) ? "false" : null;
    }

    @Override
    public String getName() {
        return "hub-untraced-database";
    }

    /** Below every other source: a value set anywhere else wins. */
    @Override
    public int getOrdinal() {
        return 1;
    }
}

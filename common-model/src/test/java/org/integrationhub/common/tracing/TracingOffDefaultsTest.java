package org.integrationhub.common.tracing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Tracing's hot-path hooks default to off only where no OTLP endpoint is configured. */
class TracingOffDefaultsTest {

    static final String ENDPOINT = "quarkus.otel.exporter.otlp.endpoint";

    static final String RECORD = "hub.tracing.record";

    @AfterEach
    void clear() {
        System.clearProperty(ENDPOINT);
        System.clearProperty(RECORD);
    }

    @Test
    void withoutAnEndpointTheSqlSpansTheHttpSpansAndTheContextPropagationAreOff() {
        TracingOffDefaults defaults = new TracingOffDefaults();
        assertThat(defaults.getPropertyNames()).containsExactlyInAnyOrder("quarkus.otel.instrument.vertx-sql-client",
                "quarkus.otel.instrument.vertx-http", "quarkus.otel.instrument.vertx-event-bus",
                "mp.context.ThreadContext.unchanged");
        assertThat(defaults.getValue("quarkus.otel.instrument.vertx-sql-client")).isEqualTo("false");
        assertThat(defaults.getValue("quarkus.otel.instrument.vertx-http")).isEqualTo("false");
        assertThat(defaults.getValue("mp.context.ThreadContext.unchanged")).isEqualTo("OpenTelemetry");
        assertThat(defaults.getOrdinal()).as("below every other source").isLessThan(100);
    }

    @Test
    void recordingWithoutAnEndpointKeepsQuarkusDefaultsToo() {
        System.setProperty(RECORD, "true");
        assertThat(new TracingOffDefaults().getValue("quarkus.otel.instrument.vertx-http")).isEqualTo("true");
        System.setProperty(RECORD, "false");
        assertThat(new TracingOffDefaults().getValue("quarkus.otel.instrument.vertx-http")).isEqualTo("false");
    }

    @Test
    void withAnEndpointTheInstrumentationIsOnExplicitly() {
        // explicitly: the build, run without an endpoint, recorded "false" as these properties' runtime defaults
        System.setProperty(ENDPOINT, "http://collector:4317");
        TracingOffDefaults defaults = new TracingOffDefaults();
        assertThat(defaults.getPropertyNames()).containsExactlyInAnyOrder("quarkus.otel.instrument.vertx-sql-client",
                "quarkus.otel.instrument.vertx-http", "quarkus.otel.instrument.vertx-event-bus");
        assertThat(defaults.getValue("quarkus.otel.instrument.vertx-http")).isEqualTo("true");
        assertThat(defaults.getValue("mp.context.ThreadContext.unchanged")).isNull();
    }
}

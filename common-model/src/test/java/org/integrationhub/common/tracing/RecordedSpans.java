package org.integrationhub.common.tracing;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The services' tests export their spans here, in memory (hub.tracing.record and quarkus.otel.simple are on in the
 * test profile), to assert how a record's spans link up. A SpanExporter bean replaces the OTLP exporter.
 */
@Singleton
public class RecordedSpans {

    @Produces
    @Singleton
    InMemorySpanExporter exporter() {
        return InMemorySpanExporter.create();
    }
}

package org.integrationhub.common.tracing;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import io.smallrye.config.SmallRyeConfig;
import io.prometheus.client.exemplars.ExemplarSampler;
import io.quarkus.micrometer.runtime.export.exemplars.OpentelemetryExemplarSamplerProvider;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Whether spans are recorded. Every request and every applied row has a trace id either way (in receipts, staging
 * rows and log lines, continuing a partner's traceparent); spans are recorded, and exported over OTLP, only where
 * they go somewhere: when an OTLP endpoint is configured ({@code quarkus.otel.exporter.otlp.endpoint} or its
 * traces variant), or when {@code hub.tracing.record} says so. Otherwise nothing is recorded or sent, which is
 * what the local run and a deployment without a collector want: the exporter's default endpoint is
 * localhost:4317, which would log a failed export every few seconds. Recorded or not, a database call outside
 * any span (the processor's claims, heartbeats and gauges, every second or so) starts no trace of its own.
 */
@Singleton
public class TraceSampling {

    private static final Logger LOG = Logger.getLogger(TraceSampling.class);
    /** Ordinal of META-INF/microprofile-config.properties: sources at or above it are configuration, not defaults. */
    private static final int CONFIGURED = 100;

    /** Drops client spans (database calls) that would start a trace; the rest as {@code delegate} decides. */
    record NoLoneClientSpans(Sampler delegate) implements Sampler {
        @Override
        public SamplingResult shouldSample(Context parent, String traceId, String name, SpanKind kind,
                                           Attributes attributes, List<LinkData> links) {
            if (kind == SpanKind.CLIENT && !Span.fromContext(parent).getSpanContext().isValid()) {
                return SamplingResult.drop();
            }
            return delegate.shouldSample(parent, traceId, name, kind, attributes, links);
        }

        @Override
        public String getDescription() {
            return "NoLoneClientSpans{" + delegate.getDescription() + "}";
        }
    }

    private final boolean endpoint;
    private final boolean record;

    TraceSampling() {
        SmallRyeConfig config = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class);
        endpoint = Stream.of("quarkus.otel.exporter.otlp.endpoint", "quarkus.otel.exporter.otlp.traces.endpoint")
                .map(config::getConfigValue)
                .anyMatch(v -> v.getValue() != null && !v.getValue().isBlank() && v.getSourceOrdinal() >= CONFIGURED);
        record = config.getOptionalValue("hub.tracing.record", Boolean.class).orElse(endpoint);
    }

    @Produces
    @Singleton
    Sampler sampler() {
        if (record) {
            LOG.infof("tracing: spans recorded%s", endpoint ? " and exported over OTLP" : "");
            return new NoLoneClientSpans(Sampler.parentBased(Sampler.alwaysOn()));
        }
        LOG.debug("tracing: trace ids only; no OTLP endpoint is configured, so no span is recorded or exported");
        return Sampler.alwaysOff();
    }

    /**
     * Prometheus exemplars (a trace id beside a histogram bucket) only where spans are recorded: otherwise they
     * would name traces that exist nowhere, and each observation would still look the current span up.
     */
    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    Optional<ExemplarSampler> exemplars() {
        return record ? new OpentelemetryExemplarSamplerProvider().exemplarSampler() : Optional.empty();
    }
}

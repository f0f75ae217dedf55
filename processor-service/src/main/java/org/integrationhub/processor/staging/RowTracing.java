package org.integrationhub.processor.staging;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.integrationhub.common.tracing.Traces;
import org.jboss.logging.MDC;


/**
 * The processor's spans: one per claimed batch (a root: a drain of a thousand rows is not a thousand traces) and,
 * within it, one per row's apply, linked to the intake request that brought the row (its stored traceparent), so
 * a trace backend leads from the partner's request to the row's outcome. And the fields of every log line about a
 * row: its receipt, interface, source system, external id, and the intake request's correlation and trace ids.
 */
@ApplicationScoped
public class RowTracing {

    @Inject
    Tracer tracer;

    /** A claimed batch's span, the parent of its rows' applies. */
    Span batch(String interfaceName, String worker, int rows) {
        return tracer.spanBuilder("process " + interfaceName).setNoParent().setSpanKind(SpanKind.INTERNAL)
                .setAttribute("hub.interface", interfaceName)
                .setAttribute("hub.worker", worker)
                .setAttribute("hub.rows", rows)
                .startSpan();
    }

    /**
     * One row's apply, within its batch, linked to the request that stored the row. Under a batch that is not
     * recorded (no collector) the apply would not be either: no span is built, on the hot path, for nothing.
     */
    Span apply(Span batch, ClaimedRow row) {
        if (!batch.isRecording()) {
            return Span.getInvalid();
        }
        SpanBuilder span = tracer.spanBuilder("apply " + row.interfaceName())
                .setParent(Context.root().with(batch)).setSpanKind(SpanKind.INTERNAL)
                .setAttribute("hub.receipt_id", row.receiptId().toString())
                .setAttribute("hub.interface", row.interfaceName())
                .setAttribute("hub.source_system", row.sourceSystem())
                .setAttribute("hub.external_id", row.externalId())
                .setAttribute("hub.operation", row.operation().name())
                .setAttribute("hub.attempt", row.attempts());
        SpanContext origin = Traces.remote(row.traceParent());
        if (origin.isValid()) {
            span.addLink(origin);
        }
        return span.startSpan();
    }

    /** Ends an apply span with the row's outcome (PROCESSED, FAILED, SKIPPED, RETRIED, WAITING, LEASE_LOST). */
    static void end(Span span, String outcome) {
        span.setAttribute("hub.outcome", outcome);
        if (outcome.equals("FAILED")) {
            span.setStatus(StatusCode.ERROR);
        }
        span.end();
    }

    /** Runs {@code log} with the row's fields in the log context (JSON logs show them as fields), then restores it. */
    static void logging(ClaimedRow row, Runnable log) {
        String[] keys = {"receiptId", "interface", "sourceSystem", "externalId", "correlationId", "traceId"};
        String[] values = {row.receiptId().toString(), row.interfaceName(), row.sourceSystem(), row.externalId(),
                row.correlationId(), Traces.traceId(row.traceParent())};
        Object[] before = new Object[keys.length];
        for (int i = 0; i < keys.length; i++) {
            before[i] = MDC.get(keys[i]);
            put(keys[i], values[i]);
        }
        try {
            log.run();
        } finally {
            for (int i = 0; i < keys.length; i++) {
                put(keys[i], before[i]);
            }
        }
    }

    private static void put(String key, Object value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}

package org.integrationhub.common.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;

import java.util.regex.Pattern;

/**
 * The W3C trace context a staging row keeps ({@code staging_record.trace_parent}): written by the intake from the
 * request that stored the row, read by the processor to link its apply of the row to that request.
 */
public final class Traces {

    private static final Pattern TRACE_PARENT = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    private Traces() {
    }

    /** The current span's context as a version-00 traceparent, or null outside a trace. */
    public static String currentTraceParent() {
        SpanContext context = Span.current().getSpanContext();
        return context.isValid() ? "00-" + context.getTraceId() + "-" + context.getSpanId() + "-"
                + context.getTraceFlags().asHex() : null;
    }

    /** The trace id of a stored traceparent, or null. */
    public static String traceId(String traceParent) {
        return traceParent == null ? null : traceParent.substring(3, 35);
    }

    /** A stored traceparent as the remote span context a link points to; invalid when there is none. */
    public static SpanContext remote(String traceParent) {
        if (traceParent == null || !TRACE_PARENT.matcher(traceParent).matches()) {
            return SpanContext.getInvalid();
        }
        return SpanContext.createFromRemoteParent(traceParent.substring(3, 35), traceParent.substring(36, 52),
                TraceFlags.fromHex(traceParent, 53), TraceState.getDefault());
    }
}

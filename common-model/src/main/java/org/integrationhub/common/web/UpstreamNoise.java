package org.integrationhub.common.web;

import io.quarkus.logging.LoggingFilter;

import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Drops two log records that libraries we depend on write for conditions that are expected and harmless, so a
 * database restart or a start does not look like an incident. Each is narrow (message, exception type and the
 * library frame that raises it) and names its upstream issue; remove it when the issue is fixed.
 * <ul>
 * <li>{@code IllegalStateException: Result is already complete} from {@code SqlConnectionPool}: when the
 *     database cannot be reached, every failed connection acquire leaves the pool's connection-timeout timer
 *     running, and when it fires it fails an already failed promise; Vert.x reports that as an unhandled
 *     exception with a stack trace, about one per query during an outage. The query itself has already
 *     failed properly and was answered 503 or retried. Upstream:
 *     https://github.com/eclipse-vertx/vertx-sql-client/issues/1706</li>
 * <li>{@code This Gauge has been already registered (postgresql.queue.size ...)}: Quarkus' Micrometer binder
 *     registers the reactive pool's queue gauge once per pool event loop under the same name; the first one
 *     is kept and the metric is right. Upstream: https://github.com/quarkusio/quarkus/issues/47504</li>
 * </ul>
 * Enabled per handler with {@code quarkus.log.console.filter=upstream-noise} (and the file handler's).
 */
@LoggingFilter(name = "upstream-noise")
public final class UpstreamNoise implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        return !(resultAlreadyComplete(record.getThrown()) || duplicatePoolGauge(record.getMessage()));
    }

    static boolean resultAlreadyComplete(Throwable thrown) {
        if (!(thrown instanceof IllegalStateException) || !"Result is already complete".equals(thrown.getMessage())) {
            return false;
        }
        for (StackTraceElement frame : thrown.getStackTrace()) {
            if (frame.getClassName().startsWith("io.vertx.sqlclient.impl.pool.SqlConnectionPool")) {
                return true;
            }
        }
        return false;
    }

    static boolean duplicatePoolGauge(String message) {
        return message != null && message.contains("This Gauge has been already registered")
                && message.contains("postgresql.queue.size");
    }
}

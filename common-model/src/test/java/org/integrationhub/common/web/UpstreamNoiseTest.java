package org.integrationhub.common.web;

import org.junit.jupiter.api.Test;

import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.assertj.core.api.Assertions.assertThat;

class UpstreamNoiseTest {

    final UpstreamNoise filter = new UpstreamNoise();

    static LogRecord record(String message, Throwable thrown) {
        LogRecord record = new LogRecord(Level.SEVERE, message);
        record.setThrown(thrown);
        return record;
    }

    static IllegalStateException complete(String frameClass) {
        IllegalStateException e = new IllegalStateException("Result is already complete");
        e.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("io.vertx.core.Promise", "fail", "Promise.java", 90),
                new StackTraceElement(frameClass, "lambda$execute$3", "X.java", 216)});
        return e;
    }

    @Test
    void dropsTheSqlPoolsDoubleCompletionOnly() {
        assertThat(filter.isLoggable(record("Unhandled exception",
                complete("io.vertx.sqlclient.impl.pool.SqlConnectionPool")))).isFalse();
        assertThat(filter.isLoggable(record("Unhandled exception", complete("org.integrationhub.Something"))))
                .as("the same message from our own code is a real fault").isTrue();
        assertThat(filter.isLoggable(record("Unhandled exception", new IllegalStateException("other")))).isTrue();
    }

    @Test
    void dropsTheDuplicatePoolGaugeWarningOnly() {
        assertThat(filter.isLoggable(record("This Gauge has been already registered (MeterId{name='postgresql.queue.size', "
                + "tags=[tag(clientName=<default>),tag(clientType=sql)]}), the registration will be ignored.", null)))
                .isFalse();
        assertThat(filter.isLoggable(record("This Gauge has been already registered (MeterId{name='hub.backlog.rows'})",
                null))).isTrue();
        assertThat(filter.isLoggable(record("job process_departments failed", null))).isTrue();
    }
}

package org.integrationhub.devsupport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The log records of the service under test while it is open, for tests that assert what an answer logged (a
 * client's fault must not log an ERROR with a stack trace). It listens on the root logger, which in a Quarkus
 * test is JBoss LogManager's, so it sees every category.
 */
public final class LogCapture implements AutoCloseable {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture() {
        handler.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(handler);
    }

    /** Starts capturing; close it to stop. */
    public static LogCapture start() {
        return new LogCapture();
    }

    /** The records at WARNING or above that carry a stack trace, or at SEVERE (ERROR) whatever they carry. */
    public List<String> errorsOrStackTraces() {
        return records.stream()
                .filter(r -> r.getLevel().intValue() >= Level.SEVERE.intValue()
                        || (r.getLevel().intValue() >= Level.WARNING.intValue() && r.getThrown() != null))
                .map(r -> r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage()
                        + (r.getThrown() == null ? "" : " " + r.getThrown()))
                .toList();
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(handler);
    }
}

package org.integrationhub.common.model;

import io.vertx.pgclient.PgException;

import java.net.ConnectException;
import java.util.Locale;

/** Tells a passing database fault (worth a retry) from one that will recur. */
public final class DatabaseFaults {

    private DatabaseFaults() {
    }

    /** The database cannot be reached or is going away: answer 503, retry later. */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return true;
            }
            if (t instanceof PgException pg) {
                String state = pg.getSqlState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P") || state.equals("53300"))) {
                    return true;
                }
            }
            String name = t.getClass().getSimpleName();
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (name.equals("ClosedConnectionException")
                    || name.equals("AnnotatedConnectException")
                    || message.contains("connection refused")
                    || message.contains("connection was closed")
                    || message.contains("connection reset")
                    // a statement on a held connection the database has already dropped
                    || message.contains("connection is not active now")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** A fault that a later attempt may not meet: unavailable, deadlock, serialization failure. */
    public static boolean isTransient(Throwable failure) {
        if (isUnavailable(failure)) {
            return true;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg) {
                String state = pg.getSqlState();
                return "40001".equals(state) || "40P01".equals(state) || "55P03".equals(state);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}

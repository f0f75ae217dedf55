package org.integrationhub.intake.repository;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells the processors that an interface has new rows ({@code NOTIFY staging_pending, '<interface>'}), so
 * they apply them at once instead of at their next scheduled run. Signals are coalesced: the first accepted
 * record of an interface arms a short timer and one NOTIFY covers every record accepted until it fires.
 * A NOTIFY per insert would serialize every commit on PostgreSQL's notification queue (it halved the insert
 * rate in bench/intake); this costs one NOTIFY per interface per window. Lost signals only cost latency.
 */
@ApplicationScoped
public class PendingSignal {

    private static final Logger LOG = Logger.getLogger(PendingSignal.class);
    static final String NOTIFY = "SELECT pg_notify('staging_pending', $1)";

    @Inject
    Pool pool;
    @Inject
    Vertx vertx;

    @Inject
    org.integrationhub.intake.config.IntakeConfig config;

    private final ConcurrentHashMap<String, Boolean> armed = new ConcurrentHashMap<>();

    /** Records of {@code interfaceName} were stored: signal within the window. */
    public void stored(String interfaceName) {
        java.time.Duration window = config.signalWindow();
        if (window.isZero() || armed.putIfAbsent(interfaceName, Boolean.TRUE) != null) {
            return;
        }
        vertx.setTimer(Math.max(1, window.toMillis()), id -> {
            armed.remove(interfaceName);
            pool.preparedQuery(NOTIFY).execute(Tuple.of(interfaceName)).subscribe().with(
                    ok -> { },
                    failure -> LOG.debugf("signal for %s not sent (the schedule will pick the rows up): %s",
                            interfaceName, failure.getMessage()));
        });
    }
}

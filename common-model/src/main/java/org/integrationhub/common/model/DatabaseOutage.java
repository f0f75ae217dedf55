package org.integrationhub.common.model;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps an outage of the database to two log lines: one WARN when the first operation meets it, one WARN
 * when an operation succeeds again, with how long it lasted. Everything in between that fails for the same
 * reason is expected and stays quiet (DEBUG), so a database restart or a rolling deploy does not look like an
 * incident, and a real fault still logs as one.
 */
@ApplicationScoped
public class DatabaseOutage {

    private static final Logger LOG = Logger.getLogger(DatabaseOutage.class);

    /** System.nanoTime() when the outage began, or 0 while the database answers. */
    private final AtomicLong since = new AtomicLong();
    /** Set as the instance stops: work cut short by the closing pool is expected then, not a fault. */
    private volatile boolean stopping;

    /** hub_database_up: 0 from the first operation that met the outage until one succeeds again, else 1. */
    void metrics(@Observes StartupEvent event, MeterRegistry registry) {
        Gauge.builder("hub.database.up", this, outage -> outage.ongoing() ? 0 : 1)
                .description("1 while this instance reaches the database, 0 during an outage it met")
                .register(registry);
    }

    void onStop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        stopping = true;
    }

    /**
     * Answers true when {@code failure} is the database being unavailable (logged once per outage) or work cut
     * short by this instance stopping (not logged above DEBUG), false when it is something else, which the
     * caller logs itself.
     */
    public boolean absorbs(Throwable failure, String during) {
        if (stopping) {
            LOG.debugf("%s ended by the stop: %s", during, failure.getMessage());
            return true;
        }
        if (!DatabaseFaults.isUnavailable(failure)) {
            return false;
        }
        if (since.compareAndSet(0, System.nanoTime())) {
            LOG.warnf("database unavailable (%s: %s); work resumes by itself when it is back", during,
                    failure.getMessage());
        } else {
            LOG.debugf("database still unavailable (%s): %s", during, failure.getMessage());
        }
        return true;
    }

    /** An operation reached the database: ends an outage, if there was one. */
    public void answered() {
        long began = since.getAndSet(0);
        if (began != 0) {
            LOG.warnf("database available again after %d s; work resumed",
                    Duration.ofNanos(System.nanoTime() - began).toSeconds());
        }
    }

    /** Whether an outage is under way. */
    public boolean ongoing() {
        return since.get() != 0;
    }
}

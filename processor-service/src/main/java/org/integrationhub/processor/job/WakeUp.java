package org.integrationhub.processor.job;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.integrationhub.common.model.DatabaseOutage;
import org.integrationhub.common.model.Transactions;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Applies new rows as soon as they arrive: the intake sends {@code NOTIFY staging_pending, '<interface>'}
 * (once per interface per {@code hub.intake.signal-window}), as does an operator's retry, and this listener
 * drains that interface at once, if its processing job is enabled. One drain per interface at a time; a signal during a drain queues one more.
 * Lost signals (a dropped connection) cost only latency: the schedule still runs every job.
 */
@ApplicationScoped
public class WakeUp {

    private static final Logger LOG = Logger.getLogger(WakeUp.class);

    /** The enabled processing job of an interface, if any, with its args. */
    static final String ENABLED_JOB = """
            SELECT name, target, args FROM scheduled_job
             WHERE enabled AND target = 'staging.process' AND args ->> 'interface' = $1
             ORDER BY priority LIMIT 1""";

    @Inject
    org.integrationhub.processor.config.ProcessorConfig config;
    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> user;
    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    @Inject
    Vertx vertx;
    @Inject
    Pool pool;
    @Inject
    JobRunner runner;
    @Inject
    DatabaseOutage outage;

    private final ConcurrentHashMap<String, Drain> drains = new ConcurrentHashMap<>();
    private PgSubscriber subscriber;

    private static final class Drain {
        final AtomicBoolean running = new AtomicBoolean();
        final AtomicBoolean again = new AtomicBoolean();
    }

    void start(@Observes StartupEvent event) {
        if (!config.wakeUpOnSignal()) {
            return;
        }
        PgConnectOptions options = PgConnectOptions.fromUri(url);
        user.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        subscriber = PgSubscriber.subscriber(vertx, options)
                .reconnectPolicy(retries -> retries < 1_000_000 ? 1_000L : -1L);
        subscriber.channel("staging_pending").handler(this::signal)
                // called after every (re)connection: the listening connection reports its loss to the log only
                .subscribeHandler(() -> Transactions.quiet(subscriber.actualConnection()));
        subscriber.connect().subscribe().with(
                ok -> LOG.info("listening for new staging rows (LISTEN staging_pending)"),
                failure -> LOG.warnf("cannot LISTEN for new rows, relying on the schedule: %s", failure.getMessage()));
    }

    void stop(@Observes ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.closeAndAwait();
        }
    }

    /** A signal for one interface: drain it now, or once more after the drain under way. */
    void signal(String interfaceName) {
        Drain drain = drains.computeIfAbsent(interfaceName, k -> new Drain());
        if (!drain.running.compareAndSet(false, true)) {
            drain.again.set(true);
            return;
        }
        drain.again.set(false);
        drainOnce(interfaceName).subscribe().with(
                rows -> finished(interfaceName, drain),
                failure -> {
                    if (!outage.absorbs(failure, "draining " + interfaceName)) {
                        LOG.warnf("draining %s on a signal failed: %s", interfaceName, failure.getMessage());
                    }
                    finished(interfaceName, drain);
                });
    }

    private void finished(String interfaceName, Drain drain) {
        drain.running.set(false);
        if (drain.again.getAndSet(false)) {
            signal(interfaceName);
        }
    }

    /** Runs the interface's processing job as a SIGNAL run, recorded in the run history like any other. */
    private Uni<Long> drainOnce(String interfaceName) {
        return pool.preparedQuery(ENABLED_JOB).execute(Tuple.of(interfaceName)).chain(rows -> {
            if (rows.size() == 0) {
                return Uni.createFrom().nullItem();
            }
            var job = rows.iterator().next();
            Object args = job.getValue("args");
            return runner.run(job.getString("name"), job.getString("target"),
                    args instanceof JsonObject json ? json : new JsonObject().put("interface", interfaceName), "SIGNAL");
        });
    }
}

package org.integrationhub.processor.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.integrationhub.common.registry.InterfaceDefinition;
import org.integrationhub.common.registry.InterfaceRegistry;

import org.integrationhub.processor.job.IntervalType;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the processor did, for Prometheus at {@code /q/metrics}, without loading the database per scrape:
 * rows applied, failed, skipped, retried and waiting per interface, apply latency, job run durations, and
 * the backlog and oldest pending age per interface from a snapshot refreshed every
 * {@code hub.metrics.backlog-refresh} (one grouped query over open rows only), and per job of the schedule table
 * when a run last finished, its interval and whether it is enabled (the alert on a job that stopped running).
 */
@ApplicationScoped
public class ProcessingMetrics {

    /** Open rows per interface: reads the partial indexes over open rows, not the history. */
    static final String BACKLOG = """
            SELECT interface, count(*) AS rows,
                   coalesce(extract(epoch FROM now() - min(received_at) FILTER (WHERE status = 'PENDING')), 0) AS oldest
              FROM staging_record
             WHERE status IN ('PENDING', 'PROCESSING')
             GROUP BY interface""";

    /** Every job's schedule and when a run of it last finished (or, never run, when it was last changed). */
    static final String JOBS = """
            SELECT name, enabled, interval_number, interval_type,
                   extract(epoch FROM coalesce(last_finished_at, updated_at)) AS last_finished
              FROM scheduled_job""";

    @Inject
    MeterRegistry registry;
    @Inject
    Pool pool;
    @Inject
    org.integrationhub.common.model.DatabaseOutage outage;

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ProcessingMetrics.class);

    private final Map<String, AtomicLong> backlog = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> oldestPendingSeconds = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> jobLastFinished = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> jobInterval = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> jobEnabled = new ConcurrentHashMap<>();
    /** The per-row meters, looked up once each: building a meter's id for every row showed in the profile. */
    private final Map<String, Counter> rowCounters = new ConcurrentHashMap<>();
    private final Map<String, Timer> applyTimers = new ConcurrentHashMap<>();

    static final List<String> OUTCOMES = List.of("PROCESSED", "SKIPPED", "FAILED", "RETRIED", "WAITING");

    /** Groups of rows committed together, {@code hub_commit_groups_total{outcome="committed"}}. */
    private Counter groupsCommitted;
    /** Groups whose transaction broke and whose rows were applied again one per transaction. */
    private Counter groupsRetried;

    /** Both group counters exist before anything can apply a row (a drain may start before StartupEvent ends). */
    @PostConstruct
    void createGroupCounters() {
        groupsCommitted = groupCounter("committed");
        groupsRetried = groupCounter("retried_row_by_row");
    }

    /** Every interface's outcome counters from 0, so that a rate sees their first increment. */
    void registerCounters(@Observes StartupEvent event) {
        for (InterfaceDefinition d : InterfaceRegistry.all()) {
            OUTCOMES.forEach(outcome -> rows(d.name(), outcome));
        }
    }

    private Counter groupCounter(String outcome) {
        return Counter.builder("hub.commit.groups")
                .description("Groups of rows committed together, or applied again row by row when their transaction broke")
                .tags("outcome", outcome).register(registry);
    }

    /** A group of rows committed in one transaction (group commit). */
    public void groupCommitted() {
        groupsCommitted.increment();
    }

    /** A group whose transaction broke (a lost connection, a refused COMMIT): its rows go again one per transaction. */
    public void groupRetriedRowByRow() {
        groupsRetried.increment();
    }

    private Counter rows(String interfaceName, String outcome) {
        return rowCounters.computeIfAbsent(interfaceName + ' ' + outcome, key -> Counter.builder("hub.rows")
                .description("Staging rows handled, by outcome")
                .tags("interface", interfaceName, "outcome", outcome).register(registry));
    }

    /** One row's outcome: PROCESSED, SKIPPED, FAILED, RETRIED or WAITING (or LEASE_LOST). */
    public void row(String interfaceName, String outcome, long nanos) {
        rows(interfaceName, outcome).increment();
        applyTimers.computeIfAbsent(interfaceName, name -> Timer.builder("hub.apply")
                        .description("Time to apply one row and write its outcome")
                        .tags("interface", name).publishPercentileHistogram()
                        .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                        .register(registry))
                .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    public void jobRun(String job, boolean succeeded, long nanos) {
        Timer.builder("hub.job.run").description("Scheduled job run durations")
                .tags("job_name", job, "outcome", succeeded ? "SUCCEEDED" : "FAILED").register(registry)
                .record(Duration.ofNanos(nanos));
    }

    @Scheduled(every = "${hub.metrics.backlog-refresh:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "backlog-metrics")
    Uni<Void> scheduledRefresh() {
        // the gauges keep their last values while the database is away; the outage is logged once, elsewhere
        return refreshBacklog().onFailure().recoverWithUni(failure -> {
            if (!outage.absorbs(failure, "refreshing the backlog gauges")) {
                LOG.warnf("refreshing the backlog gauges failed: %s", failure.toString());
            }
            return Uni.createFrom().voidItem();
        });
    }

    /** Refreshes the cached backlog and job gauges. */
    public Uni<Void> refreshBacklog() {
        return pool.query(BACKLOG).execute().invoke(rows -> {
            for (InterfaceDefinition d : InterfaceRegistry.all()) {
                gauge(backlog, "hub.backlog.rows", "Open (pending or processing) staging rows", d.name()).set(0);
                gauge(oldestPendingSeconds, "hub.oldest.pending.seconds", "Age of the oldest pending row", d.name()).set(0);
            }
            for (Row row : rows) {
                String name = row.getString("interface");
                gauge(backlog, "hub.backlog.rows", "Open (pending or processing) staging rows", name)
                        .set(row.getLong("rows"));
                gauge(oldestPendingSeconds, "hub.oldest.pending.seconds", "Age of the oldest pending row", name)
                        .set(Math.round(row.getNumeric("oldest").doubleValue()));
            }
        }).chain(() -> pool.query(JOBS).execute()).invoke(jobs -> {
            for (Row job : jobs) {
                String name = job.getString("name");
                gauge(jobLastFinished, "hub.job.last.finished.timestamp.seconds",
                        "When a run of the job last finished (never run: when it was last changed), Unix seconds",
                        "job_name", name).set(Math.round(job.getNumeric("last_finished").doubleValue()));
                gauge(jobInterval, "hub.job.interval.seconds", "The job's interval (a month as its average length)",
                        "job_name", name).set(IntervalType.valueOf(job.getString("interval_type").toUpperCase(Locale.ROOT))
                        .approximately(job.getInteger("interval_number")).toSeconds());
                gauge(jobEnabled, "hub.job.enabled", "1 while the job is enabled", "job_name", name)
                        .set(job.getBoolean("enabled") ? 1 : 0);
            }
        }).replaceWithVoid();
    }

    private AtomicLong gauge(Map<String, AtomicLong> values, String meter, String description, String interfaceName) {
        return gauge(values, meter, description, "interface", interfaceName);
    }

    private AtomicLong gauge(Map<String, AtomicLong> values, String meter, String description, String tag,
                             String tagValue) {
        return values.computeIfAbsent(tagValue, k -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(meter, value, AtomicLong::get).description(description)
                    .tags(tag, tagValue).register(registry);
            return value;
        });
    }
}

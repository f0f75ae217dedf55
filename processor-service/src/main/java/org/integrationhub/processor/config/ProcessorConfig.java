package org.integrationhub.processor.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** How the processor claims and applies staging rows. */
@ConfigMapping(prefix = "hub.processor")
public interface ProcessorConfig {

    /** This worker's name in {@code claimed_by}; defaults to the host name and a random suffix. */
    Optional<String> workerId();

    /** How long a claimed row stays leased to this worker before recovery may hand it to another. */
    @WithDefault("PT60S")
    Duration leaseDuration();

    /** Attempts a row gets for passing faults before it is FAILED. */
    @WithDefault("5")
    int maxAttempts();

    /** First retry delay after a passing fault; doubles with each attempt, with jitter. */
    @WithDefault("PT1S")
    Duration retryBase();

    /** Longest retry delay. */
    @WithDefault("PT5M")
    Duration retryMax();

    /** How long a row waits before looking again at a referenced record still in staging. */
    @WithDefault("PT0.5S")
    Duration referenceWait();

    /** Whether new rows wake the processor at once (LISTEN staging_pending); the schedule is the fallback. */
    @WithDefault("true")
    boolean wakeUpOnSignal();

    /** Rows claimed per statement when a job's args do not say. */
    @WithDefault("100")
    int defaultBatchSize();

    /**
     * Rows committed together when a job's args do not say ({@code commitSize}): one transaction for up to this
     * many rows of a batch, each in a savepoint (group commit). {@code 1}: each row in a transaction of its own.
     * Up to 64 keeps each group's subtransactions within PostgreSQL's per-backend cache of them.
     */
    @WithDefault("50")
    int commitSize();

    /** The longest a group of rows stays open before it commits, whatever its size: bounds how long its locks are held. */
    @WithDefault("PT0.1S")
    Duration commitWindow();

    /** How long one run of a processing job may keep claiming batches before it yields. */
    @WithDefault("PT30S")
    Duration runBudget();

    /** How often this instance records that it is alive, and recovers the rows of instances that are not. */
    @WithDefault("PT2S")
    Duration heartbeatInterval();

    /**
     * After how long without a heartbeat an instance counts as dead: its claimed rows go back to work at once,
     * without waiting out their leases. A few heartbeat intervals, so a slow beat is not a death.
     */
    @WithDefault("PT6S")
    Duration workerStaleAfter();

    /** On a graceful stop, how long the rows being applied may take to finish before the rest is handed back. */
    @WithDefault("PT10S")
    Duration stopGrace();
}

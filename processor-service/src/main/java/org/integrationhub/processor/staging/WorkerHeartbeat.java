package org.integrationhub.processor.staging;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.integrationhub.processor.config.ProcessorConfig;
import org.integrationhub.common.model.DatabaseOutage;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Crash recovery in seconds rather than a lease: every {@code heartbeat-interval} this instance records that
 * it is alive, puts back the rows of instances whose heartbeat is older than {@code worker-stale-after}
 * (killed, or cut off from the database), and hands back its own rows that it is no longer applying (their
 * transactions died with a connection, as in a database restart). The leases stay as the last resort.
 */
@ApplicationScoped
public class WorkerHeartbeat {

    private static final Logger LOG = Logger.getLogger(WorkerHeartbeat.class);
    /** A claim's answer is on its way for milliseconds; rows claimed longer ago than this are settled. */
    static final Duration CLAIM_SETTLE = Duration.ofSeconds(5);

    @Inject
    StagingClaimRepository claims;
    @Inject
    StagingProcessor processor;
    @Inject
    ProcessorConfig config;
    @Inject
    DatabaseOutage outage;

    /** Since when this instance's heartbeats have come without a gap (System.nanoTime()). */
    private final AtomicLong beatingSince = new AtomicLong();

    @Scheduled(every = "${hub.processor.heartbeat-interval:PT2S}", delayed = "${hub.scheduler.initial-delay:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "worker-heartbeat")
    Uni<Void> tick() {
        if (processor.stopping()) {
            return Uni.createFrom().voidItem();
        }
        return beat().replaceWithVoid().onFailure().recoverWithUni(failure -> {
            if (!outage.absorbs(failure, "heartbeat")) {
                LOG.warnf("heartbeat failed: %s", failure.toString());
            }
            return Uni.createFrom().voidItem();
        });
    }

    /** When this instance's last heartbeat reached the database (System.nanoTime()), or 0 before the first. */
    private final AtomicLong lastBeat = new AtomicLong();

    /**
     * One heartbeat: alive, recover the dead, release own orphans. Answers the rows put back to work.
     *
     * <p>After an outage every instance's heartbeat is stale at once, live ones too: the first back would
     * take the others' rows. So an instance judges others only once it has itself been beating without a
     * gap, for longer than a stale heartbeat takes; by then the live ones have beaten again too.
     */
    public Uni<Integer> beat() {
        String me = processor.workerId();
        return claims.beat(me)
                .invoke(outage::answered)
                .chain(() -> {
                    long now = System.nanoTime();
                    long previous = lastBeat.getAndSet(now);
                    boolean continuous = previous != 0
                            && now - previous < config.heartbeatInterval().multipliedBy(2).toNanos();
                    if (!continuous) {
                        beatingSince.set(now);
                    }
                    boolean settled = continuous
                            && now - beatingSince.get() >= config.workerStaleAfter().toNanos();
                    return settled ? claims.recoverDead(config.workerStaleAfter()) : Uni.createFrom().item(0);
                })
                .invoke(n -> {
                    if (n > 0) {
                        LOG.warnf("put %d rows of processors that stopped beating back to work", n);
                    }
                })
                .chain(dead -> claims.releaseOrphans(me, config.leaseDuration(), CLAIM_SETTLE, processor.inFlight())
                        .invoke(n -> {
                            if (n > 0) {
                                LOG.infof("handed back %d rows whose transactions ended with a lost connection", n);
                            }
                        })
                        .map(orphans -> dead + orphans));
    }
}

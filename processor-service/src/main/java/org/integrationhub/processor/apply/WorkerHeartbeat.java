package org.integrationhub.processor.apply;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.integrationhub.processor.config.ProcessorConfig;
import org.integrationhub.common.model.DatabaseOutage;
import org.jboss.logging.Logger;

import java.time.Duration;

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

    /** One heartbeat: alive, recover the dead, release own orphans. Answers the rows put back to work. */
    public Uni<Integer> beat() {
        String me = processor.workerId();
        return claims.beat(me)
                .invoke(outage::answered)
                .chain(() -> claims.recoverDead(config.workerStaleAfter()))
                .invoke(n -> {
                    if (n > 0) {
                        LOG.warnf("put %d rows of stopped processors back to work", n);
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

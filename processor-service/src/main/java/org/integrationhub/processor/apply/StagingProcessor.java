package org.integrationhub.processor.apply;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.integrationhub.common.model.ErrorClass;
import org.integrationhub.common.model.RecordStatus;
import org.integrationhub.processor.config.ProcessorConfig;
import org.integrationhub.processor.job.JobTarget;
import org.jboss.logging.Logger;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code staging.process} job target: claims an interface's pending rows in batches and applies each
 * in its own transaction, one outcome per row. A failing row is marked and never undoes or blocks the
 * others. Args: {@code {"interface": "departments", "batchSize": 100}}.
 */
@ApplicationScoped
public class StagingProcessor implements JobTarget {

    private static final Logger LOG = Logger.getLogger(StagingProcessor.class);

    @Inject
    Pool pool;
    @Inject
    StagingClaimRepository claims;
    @Inject
    ProcessorConfig config;
    @Inject
    Clock clock;

    private final Map<String, Applier> appliers = new HashMap<>();
    private String workerId;

    @Inject
    void init(Instance<Applier> all) {
        for (Applier applier : all) {
            appliers.put(applier.interfaceName(), applier);
        }
        workerId = config.workerId().orElseGet(StagingProcessor::defaultWorkerId);
    }

    @Override
    public String name() {
        return "staging.process";
    }

    public String workerId() {
        return workerId;
    }

    @Override
    public Uni<Integer> run(JsonObject args) {
        String interfaceName = args.getString("interface");
        if (interfaceName == null || !appliers.containsKey(interfaceName)) {
            return Uni.createFrom().failure(new IllegalArgumentException(
                    "args.interface must name one of " + appliers.keySet() + ", was " + interfaceName));
        }
        int batchSize = args.getInteger("batchSize", config.defaultBatchSize());
        Instant deadline = clock.instant().plus(config.runBudget());
        return Multi.createBy().repeating().uni(() -> processBatch(interfaceName, batchSize))
                .whilst(handled -> handled == batchSize && clock.instant().isBefore(deadline))
                .collect().with(java.util.stream.Collectors.summingInt(Integer::intValue));
    }

    /** Claims one batch and applies it; answers the number of rows claimed. */
    public Uni<Integer> processBatch(String interfaceName, int batchSize) {
        return claims.claim(interfaceName, workerId, batchSize, config.leaseDuration())
                .chain(rows -> applyAll(rows).replaceWith(rows.size()));
    }

    private Uni<Void> applyAll(List<ClaimedRow> rows) {
        return Multi.createFrom().iterable(rows)
                .onItem().transformToUniAndConcatenate(this::applyOne)
                .collect().last()
                .replaceWithVoid();
    }

    Uni<Void> applyOne(ClaimedRow row) {
        Applier applier = appliers.get(row.interfaceName());
        return pool.withTransaction(conn -> applier.apply(conn, row)
                        .call(outcome -> claims.finish(conn, row, workerId, outcome)))
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> recordFailure(row, failure));
    }

    private Uni<Void> recordFailure(ClaimedRow row, Throwable failure) {
        if (failure instanceof StagingClaimRepository.LeaseLostException) {
            LOG.warnf("%s: %s", workerId, failure.getMessage());
            return Uni.createFrom().voidItem();
        }
        FailureClassifier.Classified classified = FailureClassifier.classify(failure);
        if (classified.errorClass() == ErrorClass.INTERNAL) {
            LOG.errorf(failure, "receipt %s (%s) failed unexpectedly", row.receiptId(), row.interfaceName());
        }
        boolean retry = classified.errorClass().retryable() && row.attempts() < config.maxAttempts();
        RecordStatus status = retry ? RecordStatus.PENDING : RecordStatus.FAILED;
        return claims.fail(row, workerId, status, classified.errorClass(), classified.message())
                .invoke(written -> {
                    if (!written) {
                        LOG.warnf("receipt %s: lease lost before its failure was written", row.receiptId());
                    }
                })
                .replaceWithVoid();
    }

    /** Hands back what this worker holds, so another replica picks it up at once instead of after the lease. */
    void onStop(@Observes ShutdownEvent event) {
        try {
            Integer released = claims.release(workerId).await().atMost(Duration.ofSeconds(5));
            if (released > 0) {
                LOG.infof("%s released %d claimed rows on shutdown", workerId, released);
            }
        } catch (RuntimeException e) {
            LOG.warnf("could not release claimed rows on shutdown: %s", e.getMessage());
        }
    }

    private static String defaultWorkerId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "processor";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}

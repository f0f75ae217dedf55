package org.integrationhub.processor.job;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.integrationhub.common.registry.InterfaceDefinition;
import org.integrationhub.common.registry.InterfaceRegistry;
import org.integrationhub.processor.config.ProcessorConfig;
import org.integrationhub.processor.staging.LeaseRecovery;
import org.integrationhub.processor.staging.Retention;
import org.integrationhub.processor.staging.StagingProcessor;

import java.util.List;
import java.util.Set;

/**
 * The job targets that work on staging: each checks its job's args and calls the staging service that does
 * the work. The schedule knows staging; staging knows nothing of the schedule.
 */
@ApplicationScoped
public class StagingJobs {

    @Inject
    StagingProcessor processor;
    @Inject
    LeaseRecovery recovery;
    @Inject
    Retention retention;
    @Inject
    ProcessorConfig config;

    /**
     * {@code staging.process}: drains an interface's pending rows. Args
     * {@code {"interface": "departments", "batchSize": 100, "commitSize": 50}}; {@code commitSize} 1 commits each row
     * on its own.
     */
    @Produces
    @Singleton
    JobTarget process() {
        List<String> names = InterfaceRegistry.all().stream().map(InterfaceDefinition::name).toList();
        return JobTarget.of("staging.process", (args, errors) -> {
            JobArgs.only(args, Set.of("interface", "batchSize", "commitSize"), errors);
            JobArgs.oneOf(args, "interface", Set.copyOf(names), true, errors);
            JobArgs.integer(args, "batchSize", 1, StagingProcessor.MAX_BATCH_SIZE, false, errors);
            JobArgs.integer(args, "commitSize", 1, StagingProcessor.MAX_BATCH_SIZE, false, errors);
        }, args -> {
            String interfaceName = args.getString("interface");
            if (interfaceName == null || !names.contains(interfaceName)) {
                return Uni.createFrom().failure(new IllegalArgumentException("args.interface must name one of "
                        + names + ", was " + interfaceName));
            }
            return processor.drain(interfaceName, args.getInteger("batchSize", config.defaultBatchSize()),
                    args.getInteger("commitSize", config.commitSize()));
        });
    }

    /** {@code staging.recover}: rows whose worker died go back to PENDING. No args. */
    @Produces
    @Singleton
    JobTarget recover() {
        return JobTarget.of("staging.recover", (args, errors) -> JobArgs.only(args, Set.of(), errors),
                args -> recovery.recover());
    }

    /**
     * {@code staging.retention}: deletes old finished rows, run history and batch answers. Args
     * {@code processedDays} (30), {@code failedDays} (180), {@code runDays} (14), {@code batchSize} (5000).
     */
    @Produces
    @Singleton
    JobTarget purge() {
        return JobTarget.of("staging.retention", (args, errors) -> {
            JobArgs.only(args, Set.of("processedDays", "failedDays", "runDays", "batchSize"), errors);
            for (String days : List.of("processedDays", "failedDays", "runDays")) {
                JobArgs.integer(args, days, 1, 3650, false, errors);
            }
            JobArgs.integer(args, "batchSize", 1, 100_000, false, errors);
        }, args -> retention.purge(new Retention.Periods(args.getInteger("processedDays", 30),
                args.getInteger("failedDays", 180), args.getInteger("runDays", 14), args.getInteger("batchSize", 5000))));
    }
}

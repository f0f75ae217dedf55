package org.integrationhub.processor.job;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.integrationhub.common.problem.FieldError;
import org.integrationhub.common.registry.InterfaceDefinition;
import org.integrationhub.common.registry.InterfaceRegistry;
import org.integrationhub.processor.config.ProcessorConfig;
import org.integrationhub.processor.staging.LeaseRecovery;
import org.integrationhub.processor.staging.Retention;
import org.integrationhub.processor.staging.StagingProcessor;

import java.util.List;
import java.util.Set;

/**
 * The job targets that work on staging: each reads and checks its job's args and calls the staging service
 * that does the work. The schedule knows staging; staging knows nothing of the schedule.
 */
public final class StagingJobs {

    private StagingJobs() {
    }

    /** {@code staging.process}: drains an interface's pending rows. Args {@code {"interface": "departments", "batchSize": 100}}. */
    @ApplicationScoped
    public static class Process implements JobTarget {

        @Inject
        StagingProcessor processor;
        @Inject
        ProcessorConfig config;

        @Override
        public String name() {
            return "staging.process";
        }

        @Override
        public void checkArgs(JsonNode args, List<FieldError> errors) {
            JobArgs.only(args, Set.of("interface", "batchSize"), errors);
            JobArgs.oneOf(args, "interface", Set.copyOf(InterfaceRegistry.all().stream()
                    .map(InterfaceDefinition::name).toList()), true, errors);
            JobArgs.integer(args, "batchSize", 1, StagingProcessor.MAX_BATCH_SIZE, false, errors);
        }

        @Override
        public Uni<Integer> run(JsonObject args) {
            String interfaceName = args.getString("interface");
            if (interfaceName == null || InterfaceRegistry.find(interfaceName).isEmpty()) {
                return Uni.createFrom().failure(new IllegalArgumentException("args.interface must name one of "
                        + InterfaceRegistry.all().stream().map(InterfaceDefinition::name).toList()
                        + ", was " + interfaceName));
            }
            return processor.drain(interfaceName, args.getInteger("batchSize", config.defaultBatchSize()));
        }
    }

    /** {@code staging.recover}: rows whose worker died go back to PENDING. No args. */
    @ApplicationScoped
    public static class Recover implements JobTarget {

        @Inject
        LeaseRecovery recovery;

        @Override
        public String name() {
            return "staging.recover";
        }

        @Override
        public void checkArgs(JsonNode args, List<FieldError> errors) {
            JobArgs.only(args, Set.of(), errors);
        }

        @Override
        public Uni<Integer> run(JsonObject args) {
            return recovery.recover();
        }
    }

    /**
     * {@code staging.retention}: deletes old finished rows, run history and batch answers. Args
     * {@code processedDays} (30), {@code failedDays} (180), {@code runDays} (14), {@code batchSize} (5000).
     */
    @ApplicationScoped
    public static class Purge implements JobTarget {

        @Inject
        Retention retention;

        @Override
        public String name() {
            return "staging.retention";
        }

        @Override
        public void checkArgs(JsonNode args, List<FieldError> errors) {
            JobArgs.only(args, Set.of("processedDays", "failedDays", "runDays", "batchSize"), errors);
            for (String days : List.of("processedDays", "failedDays", "runDays")) {
                JobArgs.integer(args, days, 1, 3650, false, errors);
            }
            JobArgs.integer(args, "batchSize", 1, 100_000, false, errors);
        }

        @Override
        public Uni<Integer> run(JsonObject args) {
            return retention.purge(new Retention.Periods(args.getInteger("processedDays", 30),
                    args.getInteger("failedDays", 180), args.getInteger("runDays", 14),
                    args.getInteger("batchSize", 5000)));
        }
    }
}

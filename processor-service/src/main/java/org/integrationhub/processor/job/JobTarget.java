package org.integrationhub.processor.job;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import org.integrationhub.common.problem.FieldError;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** Something a scheduled job can run, named by the job's {@code target} column. */
public interface JobTarget {

    /** The value of {@code scheduled_job.target} that selects this target. */
    String name();

    /** Runs once with the job's args; answers how many rows it handled. Never blocks the event loop. */
    Uni<Integer> run(JsonObject args);

    /**
     * Adds an error (field {@code args.<name>}) for each arg this target does not take or takes in another
     * range, so an operator's change is refused at the edge instead of failing every run. See {@link JobArgs}.
     */
    void checkArgs(JsonNode args, List<FieldError> errors);

    /** A target from its three parts. */
    static JobTarget of(String name, BiConsumer<JsonNode, List<FieldError>> checkArgs,
                        Function<JsonObject, Uni<Integer>> run) {
        return new JobTarget() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Uni<Integer> run(JsonObject args) {
                return run.apply(args);
            }

            @Override
            public void checkArgs(JsonNode args, List<FieldError> errors) {
                checkArgs.accept(args, errors);
            }
        };
    }
}

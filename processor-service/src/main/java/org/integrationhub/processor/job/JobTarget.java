package org.integrationhub.processor.job;

import io.smallrye.mutiny.Uni;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonObject;
import org.integrationhub.common.problem.FieldError;

import java.util.List;

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
}

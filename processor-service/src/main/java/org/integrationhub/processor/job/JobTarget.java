package org.integrationhub.processor.job;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;

/** Something a scheduled job can run, named by the job's {@code target} column. */
public interface JobTarget {

    /** The value of {@code scheduled_job.target} that selects this target. */
    String name();

    /** Runs once with the job's args; answers how many rows it handled. Never blocks the event loop. */
    Uni<Integer> run(JsonObject args);
}

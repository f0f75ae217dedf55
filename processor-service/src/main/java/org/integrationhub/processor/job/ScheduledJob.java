package org.integrationhub.processor.job;

import io.vertx.core.json.JsonObject;

import java.time.OffsetDateTime;

/**
 * A row of the schedule table, as claimed for a run.
 *
 * @param name           unique job name
 * @param target         the {@link JobTarget} it runs
 * @param args           the target's arguments
 * @param intervalNumber how many interval units between runs
 * @param intervalType   the unit
 * @param priority       lower runs first when several are due
 * @param nextRun        when this run was due
 * @param remainingRuns  runs left before this one; -1 is unlimited
 */
public record ScheduledJob(String name, String target, JsonObject args, int intervalNumber, IntervalType intervalType,
                           int priority, OffsetDateTime nextRun, int remainingRuns) {
}

package org.integrationhub.processor.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.Range;
import org.integrationhub.processor.job.IntervalType;

import java.time.OffsetDateTime;

/**
 * An operator's change to a job (PATCH /api/v1/admin/jobs/{name}): every field optional, what is given must
 * hold. The rules that depend on the job (its interval as a whole, its target's args) or on the clock
 * ({@code nextRun}) are checked by {@link JobResource}.
 */
@Schema(name = "JobChange", description = "The fields to change; fields left out stay as they are")
public record JobChange(
        @Schema(description = "Whether the job runs on its schedule") Boolean enabled,
        @Schema(description = "With intervalType: how often it runs; the interval is at most a year", minimum = "1",
                maximum = "31622400", format = "int32", example = "30")
        @Range(min = 1, max = JobResource.MAX_INTERVAL_SECONDS, message = WHOLE_NUMBER) Long intervalNumber,
        @Schema(enumeration = {"seconds", "minutes", "hours", "days", "weeks", "months"}, example = "seconds")
        @OneOf(value = IntervalType.class, lowerCase = true) String intervalType,
        @Schema(description = "Lower runs first when jobs are due together", minimum = "-10000", maximum = "10000",
                format = "int32")
        @Range(min = -JobResource.MAX_PRIORITY, max = JobResource.MAX_PRIORITY, message = WHOLE_NUMBER) Long priority,
        @Schema(description = "Runs left: -1 for unlimited, 0 stops it", minimum = "-1", maximum = "1000000",
                format = "int32")
        @Range(min = -1, max = JobResource.MAX_REMAINING_RUNS, message = WHOLE_NUMBER) Long remainingRuns,
        @Schema(description = "What the job's target takes: staging.process {interface, batchSize 1-1000}; "
                + "staging.retention {processedDays, failedDays, runDays 1-3650, batchSize 1-100000}; staging.recover "
                + "none", type = SchemaType.OBJECT, implementation = Object.class, example = "{\"interface\": \"departments\", \"batchSize\": 100}")
        ObjectNode args,
        @Schema(description = "When it runs next: from 2000 to a year from now") OffsetDateTime nextRun) {

    static final String WHOLE_NUMBER = "must be a whole number from {min} to {max}";

    Integer intervalNumberValue() {
        return intervalNumber == null ? null : intervalNumber.intValue();
    }

    Integer priorityValue() {
        return priority == null ? null : priority.intValue();
    }

    Integer remainingRunsValue() {
        return remainingRuns == null ? null : remainingRuns.intValue();
    }
}

package org.integrationhub.processor.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hibernate.validator.constraints.Range;
import org.integrationhub.processor.job.IntervalType;

import java.time.OffsetDateTime;

/**
 * An operator's change to a job (PATCH /api/v1/admin/jobs/{name}): every field optional, what is given must
 * hold. The rules that depend on the job (its interval as a whole, its target's args) or on the clock
 * ({@code nextRun}) are checked by {@link JobResource}.
 */
public record JobChange(
        Boolean enabled,
        @Range(min = 1, max = JobResource.MAX_INTERVAL_SECONDS, message = WHOLE_NUMBER) Long intervalNumber,
        @OneOf(value = IntervalType.class, lowerCase = true) String intervalType,
        @Range(min = -JobResource.MAX_PRIORITY, max = JobResource.MAX_PRIORITY, message = WHOLE_NUMBER) Long priority,
        @Range(min = -1, max = JobResource.MAX_REMAINING_RUNS, message = WHOLE_NUMBER) Long remainingRuns,
        ObjectNode args,
        OffsetDateTime nextRun) {

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

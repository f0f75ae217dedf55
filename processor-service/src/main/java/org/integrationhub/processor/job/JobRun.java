package org.integrationhub.processor.job;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

/** One run of a scheduled job. */
@Schema(name = "JobRun")
public record JobRun(
        long id,
        @Schema(example = "process_departments") String jobName,
        @Schema(description = "The processor instance that ran it") String worker,
        @Schema(description = "SCHEDULE, MANUAL (run now) or SIGNAL (new rows)",
                enumeration = {"SCHEDULE", "MANUAL", "SIGNAL"}) String trigger,
        OffsetDateTime startedAt,
        @Schema(description = "null while running") OffsetDateTime finishedAt,
        @Schema(description = "Rows handled") Integer rows,
        @Schema(description = "How it ended; null while running", nullable = true,
                enumeration = {"SUCCEEDED", "FAILED"}) String outcome,
        @Schema(description = "Why it failed") String error) {
}

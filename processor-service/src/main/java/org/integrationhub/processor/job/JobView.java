package org.integrationhub.processor.job;

import io.vertx.core.json.JsonObject;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.Map;

/** A row of the schedule table, as operators see and change it. */
@Schema(name = "Job")
public record JobView(
        @Schema(example = "process_departments") String name,
        String description,
        @Schema(description = "What it runs", example = "staging.process") String target,
        @Schema(description = "The target's arguments", type = SchemaType.OBJECT, implementation = Object.class)
        Map<String, Object> args,
        @Schema(description = "Interval between runs, in intervalType units", example = "2") int intervalNumber,
        @Schema(enumeration = {"seconds", "minutes", "hours", "days", "weeks", "months"}) String intervalType,
        @Schema(description = "Lower runs first when several are due", example = "10") int priority,
        @Schema(description = "When it is next due") OffsetDateTime nextRun,
        @Schema(description = "Runs left; -1 is unlimited, reaching 0 disables the job") int remainingRuns,
        boolean enabled,
        OffsetDateTime lastStartedAt,
        OffsetDateTime lastFinishedAt,
        @Schema(description = "How the last run ended; null before the first", nullable = true,
                enumeration = {"SUCCEEDED", "FAILED"}) String lastOutcome,
        Integer lastRows,
        String lastError) {

    static Map<String, Object> map(Object args) {
        return args instanceof JsonObject json ? json.getMap() : Map.of();
    }
}

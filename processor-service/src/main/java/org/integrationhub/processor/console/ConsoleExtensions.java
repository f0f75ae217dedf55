package org.integrationhub.processor.console;

import io.quarkus.qute.TemplateExtension;
import org.integrationhub.processor.job.JobRun;

import java.time.Duration;
import java.util.Map;

/** Values the console's templates compute from the API's records. */
@TemplateExtension
final class ConsoleExtensions {

    private ConsoleExtensions() {
    }

    /** A business record's value as a cell shows it: nothing for null, an object as one line of JSON. */
    @TemplateExtension(namespace = "hub")
    static String display(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof Map || value instanceof java.util.Collection ? Json.compact(value) : value.toString();
    }

    /** An audit entry's detail as one line of JSON. */
    static String json(Map<String, Object> detail) {
        return Json.compact(detail);
    }

    /** How long a finished run took, in milliseconds. */
    static long millis(JobRun run) {
        return run.finishedAt() == null ? 0 : Duration.between(run.startedAt(), run.finishedAt()).toMillis();
    }
}

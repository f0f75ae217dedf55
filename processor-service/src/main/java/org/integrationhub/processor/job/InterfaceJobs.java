package org.integrationhub.processor.job;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.integrationhub.common.registry.FieldSpec;
import org.integrationhub.common.registry.InterfaceDefinition;
import org.integrationhub.common.registry.InterfaceRegistry;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Every interface in the registry has its processing job, {@code process_<name>}: created at start when absent
 * (every 2 seconds, 100 rows a batch), never changed once it exists, so an operator's schedule survives every
 * release. An interface that references others gets a later priority than what it references, so within a
 * tick parents drain before their children.
 */
@ApplicationScoped
public class InterfaceJobs {

    private static final Logger LOG = Logger.getLogger(InterfaceJobs.class);

    static final int INTERVAL_SECONDS = 2;
    static final int BATCH_SIZE = 100;

    @Inject
    JobScheduleRepository schedule;

    void onStart(@Observes StartupEvent event) {
        for (InterfaceDefinition d : InterfaceRegistry.all()) {
            boolean created = schedule.ensure(jobName(d), "Apply pending " + d.recordLabel() + " records",
                    "staging.process", new JsonObject().put("interface", d.name()).put("batchSize", BATCH_SIZE),
                    INTERVAL_SECONDS, priority(d, 0)).await().atMost(Duration.ofSeconds(30));
            if (created) {
                LOG.infof("created the job %s for the interface %s", jobName(d), d.name());
            }
        }
    }

    /** {@code process_departments}. */
    public static String jobName(InterfaceDefinition d) {
        return "process_" + d.name();
    }

    /** 10 for an interface that references no other, 10 more for each level of interfaces below it. */
    static int priority(InterfaceDefinition d, int depth) {
        int priority = 10;
        if (depth > InterfaceRegistry.all().size()) {
            return priority; // a circle of interfaces: any order drains, waiting rows wait for each other
        }
        for (FieldSpec field : d.referenceFields()) {
            if (field.reference().toInterface() && !d.selfReference(field)) {
                priority = Math.max(priority, 10 + priority(field.reference().target(), depth + 1));
            }
        }
        return priority;
    }
}

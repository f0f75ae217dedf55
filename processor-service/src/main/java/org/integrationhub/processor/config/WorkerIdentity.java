package org.integrationhub.processor.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.InetAddress;
import java.util.UUID;

/** This processor instance's name in {@code claimed_by} and in the job runs: host name and a random suffix. */
@ApplicationScoped
public class WorkerIdentity {

    private final String id;

    @Inject
    public WorkerIdentity(ProcessorConfig config) {
        this.id = config.workerId().orElseGet(WorkerIdentity::defaultId);
    }

    public String id() {
        return id;
    }

    private static String defaultId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "processor";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}

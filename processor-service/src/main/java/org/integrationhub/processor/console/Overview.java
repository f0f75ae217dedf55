package org.integrationhub.processor.console;

import org.integrationhub.processor.job.JobView;

import java.util.List;

/**
 * The overview page: each interface's open rows, and the schedule.
 *
 * @param interfaces one row per interface of the registry, in its order
 * @param jobs       the schedule table, failing jobs first
 */
public record Overview(List<InterfaceRow> interfaces, List<JobView> jobs) {

    /**
     * One interface's rows that need something: waiting, being applied, or failed.
     *
     * @param oldestPending how long its oldest PENDING row has waited; null when none is
     */
    public record InterfaceRow(String name, long pending, long processing, long failed, Age oldestPending) {
    }

    public List<JobView> failingJobs() {
        return jobs.stream().filter(j -> "FAILED".equals(j.lastOutcome())).toList();
    }
}

package org.integrationhub.processor.console;

import org.integrationhub.processor.job.JobView;

import java.util.List;

/**
 * The overview page: each interface's open rows, and the schedule.
 *
 * @param interfaces one row per interface of the registry, in its order
 * @param jobs       the schedule table, failing jobs first
 * @param perMinute  the chart's data, as uPlot takes it: [[minute (epoch seconds)...], [processed...], [failed...]]
 */
public record Overview(List<InterfaceRow> interfaces, List<JobView> jobs, String perMinute) {

    /**
     * One interface's rows that need something: waiting, being applied, or failed.
     *
     * @param oldestPending how long its oldest PENDING row has waited; null when none is
     * @param processedHour rows PROCESSED in the last hour; {@code processedDay} and {@code failedDay} in the last day
     */
    public record InterfaceRow(String name, long pending, long processing, long failed, Age oldestPending,
                               long processedHour, long processedDay, long failedDay) {
    }

    public List<JobView> failingJobs() {
        return jobs.stream().filter(j -> "FAILED".equals(j.lastOutcome())).toList();
    }
}

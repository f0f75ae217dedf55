package org.integrationhub.processor.console;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.integrationhub.common.registry.InterfaceDefinition;
import org.integrationhub.common.registry.InterfaceRegistry;
import org.integrationhub.processor.job.JobScheduleRepository;
import org.integrationhub.processor.job.JobView;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the console's pages read. Every statement here reads through an index that holds only the rows it
 * counts, so a page costs the same with a million processed rows of history as with none.
 */
@ApplicationScoped
public class ConsoleReads {

    /**
     * Open rows per interface and status. One branch per status, each served by the partial index of that
     * status (pending, processing, failed), so the processed history is never read.
     */
    static final String OPEN_ROWS = """
            SELECT interface, 'PENDING' AS status, count(*) AS rows,
                   extract(epoch FROM now() - min(received_at)) AS oldest_seconds
              FROM staging_record WHERE status = 'PENDING' GROUP BY interface
            UNION ALL
            SELECT interface, 'PROCESSING', count(*), NULL
              FROM staging_record WHERE status = 'PROCESSING' GROUP BY interface
            UNION ALL
            SELECT interface, 'FAILED', count(*), NULL
              FROM staging_record WHERE status = 'FAILED' GROUP BY interface""";

    /**
     * Outcomes decided in the last day (and hour) per interface and status, through the index of finished rows
     * by processed_at: the cost follows the last day's traffic, not the history kept.
     */
    static final String OUTCOMES = """
            SELECT interface, status, count(*) AS day,
                   count(*) FILTER (WHERE processed_at > now() - interval '1 hour') AS hour
              FROM staging_record
             WHERE status IN ('PROCESSED', 'SKIPPED', 'FAILED') AND processed_at > now() - interval '1 day'
             GROUP BY interface, status""";

    /** Processed and failed rows per minute over the last {@value #CHART_HOURS} hours, for the chart. */
    static final String PER_MINUTE = """
            SELECT extract(epoch FROM date_trunc('minute', processed_at))::bigint AS minute,
                   count(*) FILTER (WHERE status = 'PROCESSED') AS processed,
                   count(*) FILTER (WHERE status = 'FAILED') AS failed
              FROM staging_record
             WHERE status IN ('PROCESSED', 'SKIPPED', 'FAILED') AND processed_at > now() - interval '3 hours'
             GROUP BY 1 ORDER BY 1""";

    static final int CHART_HOURS = 3;

    @Inject
    Pool pool;
    @Inject
    JobScheduleRepository schedule;

    public Uni<Overview> overview() {
        return pool.query(OPEN_ROWS).execute().chain(rows -> pool.query(OUTCOMES).execute().chain(outcomes ->
                pool.query(PER_MINUTE).execute().chain(minutes -> schedule.list().map(jobs -> {
            Map<String, Map<String, Row>> done = new HashMap<>();
            for (Row row : outcomes) {
                done.computeIfAbsent(row.getString("interface"), i -> new HashMap<>()).put(row.getString("status"), row);
            }
            Map<String, Map<String, Row>> open = new HashMap<>();
            for (Row row : rows) {
                open.computeIfAbsent(row.getString("interface"), i -> new HashMap<>()).put(row.getString("status"), row);
            }
            List<Overview.InterfaceRow> interfaces = new ArrayList<>();
            for (InterfaceDefinition d : InterfaceRegistry.all()) {
                Map<String, Row> byStatus = open.getOrDefault(d.name(), Map.of());
                Row pending = byStatus.get("PENDING");
                Map<String, Row> decided = done.getOrDefault(d.name(), Map.of());
                Row processed = decided.get("PROCESSED");
                interfaces.add(new Overview.InterfaceRow(d.name(), count(pending), count(byStatus.get("PROCESSING")),
                        count(byStatus.get("FAILED")), pending == null ? null : Age.of(pending.getDouble("oldest_seconds")),
                        processed == null ? 0 : processed.getLong("hour"), count(processed, "day"),
                        count(decided.get("FAILED"), "day")));
            }
            List<JobView> ordered = new ArrayList<>(jobs);
            ordered.sort(Comparator.comparing((JobView j) -> !"FAILED".equals(j.lastOutcome())));
            JsonArray series = new JsonArray().add(new JsonArray()).add(new JsonArray()).add(new JsonArray());
            for (Row m : minutes) {
                series.getJsonArray(0).add(m.getLong("minute"));
                series.getJsonArray(1).add(m.getLong("processed"));
                series.getJsonArray(2).add(m.getLong("failed"));
            }
            return new Overview(interfaces, ordered, series.encode());
        }))));
    }

    private static long count(Row row) {
        return count(row, "rows");
    }

    private static long count(Row row, String column) {
        return row == null ? 0 : row.getLong(column);
    }
}

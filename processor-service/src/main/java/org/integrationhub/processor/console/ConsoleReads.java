package org.integrationhub.processor.console;

import io.smallrye.mutiny.Uni;
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

    @Inject
    Pool pool;
    @Inject
    JobScheduleRepository schedule;

    public Uni<Overview> overview() {
        return pool.query(OPEN_ROWS).execute().chain(rows -> schedule.list().map(jobs -> {
            Map<String, Map<String, Row>> open = new HashMap<>();
            for (Row row : rows) {
                open.computeIfAbsent(row.getString("interface"), i -> new HashMap<>()).put(row.getString("status"), row);
            }
            List<Overview.InterfaceRow> interfaces = new ArrayList<>();
            for (InterfaceDefinition d : InterfaceRegistry.all()) {
                Map<String, Row> byStatus = open.getOrDefault(d.name(), Map.of());
                Row pending = byStatus.get("PENDING");
                interfaces.add(new Overview.InterfaceRow(d.name(), count(pending), count(byStatus.get("PROCESSING")),
                        count(byStatus.get("FAILED")), pending == null ? null : Age.of(pending.getDouble("oldest_seconds"))));
            }
            List<JobView> ordered = new ArrayList<>(jobs);
            ordered.sort(Comparator.comparing((JobView j) -> !"FAILED".equals(j.lastOutcome())));
            return new Overview(interfaces, ordered);
        }));
    }

    private static long count(Row row) {
        return row == null ? 0 : row.getLong("rows");
    }
}

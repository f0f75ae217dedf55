package org.integrationhub.common.registry;

import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * At start, after the migrations, checks that the database has what every declaration needs: its staging
 * partition ({@code staging_<name>} for the value {@code <name>}), its business table with a column for each
 * field and the bookkeeping every record has, and each master data table it references. A declaration whose
 * migration is missing or wrong stops the service with a message naming what to add, instead of failing each
 * record later.
 */
@ApplicationScoped
public class SchemaCheck {

    /** Each partition of staging_record with its bound, such as FOR VALUES IN ('departments'). */
    static final String PARTITIONS = """
            SELECT c.relname AS partition, pg_get_expr(c.relpartbound, c.oid) AS bound
              FROM pg_inherits i
              JOIN pg_class c ON c.oid = i.inhrelid
              JOIN pg_class p ON p.oid = i.inhparent
             WHERE p.relname = 'staging_record' AND p.relnamespace = current_schema()::regnamespace""";

    static final String COLUMNS = """
            SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()""";

    static final List<String> BOOKKEEPING = List.of("id", "source_system", "external_id", "last_sent_at",
            "last_receipt_id", "created_at", "updated_at");

    @Inject
    Pool pool;

    void onStart(@Observes StartupEvent event) {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The database does not match the interface declarations; add a migration "
                    + "(docs/adding-an-interface.md):\n- " + String.join("\n- ", problems));
        }
    }

    /** What the database lacks for the declarations; empty when it has everything. */
    public List<String> problems() {
        Map<String, String> partitions = new HashMap<>();
        for (Row r : pool.query(PARTITIONS).execute().await().atMost(Duration.ofSeconds(30))) {
            partitions.put(r.getString("partition"), r.getString("bound"));
        }
        Map<String, Set<String>> columns = new HashMap<>();
        for (Row r : pool.query(COLUMNS).execute().await().atMost(Duration.ofSeconds(30))) {
            columns.computeIfAbsent(r.getString("table_name"), k -> new HashSet<>()).add(r.getString("column_name"));
        }
        return problems(InterfaceRegistry.all(), partitions, columns);
    }

    static List<String> problems(List<InterfaceDefinition> interfaces, Map<String, String> partitions,
                                 Map<String, Set<String>> columns) {
        List<String> problems = new ArrayList<>();
        for (InterfaceDefinition d : interfaces) {
            String bound = partitions.get(d.stagingTable());
            if (bound == null || !bound.equals("FOR VALUES IN ('" + d.name() + "')")) {
                problems.add(d.name() + ": no staging partition; CREATE TABLE " + d.stagingTable()
                        + " PARTITION OF staging_record FOR VALUES IN ('" + d.name() + "');");
            }
            Set<String> table = columns.get(d.businessTable());
            if (table == null) {
                problems.add(d.name() + ": no business table " + d.businessTable());
                continue;
            }
            List<String> wanted = new ArrayList<>(BOOKKEEPING);
            for (FieldSpec field : d.fields()) {
                if (field.type() == FieldType.OBJECT) {
                    field.fields().forEach(inner -> wanted.add(inner.column()));
                } else {
                    wanted.add(field.column());
                }
                if (field.reference() != null && !field.reference().toInterface()
                        && !columns.containsKey(field.reference().table())) {
                    problems.add(d.name() + "." + field.name() + ": no master data table " + field.reference().table());
                }
            }
            List<String> missing = wanted.stream().filter(c -> !table.contains(c)).toList();
            if (!missing.isEmpty()) {
                problems.add(d.name() + ": the business table " + d.businessTable() + " lacks the columns " + missing);
            }
        }
        return problems;
    }
}

package org.integrationhub.processor.business;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.integrationhub.common.registry.InterfaceDefinition;
import org.integrationhub.common.registry.InterfaceRegistry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The business tables of every interface in the registry: their write SQL for the applier and their reads
 * for the read API, both generated from the declarations once, at start.
 */
@ApplicationScoped
public class BusinessRecords {

    private final Map<String, BusinessTable> tables = new LinkedHashMap<>();
    private final Map<String, BusinessQueries> queries = new LinkedHashMap<>();

    @Inject
    Pool pool;

    public BusinessRecords() {
        for (InterfaceDefinition d : InterfaceRegistry.all()) {
            tables.put(d.name(), new BusinessTable(d));
            queries.put(d.name(), new BusinessQueries(d));
        }
    }

    /** The write SQL of the interface {@code name}'s table. */
    public BusinessTable table(String name) {
        BusinessTable table = tables.get(name);
        if (table == null) {
            throw new IllegalArgumentException("no interface " + name);
        }
        return table;
    }

    /** The active record with {@code code}, else the most recently archived one; null when there is none. */
    public Uni<Map<String, Object>> find(InterfaceDefinition d, String code) {
        BusinessQueries q = queries.get(d.name());
        return BusinessReads.one(pool, q.findByCode, Tuple.of(code), q::record);
    }

    /** One page in code order, filtered by the common filters and the declared ones ({@code filters}, by field name). */
    public Uni<Page<Map<String, Object>>> list(InterfaceDefinition d, ListQuery query, Map<String, String> filters) {
        BusinessQueries q = queries.get(d.name());
        return BusinessReads.page(pool, q.list, q.count, q.filterParameters(query, filters), query, q::record);
    }

    /** Whether the interface references itself, so its records form trees. */
    public boolean hasSubtrees(InterfaceDefinition d) {
        return queries.get(d.name()).subtree != null;
    }

    /**
     * The record with {@code code} and every record below it, depth first in code order, each as
     * {@code {depth, <record label>: record}}; empty when no record has this code.
     */
    public Uni<List<Map<String, Object>>> subtree(InterfaceDefinition d, String code, boolean includeArchived) {
        BusinessQueries q = queries.get(d.name());
        String key = d.recordLabel();
        return BusinessReads.all(pool, q.subtree, Tuple.of(code, includeArchived), r -> {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("depth", r.getInteger("depth"));
            node.put(key, q.record(r));
            return node;
        });
    }
}

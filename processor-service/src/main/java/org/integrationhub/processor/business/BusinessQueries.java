package org.integrationhub.processor.business;

import io.vertx.mutiny.sqlclient.Row;
import org.integrationhub.common.registry.FieldSpec;
import org.integrationhub.common.registry.InterfaceDefinition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The read SQL of one interface's business table, generated from its declaration: a record by code, a
 * filtered page in code order with its count, and for an interface that references itself (a tree) a
 * record's subtree. A reference to an interface is read back as the referenced record's code.
 */
final class BusinessQueries {

    /** The bookkeeping columns every business table has, and their names in the API. */
    private static final Map<String, String> BOOKKEEPING = bookkeeping();

    /** The active record with this code ($1), else the most recently archived one. */
    static final String FIND_BY_CODE = "SELECT %s\n  FROM %s\n WHERE t.code = $1\n"
            + " ORDER BY t.active DESC, t.updated_at DESC\n LIMIT 1";

    /**
     * The record with code $1 (as {@link #FIND_BY_CODE} picks it) and everything below it through the
     * self-reference column %3$s, depth first in code order; archived descendants only when $2.
     */
    static final String SUBTREE = """
            WITH RECURSIVE tree (id, depth, path) AS (
                SELECT id, 0, ARRAY[code]
                  FROM (SELECT id, code FROM %2$s WHERE code = $1
                         ORDER BY active DESC, updated_at DESC LIMIT 1) root
                UNION ALL
                SELECT c.id, tree.depth + 1, tree.path || c.code
                  FROM %2$s c JOIN tree ON c.%3$s = tree.id
                 WHERE ($2 OR c.active) AND tree.depth < 100)
            SELECT tree.depth, %1$s
              FROM tree JOIN %2$s t ON t.id = tree.id%4$s
             ORDER BY tree.path""";

    private final InterfaceDefinition definition;
    private final List<BusinessTable.Column> columns;
    private final String select;
    private final String from;
    final String findByCode;
    final String list;
    final String count;
    /** Null when the interface does not reference itself. */
    final String subtree;

    BusinessQueries(InterfaceDefinition definition) {
        this.definition = definition;
        this.columns = BusinessTable.columns(definition);
        List<String> selected = new ArrayList<>();
        StringBuilder joins = new StringBuilder();
        Map<String, String> filterExpressions = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            BusinessTable.Column c = columns.get(i);
            String expression = "t." + c.name();
            if (c.field().storesId()) {
                String alias = "r" + i;
                joins.append("\n  LEFT JOIN ").append(c.field().reference().table()).append(' ').append(alias)
                        .append(" ON ").append(alias).append(".id = t.").append(c.name());
                expression = alias + ".code";
            }
            selected.add(expression + " AS c" + i);
            if (c.parent() == null) {
                filterExpressions.put(c.field().name(), expression);
            }
        }
        BOOKKEEPING.keySet().forEach(column -> selected.add("t." + column));
        select = String.join(", ", selected);
        from = definition.businessTable() + " t" + joins;
        findByCode = FIND_BY_CODE.formatted(select, from);
        List<String> conditions = new ArrayList<>(List.of("($1::boolean IS NULL OR t.active = $1)",
                "($2::timestamptz IS NULL OR t.updated_at >= $2)"));
        int p = 3;
        for (FieldSpec filter : definition.filters()) {
            conditions.add("($" + p + "::text IS NULL OR " + filterExpressions.get(filter.name()) + "::text = $" + p + ")");
            p++;
        }
        String where = " WHERE " + String.join("\n   AND ", conditions);
        list = "SELECT " + select + "\n  FROM " + from + "\n" + where + "\n ORDER BY t.code, t.id\n LIMIT $" + p
                + " OFFSET $" + (p + 1);
        count = "SELECT count(*)\n  FROM " + from + "\n" + where;
        FieldSpec parent = definition.parentField().orElse(null);
        subtree = parent == null ? null : SUBTREE.formatted(select, definition.businessTable(), parent.column(), joins);
    }

    /** A row as the API shows the record: the declared fields (objects nested, null when empty), then bookkeeping. */
    Map<String, Object> record(Row row) {
        Map<String, Object> record = new LinkedHashMap<>();
        Map<String, Map<String, Object>> objects = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            BusinessTable.Column c = columns.get(i);
            Object value = row.getValue("c" + i);
            if (c.parent() == null) {
                record.put(c.field().name(), value);
            } else {
                Map<String, Object> object = objects.computeIfAbsent(c.parent().name(), k -> {
                    Map<String, Object> created = new LinkedHashMap<>();
                    record.put(k, created);
                    return created;
                });
                object.put(c.field().name(), value);
            }
        }
        objects.forEach((name, object) -> {
            if (object.values().stream().allMatch(v -> v == null)) {
                record.put(name, null);
            }
        });
        BOOKKEEPING.forEach((column, name) -> record.put(name, row.getValue(column)));
        return record;
    }

    /** The list's filter parameters: active, updatedSince, then each declared filter's value (null for any). */
    List<Object> filterParameters(ListQuery query, Map<String, String> filters) {
        List<Object> params = new ArrayList<>();
        params.add(query.active());
        params.add(query.updatedSince());
        for (FieldSpec filter : definition.filters()) {
            params.add(filters.get(filter.name()));
        }
        return params;
    }

    private static Map<String, String> bookkeeping() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("source_system", "sourceSystem");
        columns.put("external_id", "externalId");
        columns.put("last_sent_at", "lastSentAt");
        columns.put("last_receipt_id", "lastReceiptId");
        columns.put("created_at", "createdAt");
        columns.put("updated_at", "updatedAt");
        return columns;
    }
}

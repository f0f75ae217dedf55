package org.integrationhub.processor.business;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The read side's shared steps: one record by code, one page of a filtered list with its total. */
public final class BusinessReads {

    private BusinessReads() {
    }

    /** A jsonb value as plain maps and lists, so that Jackson writes it as the JSON it was. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> plain(JsonObject json) {
        return (Map<String, Object>) Json.decodeValue(json.encode(), Map.class);
    }

    static <T> Uni<T> one(Pool pool, String sql, Tuple params, Function<Row, T> mapper) {
        return pool.preparedQuery(sql).execute(params)
                .map(rows -> rows.size() == 0 ? null : mapper.apply(rows.iterator().next()));
    }

    public static <T> Uni<List<T>> all(Pool pool, String sql, Tuple params, Function<Row, T> mapper) {
        return pool.preparedQuery(sql).execute(params).map(rows -> {
            List<T> items = new ArrayList<>(rows.size());
            for (Row row : rows) {
                items.add(mapper.apply(row));
            }
            return items;
        });
    }

    /**
     * Runs {@code listSql} with the filter parameters followed by limit and offset, and {@code countSql} with
     * the filter parameters alone.
     */
    public static <T> Uni<Page<T>> page(Pool pool, String listSql, String countSql, List<Object> filter, ListQuery query,
                                 Function<Row, T> mapper) {
        List<Object> listParams = new ArrayList<>(filter);
        listParams.add(query.size());
        listParams.add(query.offset());
        return all(pool, listSql, Tuple.from(listParams), mapper).chain(items ->
                pool.preparedQuery(countSql).execute(Tuple.from(filter))
                        .map(rows -> new Page<>(items, query.page(), query.size(),
                                rows.iterator().next().getLong(0))));
    }
}

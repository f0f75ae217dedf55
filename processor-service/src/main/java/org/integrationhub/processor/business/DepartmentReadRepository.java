package org.integrationhub.processor.business;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Arrays;
import java.util.List;

/** Reads departments for the operator API. */
@ApplicationScoped
public class DepartmentReadRepository {

    static final String FROM = "FROM department d LEFT JOIN department p ON p.id = d.parent_id";

    /** The active department with this code, else the most recently archived one. */
    static final String FIND_BY_CODE = "SELECT " + DepartmentView.COLUMNS + " " + FROM + "\n" + """
             WHERE d.code = $1
             ORDER BY d.active DESC, d.updated_at DESC
             LIMIT 1""";

    /** $1 active, $2 parent's code, $3 updated since; each null for any. */
    static final String FILTER = """
             WHERE ($1::boolean IS NULL OR d.active = $1)
               AND ($2::text IS NULL OR p.code = $2)
               AND ($3::timestamptz IS NULL OR d.updated_at >= $3)""";

    static final String LIST = "SELECT " + DepartmentView.COLUMNS + " " + FROM + "\n" + FILTER + "\n" + """
             ORDER BY d.code, d.id
             LIMIT $4 OFFSET $5""";

    static final String COUNT = "SELECT count(*) " + FROM + "\n" + FILTER;

    /**
     * The department with code $1 (as {@link #FIND_BY_CODE} picks it) and everything below it, depth first in
     * code order; archived descendants only when $2.
     */
    static final String SUBTREE = """
            WITH RECURSIVE tree (id, depth, path) AS (
                SELECT id, 0, ARRAY[code]
                  FROM (SELECT id, code FROM department WHERE code = $1
                         ORDER BY active DESC, updated_at DESC LIMIT 1) root
                UNION ALL
                SELECT c.id, t.depth + 1, t.path || c.code
                  FROM department c JOIN tree t ON c.parent_id = t.id
                 WHERE ($2 OR c.active) AND t.depth < 100)
            SELECT t.depth, """ + DepartmentView.COLUMNS + "\n" + """
              FROM tree t JOIN department d ON d.id = t.id LEFT JOIN department p ON p.id = d.parent_id
             ORDER BY t.path""";

    @Inject
    Pool pool;

    public Uni<DepartmentView> findByCode(String code) {
        return BusinessReads.one(pool, FIND_BY_CODE, Tuple.of(code), DepartmentView::of);
    }

    public Uni<Page<DepartmentView>> list(ListQuery query, String parentCode) {
        return BusinessReads.page(pool, LIST, COUNT, Arrays.asList(query.active(), parentCode, query.updatedSince()),
                query, DepartmentView::of);
    }

    /** Empty when no department has this code. */
    public Uni<List<DepartmentNode>> subtree(String code, boolean includeArchived) {
        return BusinessReads.all(pool, SUBTREE, Tuple.of(code, includeArchived),
                r -> new DepartmentNode(r.getInteger("depth"), DepartmentView.of(r)));
    }
}

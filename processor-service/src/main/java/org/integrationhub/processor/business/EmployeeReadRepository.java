package org.integrationhub.processor.business;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Arrays;

/** Reads employees for the operator API. */
@ApplicationScoped
public class EmployeeReadRepository {

    static final String FROM = "FROM employee e JOIN department d ON d.id = e.department_id";

    /** The active employee with this code, else the most recently archived one. */
    static final String FIND_BY_CODE = "SELECT " + EmployeeView.COLUMNS + " " + FROM + "\n" + """
             WHERE e.code = $1
             ORDER BY e.active DESC, e.updated_at DESC
             LIMIT 1""";

    /** $1 active, $2 department's code, $3 updated since; each null for any. */
    static final String FILTER = """
             WHERE ($1::boolean IS NULL OR e.active = $1)
               AND ($2::text IS NULL OR d.code = $2)
               AND ($3::timestamptz IS NULL OR e.updated_at >= $3)""";

    static final String LIST = "SELECT " + EmployeeView.COLUMNS + " " + FROM + "\n" + FILTER + "\n" + """
             ORDER BY e.code, e.id
             LIMIT $4 OFFSET $5""";

    static final String COUNT = "SELECT count(*) " + FROM + "\n" + FILTER;

    @Inject
    Pool pool;

    public Uni<EmployeeView> findByCode(String code) {
        return BusinessReads.one(pool, FIND_BY_CODE, Tuple.of(code), EmployeeView::of);
    }

    public Uni<Page<EmployeeView>> list(ListQuery query, String departmentCode) {
        return BusinessReads.page(pool, LIST, COUNT, Arrays.asList(query.active(), departmentCode,
                query.updatedSince()), query, EmployeeView::of);
    }
}

package org.integrationhub.processor.business;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Arrays;
import java.util.List;

/** Reads partners and partner categories for the operator API. */
@ApplicationScoped
public class PartnerReadRepository {

    static final String FROM = "FROM partner t LEFT JOIN partner p ON p.id = t.parent_id";

    /** The active partner with this code, else the most recently archived one. */
    static final String FIND_BY_CODE = "SELECT " + PartnerView.COLUMNS + " " + FROM + "\n" + """
             WHERE t.code = $1
             ORDER BY t.active DESC, t.updated_at DESC
             LIMIT 1""";

    /** $1 active, $2 category, $3 parent company's code, $4 type, $5 updated since; each null for any. */
    static final String FILTER = """
             WHERE ($1::boolean IS NULL OR t.active = $1)
               AND ($2::text IS NULL OR t.category_code = $2)
               AND ($3::text IS NULL OR p.code = $3)
               AND ($4::text IS NULL OR t.type = $4)
               AND ($5::timestamptz IS NULL OR t.updated_at >= $5)""";

    static final String LIST = "SELECT " + PartnerView.COLUMNS + " " + FROM + "\n" + FILTER + "\n" + """
             ORDER BY t.code, t.id
             LIMIT $6 OFFSET $7""";

    static final String COUNT = "SELECT count(*) " + FROM + "\n" + FILTER;

    static final String CATEGORIES = "SELECT code, name, active FROM partner_category ORDER BY code";

    @Inject
    Pool pool;

    public Uni<PartnerView> findByCode(String code) {
        return BusinessReads.one(pool, FIND_BY_CODE, Tuple.of(code), PartnerView::of);
    }

    public Uni<Page<PartnerView>> list(ListQuery query, String categoryCode, String parentCode, String type) {
        return BusinessReads.page(pool, LIST, COUNT, Arrays.asList(query.active(), categoryCode, parentCode, type,
                query.updatedSince()), query, PartnerView::of);
    }

    public Uni<List<PartnerCategoryView>> categories() {
        return BusinessReads.all(pool, CATEGORIES, Tuple.tuple(),
                r -> new PartnerCategoryView(r.getString("code"), r.getString("name"), r.getBoolean("active")));
    }
}

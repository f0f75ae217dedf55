package org.integrationhub.intake.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.integrationhub.common.registry.Reference;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers which of a set of codes name what a {@link Reference} may name for the sending source system: an
 * active business record that same source system sent, or one it sent that is still waiting in staging, or
 * master data the hub owns (partner categories). A source can neither see nor attach to another source's
 * records. One statement per reference for a whole batch; the staged half uses the partial index
 * {@code staging_record_waiting_code_idx}. The table and column come from the declaration, never a request.
 */
@ApplicationScoped
public class ReferenceRepository {

    /**
     * Records of an interface: %1$s its business table; %2$s and %3$s its condition on the business and the
     * staged side, or nothing. $1 the codes, $2 the source system, $3 the interface, and with a condition $4 the
     * condition's field and $5 its value.
     */
    static final String RECORDS = """
            SELECT code FROM %1$s
             WHERE code = ANY ($1) AND active AND source_system = $2%2$s
            UNION
            SELECT payload ->> 'code' FROM staging_record
             WHERE interface = $3 AND source_system = $2 AND payload ->> 'code' = ANY ($1)%3$s
               AND status IN ('PENDING', 'PROCESSING') AND operation <> 'DELETE'""";

    /** The condition of a reference (a parent must be a COMPANY) on a business column %s. */
    static final String BUSINESS_CONDITION = " AND %s = $5";
    static final String STAGED_CONDITION = " AND payload ->> $4 = $5";

    /** Master data: %s its table. $1 the codes; $2 the source system, unused (all sources share it). */
    static final String MASTER_DATA = """
            SELECT code FROM %s WHERE code = ANY ($1) AND active AND $2::text IS NOT NULL""";

    @Inject
    Pool pool;

    private final Map<Reference, String> sqlByReference = new ConcurrentHashMap<>();

    /** The subset of {@code codes} that names what {@code reference} may name, as {@code sourceSystem} sees it. */
    public Uni<Set<String>> existing(Reference reference, String sourceSystem, Set<String> codes) {
        if (codes.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        String[] array = codes.toArray(String[]::new);
        Tuple params = !reference.toInterface() ? Tuple.of(array, sourceSystem)
                : reference.whereField() == null ? Tuple.of(array, sourceSystem, reference.targetInterface())
                : Tuple.of(array, sourceSystem, reference.targetInterface(), reference.whereField(), reference.whereValue());
        return pool.preparedQuery(sqlByReference.computeIfAbsent(reference, ReferenceRepository::statement))
                .execute(params).map(rows -> {
            Set<String> found = new HashSet<>();
            for (Row row : rows) {
                found.add(row.getString(0));
            }
            return found;
        });
    }

    /** The statement for {@code reference}. */
    static String statement(Reference reference) {
        if (!reference.toInterface()) {
            return MASTER_DATA.formatted(reference.table());
        }
        if (reference.whereField() == null) {
            return RECORDS.formatted(reference.table(), "", "");
        }
        String column = reference.target().field(reference.whereField()).orElseThrow().column();
        return RECORDS.formatted(reference.table(), BUSINESS_CONDITION.formatted(column), STAGED_CONDITION);
    }
}

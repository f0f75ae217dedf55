package org.integrationhub.intake.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.integrationhub.common.registry.ReferenceKind;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Answers which of a set of codes name master data the sending source system may reference: an active
 * business record that same source system sent, or one it sent that is still waiting in staging, or master
 * data the hub owns (partner categories). A source can neither see nor attach to another source's records. One statement per kind of reference for a
 * whole batch; the staged half uses the partial index {@code staging_record_waiting_code_idx}.
 */
@ApplicationScoped
public class ReferenceRepository {

    static final Map<ReferenceKind, String> EXISTING = new EnumMap<>(Map.of(
            ReferenceKind.DEPARTMENT, """
                    SELECT code FROM department WHERE code = ANY ($1) AND active AND source_system = $2
                    UNION
                    SELECT payload ->> 'code' FROM staging_record
                     WHERE interface = 'departments' AND source_system = $2 AND payload ->> 'code' = ANY ($1)
                       AND status IN ('PENDING', 'PROCESSING') AND operation <> 'DELETE'""",
            ReferenceKind.PARTNER_CATEGORY, """
                    SELECT code FROM partner_category WHERE code = ANY ($1) AND active AND $2::text IS NOT NULL""",
            ReferenceKind.COMPANY_PARTNER, """
                    SELECT code FROM partner WHERE code = ANY ($1) AND active AND type = 'COMPANY' AND source_system = $2
                    UNION
                    SELECT payload ->> 'code' FROM staging_record
                     WHERE interface = 'partners' AND source_system = $2 AND payload ->> 'code' = ANY ($1)
                       AND payload ->> 'type' = 'COMPANY'
                       AND status IN ('PENDING', 'PROCESSING') AND operation <> 'DELETE'"""));

    @Inject
    Pool pool;

    /** The subset of {@code codes} that names a record of {@code kind} visible to {@code sourceSystem}. */
    public Uni<Set<String>> existing(ReferenceKind kind, String sourceSystem, Set<String> codes) {
        if (codes.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return pool.preparedQuery(EXISTING.get(kind))
                .execute(Tuple.of(codes.toArray(String[]::new), sourceSystem))
                .map(rows -> {
                    Set<String> found = new HashSet<>();
                    for (Row row : rows) {
                        found.add(row.getString(0));
                    }
                    return found;
                });
    }
}

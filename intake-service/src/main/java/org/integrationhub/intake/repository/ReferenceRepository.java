package org.integrationhub.intake.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.integrationhub.common.registry.InterfaceDefinition;

/**
 * Answers whether a code names master data: an active business record, or a record the same source
 * system has sent that is still waiting in staging (a parent sent just before its child).
 */
@ApplicationScoped
public class ReferenceRepository {

    /**
     * %1$s is the referenced interface's business table, from the registry (never from a request).
     * The staged half uses the partial index staging_record_waiting_code_idx.
     */
    static final String EXISTS = """
            SELECT EXISTS (SELECT 1 FROM %1$s WHERE code = $1 AND active)
                OR EXISTS (SELECT 1 FROM staging_record
                            WHERE interface = $2 AND source_system = $3 AND payload ->> 'code' = $1
                              AND status IN ('PENDING', 'PROCESSING') AND operation <> 'DELETE') AS found""";

    @Inject
    Pool pool;

    public Uni<Boolean> exists(InterfaceDefinition target, String sourceSystem, String code) {
        return pool.preparedQuery(EXISTS.formatted(target.businessTable()))
                .execute(Tuple.of(code, target.name(), sourceSystem))
                .map(rows -> rows.iterator().next().getBoolean("found"));
    }
}

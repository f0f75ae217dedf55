package org.integrationhub.processor.business;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The department table's write SQL, run on the applier's transaction. */
@ApplicationScoped
public class DepartmentWriteRepository extends LinkedTable {

    static final String INSERT = """
            INSERT INTO department (code, name, parent_id, cost_center, active, source_system, external_id,
                                    last_sent_at, last_receipt_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)""";

    static final String UPDATE = """
            UPDATE department
               SET code = $2, name = $3, parent_id = $4, cost_center = $5, active = $6,
                   last_sent_at = $7, last_receipt_id = $8, updated_at = now()
             WHERE id = $1""";

    static final String ACTIVE_DEPENDANTS = """
            (SELECT 'department ' || code FROM department WHERE parent_id = $1 AND active ORDER BY code LIMIT 10)
            UNION ALL
            (SELECT 'employee ' || code FROM employee WHERE department_id = $1 AND active ORDER BY code LIMIT 10)""";

    /** The fields a row sets. */
    public record Values(String code, String name, Long parentId, String costCenter, boolean active) {
    }

    public DepartmentWriteRepository() {
        super("department");
    }

    public Uni<Void> insert(SqlConnection conn, Values v, String sourceSystem, String externalId,
                            OffsetDateTime sentAt, UUID receiptId) {
        return conn.preparedQuery(INSERT).execute(Tuple.from(Arrays.asList(v.code(), v.name(), v.parentId(),
                v.costCenter(), v.active(), sourceSystem, externalId, sentAt, receiptId))).replaceWithVoid();
    }

    public Uni<Void> update(SqlConnection conn, long id, Values v, OffsetDateTime sentAt, UUID receiptId) {
        return conn.preparedQuery(UPDATE).execute(Tuple.from(Arrays.asList(id, v.code(), v.name(), v.parentId(),
                v.costCenter(), v.active(), sentAt, receiptId))).replaceWithVoid();
    }

    /** Active child departments and active employees. */
    @Override
    public Uni<List<String>> activeDependants(SqlConnection conn, long id) {
        return names(conn, ACTIVE_DEPENDANTS, id);
    }
}

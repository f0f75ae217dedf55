package org.integrationhub.processor.business;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The department table's write SQL, run on the applier's transaction. */
@ApplicationScoped
public class DepartmentWriteRepository {

    static final String LOCK_BY_SOURCE = """
            SELECT id, last_sent_at, active FROM department
             WHERE source_system = $1 AND external_id = $2
               FOR UPDATE""";

    static final String ACTIVE_ID_BY_CODE = "SELECT id FROM department WHERE code = $1 AND active";

    /** Walks up from the would-be parent $1: meeting the department $2 on the way means a loop. */
    static final String PARENT_WOULD_LOOP = """
            WITH RECURSIVE up (id, parent_id) AS (
                SELECT id, parent_id FROM department WHERE id = $1
                UNION
                SELECT d.id, d.parent_id FROM department d JOIN up ON d.id = up.parent_id)
            SELECT EXISTS (SELECT 1 FROM up WHERE id = $2) AS found""";

    static final String INSERT = """
            INSERT INTO department (code, name, parent_id, cost_center, active, source_system, external_id,
                                    last_sent_at, last_receipt_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)""";

    static final String UPDATE = """
            UPDATE department
               SET code = $2, name = $3, parent_id = $4, cost_center = $5, active = $6,
                   last_sent_at = $7, last_receipt_id = $8, updated_at = now()
             WHERE id = $1""";

    static final String ARCHIVE = """
            UPDATE department SET active = false, last_sent_at = $2, last_receipt_id = $3, updated_at = now()
             WHERE id = $1""";

    static final String ACTIVE_DEPENDANTS = """
            (SELECT 'department ' || code FROM department WHERE parent_id = $1 AND active ORDER BY code LIMIT 10)
            UNION ALL
            (SELECT 'employee ' || code FROM employee WHERE department_id = $1 AND active ORDER BY code LIMIT 10)""";

    /** The department linked to a partner record, locked for this transaction. */
    public record Linked(long id, OffsetDateTime lastSentAt, boolean active) {
    }

    /** The fields a row sets. */
    public record Values(String code, String name, Long parentId, String costCenter, boolean active) {
    }

    public Uni<Optional<Linked>> lockBySource(SqlConnection conn, String sourceSystem, String externalId) {
        return conn.preparedQuery(LOCK_BY_SOURCE).execute(Tuple.of(sourceSystem, externalId))
                .map(rows -> first(rows).map(r -> new Linked(r.getLong("id"), r.getOffsetDateTime("last_sent_at"),
                        r.getBoolean("active"))));
    }

    public Uni<Optional<Long>> activeIdByCode(SqlConnection conn, String code) {
        return conn.preparedQuery(ACTIVE_ID_BY_CODE).execute(Tuple.of(code))
                .map(rows -> first(rows).map(r -> r.getLong("id")));
    }

    /** Whether making {@code parentId} the parent of {@code departmentId} would make it its own ancestor. */
    public Uni<Boolean> parentWouldLoop(SqlConnection conn, long departmentId, long parentId) {
        return conn.preparedQuery(PARENT_WOULD_LOOP).execute(Tuple.of(parentId, departmentId))
                .map(rows -> rows.iterator().next().getBoolean("found"));
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

    public Uni<Void> archive(SqlConnection conn, long id, OffsetDateTime sentAt, UUID receiptId) {
        return conn.preparedQuery(ARCHIVE).execute(Tuple.of(id, sentAt, receiptId)).replaceWithVoid();
    }

    /** Up to ten active children and ten active employees, named, for the message of a refused archive. */
    public Uni<List<String>> activeDependants(SqlConnection conn, long id) {
        return conn.preparedQuery(ACTIVE_DEPENDANTS).execute(Tuple.of(id)).map(rows -> {
            List<String> names = new ArrayList<>();
            for (Row row : rows) {
                names.add(row.getString(0));
            }
            return names;
        });
    }

    private static Optional<Row> first(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next());
    }
}

package org.integrationhub.processor.business;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The employee table's write SQL, run on the applier's transaction. */
@ApplicationScoped
public class EmployeeWriteRepository extends LinkedTable {

    static final String INSERT = """
            INSERT INTO employee (code, name, department_id, title, email, phone, hire_date, active, source_system,
                                  external_id, last_sent_at, last_receipt_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)""";

    static final String UPDATE = """
            UPDATE employee
               SET code = $2, name = $3, department_id = $4, title = $5, email = $6, phone = $7, hire_date = $8,
                   active = $9, last_sent_at = $10, last_receipt_id = $11, updated_at = now()
             WHERE id = $1""";

    /** The fields a row sets. */
    public record Values(String code, String name, long departmentId, String title, String email, String phone,
                         LocalDate hireDate, boolean active) {
    }

    public EmployeeWriteRepository() {
        super("employee");
    }

    public Uni<Void> insert(SqlConnection conn, Values v, String sourceSystem, String externalId,
                            OffsetDateTime sentAt, UUID receiptId) {
        return conn.preparedQuery(INSERT).execute(Tuple.from(Arrays.asList(v.code(), v.name(), v.departmentId(),
                v.title(), v.email(), v.phone(), v.hireDate(), v.active(), sourceSystem, externalId, sentAt,
                receiptId))).replaceWithVoid();
    }

    public Uni<Void> update(SqlConnection conn, long id, Values v, OffsetDateTime sentAt, UUID receiptId) {
        return conn.preparedQuery(UPDATE).execute(Tuple.from(Arrays.asList(id, v.code(), v.name(), v.departmentId(),
                v.title(), v.email(), v.phone(), v.hireDate(), v.active(), sentAt, receiptId))).replaceWithVoid();
    }

    /** Nothing points at an employee. */
    @Override
    public Uni<List<String>> activeDependants(SqlConnection conn, long id) {
        return Uni.createFrom().item(List.of());
    }
}

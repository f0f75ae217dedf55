package org.integrationhub.processor.apply;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.integrationhub.common.registry.InterfaceRegistry;
import org.integrationhub.processor.business.DepartmentWriteRepository;
import org.integrationhub.processor.business.EmployeeWriteRepository;
import org.integrationhub.processor.business.EmployeeWriteRepository.Values;
import org.integrationhub.processor.business.LinkedTable;
import org.integrationhub.processor.business.LinkedTable.Linked;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Employee rows: {@code departmentCode} must name an active department, or one the same source system
 * staged (the employee waits for it, and fails naming it if it fails). Nothing points at an employee, so
 * archiving is always allowed.
 */
@ApplicationScoped
public class EmployeeApplier extends LinkedRecordApplier {

    @Inject
    EmployeeWriteRepository employees;
    @Inject
    DepartmentWriteRepository departments;

    @Override
    public String interfaceName() {
        return InterfaceRegistry.EMPLOYEES.name();
    }

    @Override
    protected LinkedTable table() {
        return employees;
    }

    @Override
    protected Uni<Void> write(SqlConnection conn, ClaimedRow row, Optional<Linked> existing) {
        JsonObject data = row.payload();
        String departmentCode = data.getString("departmentCode");
        return reference(conn, row, () -> departments.activeIdByCode(conn, row.sourceSystem(), departmentCode),
                InterfaceRegistry.DEPARTMENTS.name(), departmentCode, "department " + departmentCode, null)
                .chain(departmentId -> {
                    String hireDate = data.getString("hireDate");
                    Values values = new Values(data.getString("code"), data.getString("name"), departmentId,
                            data.getString("title"), data.getString("email"), data.getString("phone"),
                            hireDate == null ? null : LocalDate.parse(hireDate), data.getBoolean("active", true));
                    return existing.isPresent()
                            ? employees.update(conn, existing.get().id(), values, row.sentAt(), row.receiptId())
                            : employees.insert(conn, values, row.sourceSystem(), row.externalId(), row.sentAt(),
                                    row.receiptId());
                });
    }
}

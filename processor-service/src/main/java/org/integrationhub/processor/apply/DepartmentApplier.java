package org.integrationhub.processor.apply;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.integrationhub.common.registry.InterfaceRegistry;
import org.integrationhub.processor.business.DepartmentWriteRepository;
import org.integrationhub.processor.business.DepartmentWriteRepository.Values;
import org.integrationhub.processor.business.LinkedTable;
import org.integrationhub.processor.business.LinkedTable.Linked;

import java.util.Optional;

/**
 * Department rows: {@code parentCode} must name an active department (or one still staged, which is
 * applied first), and a department never becomes its own ancestor. Archiving is refused while active
 * child departments or employees point at it.
 */
@ApplicationScoped
public class DepartmentApplier extends LinkedRecordApplier {

    @Inject
    DepartmentWriteRepository departments;

    @Override
    public String interfaceName() {
        return InterfaceRegistry.DEPARTMENTS.name();
    }

    @Override
    protected LinkedTable table() {
        return departments;
    }

    @Override
    protected Uni<Void> write(SqlConnection conn, ClaimedRow row, Optional<Linked> existing) {
        JsonObject data = row.payload();
        String parentCode = data.getString("parentCode");
        Uni<Long> parent = parentCode == null ? Uni.createFrom().nullItem()
                : reference(conn, row, () -> departments.activeIdByCode(conn, row.sourceSystem(), parentCode),
                        interfaceName(), parentCode, "parent department " + parentCode, "parentCode")
                        .chain(id -> withoutLoop(conn, existing, id, "parent department " + parentCode));
        return parent.chain(parentId -> {
            Values values = new Values(data.getString("code"), data.getString("name"), parentId,
                    data.getString("costCenter"), data.getBoolean("active", true));
            return existing.isPresent()
                    ? departments.update(conn, existing.get().id(), values, row.sentAt(), row.receiptId())
                    : departments.insert(conn, values, row.sourceSystem(), row.externalId(), row.sentAt(), row.receiptId());
        });
    }
}

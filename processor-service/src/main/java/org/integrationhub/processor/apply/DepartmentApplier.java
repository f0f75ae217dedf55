package org.integrationhub.processor.apply;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.integrationhub.common.model.ErrorClass;
import org.integrationhub.common.registry.InterfaceRegistry;
import org.integrationhub.processor.business.DepartmentWriteRepository;
import org.integrationhub.processor.business.DepartmentWriteRepository.Linked;
import org.integrationhub.processor.business.DepartmentWriteRepository.Values;

import java.util.Optional;

/**
 * Applies department rows: CREATE inserts or (on a resend) updates the department linked to the
 * partner record; UPDATE needs it; DELETE archives it unless active children or employees point at it.
 * A row older than the last change applied to its department is SKIPPED. A department never becomes
 * its own ancestor.
 */
@ApplicationScoped
public class DepartmentApplier implements Applier {

    @Inject
    DepartmentWriteRepository departments;
    @Inject
    StagedReferences staged;

    @Override
    public String interfaceName() {
        return InterfaceRegistry.DEPARTMENTS.name();
    }

    @Override
    public Uni<ApplyOutcome> apply(SqlConnection conn, ClaimedRow row) {
        return departments.lockBySource(conn, row.sourceSystem(), row.externalId()).chain(existing -> {
            if (existing.isPresent() && row.sentAt().isBefore(existing.get().lastSentAt())) {
                return Uni.createFrom().item(ApplyOutcome.skipped("stale: sent at " + row.sentAt()
                        + ", but a change sent at " + existing.get().lastSentAt() + " was already applied"));
            }
            return switch (row.operation()) {
                case CREATE -> upsert(conn, row, existing);
                case UPDATE -> existing.isPresent() ? upsert(conn, row, existing)
                        : Uni.createFrom().failure(ApplyException.noSuchRecord(row));
                case DELETE -> existing.isPresent() ? archive(conn, row, existing.get())
                        : Uni.createFrom().failure(ApplyException.noSuchRecord(row));
            };
        });
    }

    private Uni<ApplyOutcome> upsert(SqlConnection conn, ClaimedRow row, Optional<Linked> existing) {
        JsonObject data = row.payload();
        String parentCode = data.getString("parentCode");
        Uni<Long> parent = parentCode == null ? Uni.createFrom().nullItem() : resolveParent(conn, row, parentCode, existing);
        return parent.chain(parentId -> {
            Values values = new Values(data.getString("code"), data.getString("name"), parentId,
                    data.getString("costCenter"), data.getBoolean("active", true));
            return existing.isPresent()
                    ? departments.update(conn, existing.get().id(), values, row.sentAt(), row.receiptId())
                    : departments.insert(conn, values, row.sourceSystem(), row.externalId(), row.sentAt(), row.receiptId());
        }).replaceWith(ApplyOutcome.processed());
    }

    private Uni<Long> resolveParent(SqlConnection conn, ClaimedRow row, String parentCode, Optional<Linked> existing) {
        return departments.activeIdByCode(conn, parentCode).chain(found -> {
            if (found.isEmpty()) {
                return staged.missing(conn, interfaceName(), row.sourceSystem(), parentCode,
                        "parent department " + parentCode);
            }
            long parentId = found.get();
            if (existing.isEmpty()) {
                return Uni.createFrom().item(parentId);
            }
            return departments.parentWouldLoop(conn, existing.get().id(), parentId).map(loops -> {
                if (loops) {
                    throw new ApplyException(ErrorClass.VALIDATION, "parent department " + parentCode
                            + " is this department or one of its descendants; a department cannot be its own ancestor");
                }
                return parentId;
            });
        });
    }

    private Uni<ApplyOutcome> archive(SqlConnection conn, ClaimedRow row, Linked existing) {
        return departments.activeDependants(conn, existing.id()).chain(dependants -> {
            if (!dependants.isEmpty()) {
                return Uni.createFrom().failure(new ApplyException(ErrorClass.CONFLICT,
                        "cannot archive: still referenced by active " + String.join(", ", dependants)));
            }
            return departments.archive(conn, existing.id(), row.sentAt(), row.receiptId())
                    .replaceWith(ApplyOutcome.processed());
        });
    }
}

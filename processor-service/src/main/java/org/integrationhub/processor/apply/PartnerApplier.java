package org.integrationhub.processor.apply;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.integrationhub.common.model.ErrorClass;
import org.integrationhub.common.registry.InterfaceRegistry;
import org.integrationhub.processor.business.LinkedTable;
import org.integrationhub.processor.business.LinkedTable.Linked;
import org.integrationhub.processor.business.PartnerWriteRepository;
import org.integrationhub.processor.business.PartnerWriteRepository.Values;

import java.util.Optional;

/**
 * Partner rows (the HRP's res.partner): {@code categoryCode} must name an active partner category;
 * {@code parentCode} must name an active company partner (a person with a company parent is its contact),
 * never the partner itself or one of its descendants. A company with active contacts can be neither
 * archived nor turned into a person.
 */
@ApplicationScoped
public class PartnerApplier extends LinkedRecordApplier {

    static final String COMPANY = "COMPANY";

    @Inject
    PartnerWriteRepository partners;

    @Override
    public String interfaceName() {
        return InterfaceRegistry.PARTNERS.name();
    }

    @Override
    protected LinkedTable table() {
        return partners;
    }

    @Override
    protected Uni<Void> write(SqlConnection conn, ClaimedRow row, Optional<Linked> existing) {
        JsonObject data = row.payload();
        String categoryCode = data.getString("categoryCode");
        String parentCode = data.getString("parentCode");
        String type = data.getString("type");
        return partners.categoryActive(conn, categoryCode).chain(active -> {
            if (!active) {
                throw new ApplyException(ErrorClass.REFERENCE, "partner category " + categoryCode
                        + " does not exist or is inactive");
            }
            return parentCode == null ? Uni.createFrom().<Long>nullItem() : parent(conn, row, parentCode, existing);
        }).call(parentId -> existing.isPresent() && !COMPANY.equals(type)
                ? contactsStayWithACompany(conn, existing.get())
                : Uni.createFrom().voidItem()
        ).chain(parentId -> {
            JsonObject address = data.getJsonObject("address", new JsonObject());
            Values values = new Values(data.getString("code"), data.getString("name"), type, categoryCode,
                    data.getString("taxId"), parentId, data.getString("email"), data.getString("phone"),
                    address.getString("line1"), address.getString("city"), address.getString("province"),
                    address.getString("postalCode"), address.getString("countryCode"), data.getBoolean("active", true));
            return existing.isPresent()
                    ? partners.update(conn, existing.get().id(), values, row.sentAt(), row.receiptId())
                    : partners.insert(conn, values, row.sourceSystem(), row.externalId(), row.sentAt(), row.receiptId());
        });
    }

    private Uni<Long> parent(SqlConnection conn, ClaimedRow row, String parentCode, Optional<Linked> existing) {
        String label = "parent partner " + parentCode;
        return reference(conn, row, () -> partners.activeByCode(conn, row.sourceSystem(), parentCode).map(found -> {
            if (found.isPresent() && !COMPANY.equals(found.get().type())) {
                throw new ApplyException(ErrorClass.VALIDATION, label + " is a person; a parent must be a company");
            }
            return found.map(PartnerWriteRepository.Typed::id);
        }), interfaceName(), parentCode, label, "parentCode")
                .chain(parentId -> withoutLoop(conn, existing, parentId, label));
    }

    private Uni<Void> contactsStayWithACompany(SqlConnection conn, Linked existing) {
        return partners.activeDependants(conn, existing.id()).invoke(contacts -> {
            if (!contacts.isEmpty()) {
                throw new ApplyException(ErrorClass.CONFLICT, "cannot become a person: still the company of active "
                        + String.join(", ", contacts));
            }
        }).replaceWithVoid();
    }
}

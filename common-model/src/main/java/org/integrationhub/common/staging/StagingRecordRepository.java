package org.integrationhub.common.staging;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** Reads staging rows for receipts and the operator API. */
@ApplicationScoped
@WithSession
public class StagingRecordRepository implements PanacheRepositoryBase<StagingRecord, UUID> {

    /** The receipt, if it belongs to {@code sourceSystem}: a caller never sees another system's rows. */
    public Uni<StagingRecord> findReceipt(UUID receiptId, String sourceSystem) {
        return find("receiptId = ?1 and sourceSystem = ?2", receiptId, sourceSystem).firstResult();
    }

    /** Every receipt of one record of {@code sourceSystem}, newest sentAt first (index staging_record_record_idx). */
    public Uni<List<StagingRecord>> findRecordReceipts(String interfaceName, String sourceSystem, String externalId) {
        return list("interfaceName = ?1 and sourceSystem = ?2 and externalId = ?3 order by sentAt desc, receivedAt desc",
                interfaceName, sourceSystem, externalId);
    }
}

package org.integrationhub.common.staging;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Reads staging rows for receipts and the operator API. */
@ApplicationScoped
@WithSession
public class StagingRecordRepository implements PanacheRepositoryBase<StagingRecord, UUID> {

    /** The receipt, if it belongs to {@code sourceSystem}: a caller never sees another system's rows. */
    public Uni<StagingRecord> findReceipt(UUID receiptId, String sourceSystem) {
        return find("receiptId = ?1 and sourceSystem = ?2", receiptId, sourceSystem).firstResult();
    }
}

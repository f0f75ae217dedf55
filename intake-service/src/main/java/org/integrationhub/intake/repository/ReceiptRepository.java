package org.integrationhub.intake.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.integrationhub.common.staging.Receipt;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads a partner's receipts: one by its id, or every receipt of one record. Only the caller's own rows. */
@ApplicationScoped
public class ReceiptRepository {

    static final String COLUMNS = """
            receipt_id, interface, source_system, external_id, operation, sent_at, received_at, status, error_message,
            attempts, processed_at, trace_parent""";

    /** $1 receipt id, $2 source system: another system's receipt is not found. */
    static final String RECEIPT = "SELECT " + COLUMNS + """
             FROM staging_record
            WHERE receipt_id = $1 AND source_system = $2""";

    /** $1 interface, $2 source system, $3 external id; newest sentAt first (index staging_record_record_idx). */
    static final String RECORD_RECEIPTS = "SELECT " + COLUMNS + """
             FROM staging_record
            WHERE interface = $1 AND source_system = $2 AND external_id = $3
            ORDER BY sent_at DESC, received_at DESC""";

    @Inject
    Pool pool;

    /** The receipt, or null when there is none of {@code sourceSystem}'s: a caller never sees another system's rows. */
    public Uni<Receipt> find(UUID receiptId, String sourceSystem) {
        return pool.preparedQuery(RECEIPT).execute(Tuple.of(receiptId, sourceSystem))
                .map(rows -> rows.size() == 0 ? null : StagingWriteRepository.receipt(rows.iterator().next()));
    }

    /** Every receipt of one record of {@code sourceSystem}, newest sentAt first. */
    public Uni<List<Receipt>> ofRecord(String interfaceName, String sourceSystem, String externalId) {
        return pool.preparedQuery(RECORD_RECEIPTS).execute(Tuple.of(interfaceName, sourceSystem, externalId))
                .map(ReceiptRepository::receipts);
    }

    private static List<Receipt> receipts(RowSet<Row> rows) {
        List<Receipt> receipts = new ArrayList<>(rows.size());
        rows.forEach(row -> receipts.add(StagingWriteRepository.receipt(row)));
        return receipts;
    }
}

package org.integrationhub.intake.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.integrationhub.common.model.Operation;
import org.integrationhub.common.model.RecordStatus;
import org.integrationhub.common.staging.Receipt;
import org.integrationhub.common.validation.Envelope;

import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/** Stores accepted records as PENDING staging rows. The intake never writes business tables. */
@ApplicationScoped
public class StagingWriteRepository {

    /**
     * One statement: the row and its receipt, or nothing. A second request with the same idempotency
     * key inserts nothing (the unique index), and the caller reads the original instead.
     */
    static final String INSERT = """
            INSERT INTO staging_record (receipt_id, interface, source_system, external_id, operation, sent_at,
                                        payload, idempotency_key, request_hash)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            ON CONFLICT (interface, source_system, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
            RETURNING receipt_id, interface, source_system, external_id, operation, sent_at, received_at, status,
                      error_message, attempts, processed_at""";

    static final String FIND_BY_IDEMPOTENCY_KEY = """
            SELECT receipt_id, interface, source_system, external_id, operation, sent_at, received_at, status,
                   error_message, attempts, processed_at, request_hash
              FROM staging_record
             WHERE interface = $1 AND source_system = $2 AND idempotency_key = $3""";

    @Inject
    Pool pool;

    /** The stored receipt, or empty when a row with this idempotency key already exists. */
    public Uni<Optional<Receipt>> insert(UUID receiptId, String interfaceName, Envelope envelope,
                                         String idempotencyKey, byte[] requestHash) {
        Tuple params = Tuple.from(Arrays.asList(
                receiptId, interfaceName, envelope.sourceSystem(), envelope.externalId(), envelope.operation().name(),
                envelope.sentAt(), new JsonObject(envelope.data().toString()), idempotencyKey,
                Buffer.buffer(requestHash)));
        return pool.preparedQuery(INSERT).execute(params)
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(receipt(rows.iterator().next())));
    }

    /** The row an idempotency key already stored, with the digest of the request that stored it. */
    public Uni<Optional<StoredRequest>> findByIdempotencyKey(String interfaceName, String sourceSystem, String key) {
        return pool.preparedQuery(FIND_BY_IDEMPOTENCY_KEY).execute(Tuple.of(interfaceName, sourceSystem, key))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(new StoredRequest(
                        receipt(rows.iterator().next()), rows.iterator().next().getBuffer("request_hash").getBytes())));
    }

    static Receipt receipt(Row row) {
        return new Receipt(row.getUUID("receipt_id"), row.getString("interface"), row.getString("source_system"),
                row.getString("external_id"), Operation.valueOf(row.getString("operation")),
                row.getOffsetDateTime("sent_at"), row.getOffsetDateTime("received_at"),
                RecordStatus.valueOf(row.getString("status")), row.getString("error_message"),
                row.getInteger("attempts"), row.getOffsetDateTime("processed_at"));
    }

    /** A receipt and the digest of the request behind it. */
    public record StoredRequest(Receipt receipt, byte[] requestHash) {
    }
}

package org.integrationhub.intake.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.integrationhub.common.model.Operation;
import org.integrationhub.common.model.RecordStatus;
import org.integrationhub.common.staging.Receipt;
import org.integrationhub.common.tracing.Traces;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Stores accepted records as PENDING staging rows. The intake never writes business tables. */
@ApplicationScoped
public class StagingWriteRepository {

    /**
     * One statement for a whole batch (a single record is a batch of one): every row with its receipt,
     * or none (a single record uses {@link #INSERT_ONE}). A row whose idempotency key is already stored is skipped (the unique index), and the
     * caller reads the original instead.
     */
    static final String INSERT_ALL = """
            INSERT INTO staging_record (receipt_id, interface, source_system, external_id, operation, sent_at,
                                        payload, idempotency_key, request_hash, trace_parent, correlation_id)
            SELECT r.receipt_id, $1, $2, r.external_id, r.operation, r.sent_at, r.payload::jsonb,
                   r.idempotency_key, r.request_hash, $10, $11
              FROM unnest($3::uuid[], $4::text[], $5::text[], $6::timestamptz[], $7::text[], $8::text[], $9::bytea[])
                   AS r (receipt_id, external_id, operation, sent_at, payload, idempotency_key, request_hash)
            ON CONFLICT (interface, source_system, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
            RETURNING receipt_id, interface, source_system, external_id, operation, sent_at, received_at, status,
                      error_message, attempts, processed_at, trace_parent""";

    /** The same for a single record: plain VALUES, cheaper for PostgreSQL than unnesting arrays of one. */
    static final String INSERT_ONE = """
            INSERT INTO staging_record (receipt_id, interface, source_system, external_id, operation, sent_at,
                                        payload, idempotency_key, request_hash, trace_parent, correlation_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7::text::jsonb, $8, $9, $10, $11)
            ON CONFLICT (interface, source_system, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
            RETURNING receipt_id, interface, source_system, external_id, operation, sent_at, received_at, status,
                      error_message, attempts, processed_at, trace_parent""";

    static final String FIND_BY_IDEMPOTENCY_KEYS = """
            SELECT receipt_id, interface, source_system, external_id, operation, sent_at, received_at, status,
                   error_message, attempts, processed_at, trace_parent, idempotency_key, request_hash
              FROM staging_record
             WHERE interface = $1 AND source_system = $2 AND idempotency_key = ANY ($3)""";

    @Inject
    Pool pool;

    /** A record to store. */
    public record NewRow(UUID receiptId, String externalId, Operation operation, OffsetDateTime sentAt,
                         String payloadJson, String idempotencyKey, byte[] requestHash) {
    }

    /** The request a row came with: its W3C traceparent and correlation id, either of them null when absent. */
    public record RequestContext(String traceParent, String correlationId) {
    }

    /** A row an idempotency key already holds, with the digest of the request that stored it. */
    public record StoredRequest(Receipt receipt, byte[] requestHash) {
    }

    /**
     * Stores the rows on {@code client} (the pool, or a transaction's connection), each with the trace context and
     * correlation id of the request that brought them; answers the receipts of those stored, by receipt id (absent:
     * key already used).
     */
    public Uni<Map<UUID, Receipt>> insertAll(SqlClient client, String interfaceName, String sourceSystem,
                                             RequestContext request, List<NewRow> rows) {
        if (rows.size() == 1) {
            NewRow row = rows.get(0);
            Tuple params = Tuple.tuple()
                    .addUUID(row.receiptId()).addString(interfaceName).addString(sourceSystem)
                    .addString(row.externalId()).addString(row.operation().name()).addOffsetDateTime(row.sentAt())
                    .addString(row.payloadJson()).addString(row.idempotencyKey())
                    .addValue(row.requestHash() == null ? null : Buffer.buffer(row.requestHash()))
                    .addString(request.traceParent()).addString(request.correlationId());
            return client.preparedQuery(INSERT_ONE).execute(params).map(StagingWriteRepository::receipts);
        }
        int n = rows.size();
        UUID[] ids = new UUID[n];
        String[] externalIds = new String[n];
        String[] operations = new String[n];
        OffsetDateTime[] sentAts = new OffsetDateTime[n];
        String[] payloads = new String[n];
        String[] keys = new String[n];
        Buffer[] hashes = new Buffer[n];
        for (int i = 0; i < n; i++) {
            NewRow row = rows.get(i);
            ids[i] = row.receiptId();
            externalIds[i] = row.externalId();
            operations[i] = row.operation().name();
            sentAts[i] = row.sentAt();
            payloads[i] = row.payloadJson();
            keys[i] = row.idempotencyKey();
            hashes[i] = row.requestHash() == null ? null : Buffer.buffer(row.requestHash());
        }
        Tuple params = Tuple.tuple()
                .addString(interfaceName).addString(sourceSystem)
                .addArrayOfUUID(ids).addArrayOfString(externalIds).addArrayOfString(operations)
                .addArrayOfOffsetDateTime(sentAts).addArrayOfString(payloads).addArrayOfString(keys)
                .addValue(hashes).addString(request.traceParent()).addString(request.correlationId());
        return client.preparedQuery(INSERT_ALL).execute(params).map(StagingWriteRepository::receipts);
    }

    private static Map<UUID, Receipt> receipts(RowSet<Row> result) {
        Map<UUID, Receipt> stored = new HashMap<>();
        for (Row row : result) {
            Receipt receipt = receipt(row);
            stored.put(receipt.receiptId(), receipt);
        }
        return stored;
    }

    /** The rows these idempotency keys already stored, by key. */
    public Uni<Map<String, StoredRequest>> findByIdempotencyKeys(SqlClient client, String interfaceName,
                                                                 String sourceSystem, List<String> keys) {
        return client.preparedQuery(FIND_BY_IDEMPOTENCY_KEYS)
                .execute(Tuple.of(interfaceName, sourceSystem, keys.toArray(String[]::new)))
                .map(result -> {
                    Map<String, StoredRequest> found = new HashMap<>();
                    for (Row row : result) {
                        found.put(row.getString("idempotency_key"),
                                new StoredRequest(receipt(row), row.getBuffer("request_hash").getBytes()));
                    }
                    return found;
                });
    }

    static Receipt receipt(Row row) {
        return new Receipt(row.getUUID("receipt_id"), row.getString("interface"), row.getString("source_system"),
                row.getString("external_id"), Operation.valueOf(row.getString("operation")),
                row.getOffsetDateTime("sent_at"), row.getOffsetDateTime("received_at"),
                RecordStatus.valueOf(row.getString("status")), row.getString("error_message"),
                row.getInteger("attempts"), row.getOffsetDateTime("processed_at"),
                Traces.traceId(row.getString("trace_parent")));
    }
}

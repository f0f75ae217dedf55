package org.integrationhub.intake.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/** The answers of batches sent with an Idempotency-Key (table {@code batch_request}). */
@ApplicationScoped
public class BatchRequestRepository {

    static final String FIND = """
            SELECT request_hash, result::text AS result FROM batch_request
             WHERE interface = $1 AND source_system = $2 AND idempotency_key = $3""";

    /** Stored in the transaction that stores the batch's rows; nothing when the key is already taken. */
    static final String INSERT = """
            INSERT INTO batch_request (interface, source_system, idempotency_key, request_hash, result)
            VALUES ($1, $2, $3, $4, $5::text::json)
            ON CONFLICT DO NOTHING""";

    @Inject
    Pool pool;

    /** A stored batch answer, with the digest of the request that made it. */
    public record StoredBatch(byte[] requestHash, String resultJson) {
    }

    public Uni<Optional<StoredBatch>> find(String interfaceName, String sourceSystem, String key) {
        return pool.preparedQuery(FIND).execute(Tuple.of(interfaceName, sourceSystem, key)).map(rows -> {
            if (rows.size() == 0) {
                return Optional.empty();
            }
            Row row = rows.iterator().next();
            return Optional.of(new StoredBatch(row.getBuffer("request_hash").getBytes(), row.getString("result")));
        });
    }

    /** Answers false when another request stored this key first. */
    public Uni<Boolean> insert(SqlClient client, String interfaceName, String sourceSystem, String key, byte[] hash,
                               String resultJson) {
        return client.preparedQuery(INSERT)
                .execute(Tuple.of(interfaceName, sourceSystem, key, Buffer.buffer(hash), resultJson))
                .map(result -> result.rowCount() == 1);
    }
}

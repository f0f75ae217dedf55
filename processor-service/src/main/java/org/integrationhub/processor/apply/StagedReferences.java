package org.integrationhub.processor.apply;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.integrationhub.common.model.ErrorClass;

/**
 * What became of a referenced record that is not (or not yet) in the business tables: if the same source
 * system sent it and it is still open in staging, the referencing row waits; if it failed, the referencing
 * row fails too, naming it.
 */
@ApplicationScoped
public class StagedReferences {

    /**
     * The staged row that decides a missing reference: an open one first (the referencing row waits),
     * else the newest failed one. Only open and failed rows are read (index staging_record_waiting_code_idx),
     * never the processed history.
     */
    static final String LATEST = """
            SELECT receipt_id, status, error_message
              FROM staging_record
             WHERE interface = $1 AND source_system = $2 AND payload ->> 'code' = $3 AND operation <> 'DELETE'
               AND status IN ('PENDING', 'PROCESSING', 'FAILED')
             ORDER BY status <> 'FAILED' DESC, sent_at DESC, received_at DESC
             LIMIT 1""";

    /**
     * Fails with {@link WaitException} when the referenced record is still open in staging, and with an
     * {@link ApplyException} of class REFERENCE otherwise (its staged row failed, or there is none).
     *
     * @param label how messages name it: "parent department D-1"
     */
    public <T> Uni<T> missing(SqlConnection conn, String interfaceName, String sourceSystem, String code, String label) {
        return conn.preparedQuery(LATEST).execute(Tuple.of(interfaceName, sourceSystem, code)).map(rows -> {
            if (rows.size() == 0) {
                throw new ApplyException(ErrorClass.REFERENCE, label + " does not exist or is archived");
            }
            Row row = rows.iterator().next();
            String status = row.getString("status");
            String receipt = row.getUUID("receipt_id").toString();
            switch (status) {
                case "PENDING", "PROCESSING" -> throw new WaitException("waiting for " + label + " (receipt " + receipt + ")");
                case "FAILED" -> throw new ApplyException(ErrorClass.REFERENCE, label + " failed (receipt " + receipt
                        + "): " + row.getString("error_message"));
                default -> throw new ApplyException(ErrorClass.REFERENCE, label + " does not exist or is archived");
            }
        });
    }
}

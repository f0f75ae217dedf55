package org.integrationhub.processor.business;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;

/** A business record's lineage: the staging rows that created and changed it. */
@ApplicationScoped
public class LineageRepository {

    /** The processed rows of one partner record, newest first (index staging_record_record_idx). */
    static final String CHANGES = """
            SELECT receipt_id, operation, sent_at, received_at, processed_at, attempts, payload
              FROM staging_record
             WHERE interface = $1 AND source_system = $2 AND external_id = $3 AND status = 'PROCESSED'
             ORDER BY sent_at DESC, received_at DESC""";

    @Inject
    Pool pool;

    /** The lineage of the record with {@code code} linked to (sourceSystem, externalId) in {@code interfaceName}. */
    public Uni<Lineage> of(String interfaceName, String code, String sourceSystem, String externalId) {
        return changes(interfaceName, sourceSystem, externalId)
                .map(changes -> new Lineage(interfaceName, code, sourceSystem, externalId, changes));
    }

    Uni<List<LineageEntry>> changes(String interfaceName, String sourceSystem, String externalId) {
        return BusinessReads.all(pool, CHANGES, Tuple.of(interfaceName, sourceSystem, externalId), r -> {
            Object payload = r.getValue("payload");
            Map<String, Object> data = payload instanceof JsonObject json ? BusinessReads.plain(json) : Map.of();
            return new LineageEntry(r.getUUID("receipt_id"), r.getString("operation"), r.getOffsetDateTime("sent_at"),
                    r.getOffsetDateTime("received_at"), r.getOffsetDateTime("processed_at"), r.getInteger("attempts"),
                    data);
        });
    }
}

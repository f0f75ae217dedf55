package org.integrationhub.processor.staging;

import io.vertx.core.json.JsonObject;
import org.integrationhub.common.model.Operation;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A staging row leased to this worker.
 *
 * @param attempts the attempts including this one
 * @param reapply  an operator re-applies it on purpose: the record's order fence does not skip it
 * @param traceParent   the W3C trace context of the intake request that brought it, or null
 * @param correlationId that request's correlation id, or null
 */
public record ClaimedRow(UUID receiptId, String interfaceName, String sourceSystem, String externalId,
                         Operation operation, OffsetDateTime sentAt, OffsetDateTime receivedAt, JsonObject payload,
                         int attempts, boolean reapply, String traceParent, String correlationId) {
}

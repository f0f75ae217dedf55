package org.integrationhub.common.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integrationhub.common.model.Operation;

import java.time.OffsetDateTime;

/**
 * A partner's record as it arrives, after validation.
 *
 * @param sourceSystem the sending system (来源系统标志)
 * @param externalId   the record's id in that system (数据唯一标志)
 * @param operation    CREATE, UPDATE or DELETE (操作类型)
 * @param sentAt       when the partner sent it (传输时间)
 * @param messageId    the partner's optional message id, an idempotency key
 * @param data         the interface's fields, stored as received
 */
public record Envelope(String sourceSystem, String externalId, Operation operation, OffsetDateTime sentAt,
                       String messageId, ObjectNode data) {
}

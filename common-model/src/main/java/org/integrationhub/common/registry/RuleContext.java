package org.integrationhub.common.registry;

import io.vertx.core.json.JsonObject;

/**
 * What an {@link ApplyRule} sees of the row being applied.
 *
 * @param sourceSystem the partner system that sent it
 * @param externalId   its id there
 * @param data         the row's {@code data}
 * @param existingId   the business record it changes, or null for a new one
 */
public record RuleContext(String sourceSystem, String externalId, JsonObject data, Long existingId) {
}

package org.integrationhub.processor.business;

import java.time.OffsetDateTime;

/**
 * The filters every business list has, and the page.
 *
 * @param active       only active (true) or archived (false) records; null for both
 * @param updatedSince only records changed at or after this instant; null for all
 */
public record ListQuery(Boolean active, OffsetDateTime updatedSince, int page, int size) {

    public int offset() {
        return page * size;
    }
}

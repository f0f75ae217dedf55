package org.integrationhub.processor.business;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** One page of a list, in code order. */
@Schema(name = "Page", description = "One page of a list, ordered by code")
public record Page<T>(
        @Schema(description = "The records on this page") List<T> items,
        @Schema(description = "This page's number, from 0", example = "0") int page,
        @Schema(description = "Records per page", example = "50") int size,
        @Schema(description = "Records matching the filter, on all pages", example = "1") long total) {
}

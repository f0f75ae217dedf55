package org.integrationhub.processor.business;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A partner category: master data the HRP owns; a partner's categoryCode must name an active one. */
@Schema(name = "PartnerCategory")
public record PartnerCategoryView(
        @Schema(example = "SUPPLIER") String code,
        @Schema(example = "Supplier") String name,
        @Schema(description = "Only active categories may be used by partners") boolean active) {
}

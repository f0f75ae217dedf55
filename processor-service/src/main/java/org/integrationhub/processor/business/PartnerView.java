package org.integrationhub.processor.business;

import io.vertx.mutiny.sqlclient.Row;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A partner (the HRP's res.partner) in the operator API. */
@Schema(name = "Partner")
public record PartnerView(
        @Schema(example = "P-3001") String code,
        @Schema(example = "Beijing Medical Supplies Co., Ltd.") String name,
        @Schema(enumeration = {"COMPANY", "PERSON"}) String type,
        @Schema(example = "SUPPLIER") String categoryCode,
        @Schema(description = "Unified social credit code of a company", example = "91350100M000100Y43") String taxId,
        @Schema(description = "The company a contact belongs to", example = "P-3000") String parentCode,
        @Schema(example = "sales@supplier.example") String email,
        @Schema(example = "+86 10 5555 0199") String phone,
        Address address,
        @Schema(description = "false once archived") boolean active,
        @Schema(description = "The partner system that sent it", example = "ERP") String sourceSystem,
        @Schema(description = "Its id in that system", example = "P-3001") String externalId,
        @Schema(description = "sentAt of the last change applied: older rows are skipped") OffsetDateTime lastSentAt,
        @Schema(description = "The receipt of the last change applied") UUID lastReceiptId,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /** A partner's postal address; null when none was sent. */
    @Schema(name = "PartnerAddress")
    public record Address(String line1, String city, String province, String postalCode,
                          @Schema(description = "ISO 3166-1 alpha-2", example = "CN") String countryCode) {
    }

    /** The columns {@link #of} reads, from {@code partner t LEFT JOIN partner p ON p.id = t.parent_id}. */
    static final String COLUMNS = """
            t.code, t.name, t.type, t.category_code, t.tax_id, p.code AS parent_code, t.email, t.phone,
            t.address_line1, t.city, t.province, t.postal_code, t.country_code, t.active, t.source_system,
            t.external_id, t.last_sent_at, t.last_receipt_id, t.created_at, t.updated_at""";

    static PartnerView of(Row r) {
        Address address = new Address(r.getString("address_line1"), r.getString("city"), r.getString("province"),
                r.getString("postal_code"), r.getString("country_code"));
        boolean none = address.line1() == null && address.city() == null && address.province() == null
                && address.postalCode() == null && address.countryCode() == null;
        return new PartnerView(r.getString("code"), r.getString("name"), r.getString("type"),
                r.getString("category_code"), r.getString("tax_id"), r.getString("parent_code"), r.getString("email"),
                r.getString("phone"), none ? null : address, r.getBoolean("active"), r.getString("source_system"),
                r.getString("external_id"), r.getOffsetDateTime("last_sent_at"), r.getUUID("last_receipt_id"),
                r.getOffsetDateTime("created_at"), r.getOffsetDateTime("updated_at"));
    }
}

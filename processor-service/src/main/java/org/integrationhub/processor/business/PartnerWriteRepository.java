package org.integrationhub.processor.business;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The partner table's write SQL (the HRP's res.partner), run on the applier's transaction. */
@ApplicationScoped
public class PartnerWriteRepository extends LinkedTable {

    static final String INSERT = """
            INSERT INTO partner (code, name, type, category_code, tax_id, parent_id, email, phone, address_line1,
                                 city, province, postal_code, country_code, active, source_system, external_id,
                                 last_sent_at, last_receipt_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)""";

    static final String UPDATE = """
            UPDATE partner
               SET code = $2, name = $3, type = $4, category_code = $5, tax_id = $6, parent_id = $7, email = $8,
                   phone = $9, address_line1 = $10, city = $11, province = $12, postal_code = $13,
                   country_code = $14, active = $15, last_sent_at = $16, last_receipt_id = $17, updated_at = now()
             WHERE id = $1""";

    /** Contacts: the active partners whose parent it is. */
    static final String ACTIVE_DEPENDANTS = """
            SELECT 'contact ' || code FROM partner WHERE parent_id = $1 AND active ORDER BY code LIMIT 10""";

    static final String ACTIVE_TYPE_BY_CODE =
            "SELECT id, type FROM partner WHERE code = $1 AND active AND source_system = $2";

    static final String CATEGORY_ACTIVE = "SELECT active FROM partner_category WHERE code = $1";

    /** The fields a row sets. */
    public record Values(String code, String name, String type, String categoryCode, String taxId, Long parentId,
                         String email, String phone, String addressLine1, String city, String province,
                         String postalCode, String countryCode, boolean active) {
    }

    /** An active partner's id and type ({@code COMPANY} or {@code PERSON}). */
    public record Typed(long id, String type) {
    }

    public PartnerWriteRepository() {
        super("partner");
    }

    public Uni<Void> insert(SqlConnection conn, Values v, String sourceSystem, String externalId,
                            OffsetDateTime sentAt, UUID receiptId) {
        return conn.preparedQuery(INSERT).execute(Tuple.from(Arrays.asList(v.code(), v.name(), v.type(),
                v.categoryCode(), v.taxId(), v.parentId(), v.email(), v.phone(), v.addressLine1(), v.city(),
                v.province(), v.postalCode(), v.countryCode(), v.active(), sourceSystem, externalId, sentAt,
                receiptId))).replaceWithVoid();
    }

    public Uni<Void> update(SqlConnection conn, long id, Values v, OffsetDateTime sentAt, UUID receiptId) {
        return conn.preparedQuery(UPDATE).execute(Tuple.from(Arrays.asList(id, v.code(), v.name(), v.type(),
                v.categoryCode(), v.taxId(), v.parentId(), v.email(), v.phone(), v.addressLine1(), v.city(),
                v.province(), v.postalCode(), v.countryCode(), v.active(), sentAt, receiptId))).replaceWithVoid();
    }

    /** The active partner with {@code code} that {@code sourceSystem} sent. */
    public Uni<Optional<Typed>> activeByCode(SqlConnection conn, String sourceSystem, String code) {
        return conn.preparedQuery(ACTIVE_TYPE_BY_CODE).execute(Tuple.of(code, sourceSystem))
                .map(rows -> first(rows).map(r -> new Typed(r.getLong("id"), r.getString("type"))));
    }

    /** Whether the partner category exists and is active. */
    public Uni<Boolean> categoryActive(SqlConnection conn, String code) {
        return conn.preparedQuery(CATEGORY_ACTIVE).execute(Tuple.of(code))
                .map(rows -> first(rows).map(r -> r.getBoolean("active")).orElse(false));
    }

    @Override
    public Uni<List<String>> activeDependants(SqlConnection conn, long id) {
        return names(conn, ACTIVE_DEPENDANTS, id);
    }
}

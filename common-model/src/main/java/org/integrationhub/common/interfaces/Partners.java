package org.integrationhub.common.interfaces;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import org.integrationhub.common.model.ErrorClass;
import org.integrationhub.common.registry.FieldSpec;
import org.integrationhub.common.registry.InterfaceDeclaration;
import org.integrationhub.common.registry.InterfaceDefinition;
import org.integrationhub.common.registry.Reference;
import org.integrationhub.common.registry.RuleContext;
import org.integrationhub.common.registry.RuleViolation;

import java.util.ArrayList;
import java.util.List;

/**
 * Partners (the HRP's res.partner): companies and persons; a person whose parent is a company is its contact.
 * A parent must be a company (the reference says so); a company with active contacts cannot become a person
 * (a rule, {@link #contactsStayWithACompany}).
 */
public final class Partners implements InterfaceDeclaration {

    static final String COMPANY = "COMPANY";

    /** The active contacts of the partner $1, for the rule's message. */
    static final String ACTIVE_CONTACTS = """
            SELECT 'contact ' || code FROM partner WHERE parent_id = $1 AND active ORDER BY code LIMIT 10""";

    @Override
    public InterfaceDefinition definition() {
        return InterfaceDefinition.named("partners")
                .describedAs("Business partners (the HRP's res.partner): companies and persons; a person whose "
                        + "parent is a company is its contact")
                .records("partner")
                .example("""
                        {"sourceSystem": "ERP", "externalId": "P-3001", "operation": "CREATE",
                         "sentAt": "2026-11-26T08:10:00+08:00", "messageId": "ERP-P-3001-1",
                         "data": {"code": "P-3001", "name": "Huaxia Medical Supplies Co., Ltd.", "type": "COMPANY",
                                  "categoryCode": "SUPPLIER", "taxId": "91350100M000100Y43", "email": "sales@huaxia.example",
                                  "phone": "+86 591 8888 0000",
                                  "address": {"line1": "88 Wusi Road", "city": "Fuzhou", "province": "Fujian",
                                              "postalCode": "350001", "countryCode": "CN"}}}""")
                .field(FieldSpec.code("code", "The partner's code, unique among active partners").mandatory())
                .field(FieldSpec.text("name", 200, "Legal or display name").mandatory())
                .field(FieldSpec.oneOf("type", List.of(COMPANY, "PERSON"), "A company, or a person").mandatory())
                .field(FieldSpec.code("categoryCode", "Partner category: SUPPLIER, CUSTOMER, INSURER, MANUFACTURER, ...")
                        .referencing(Reference.masterData("partner_category", "partner category")).mandatory())
                .field(FieldSpec.taxId("taxId", "For a company its unified social credit code (统一社会信用代码, "
                        + "18 characters, check character verified); for a person up to 32 characters"))
                .field(FieldSpec.code("parentCode", "Code of the company this partner belongs to (a contact's employer)")
                        .referencing(Reference.to("partners").where("type", COMPANY, "company partner")
                                .dependantsCalled("contact")))
                .field(FieldSpec.email("email", "E-mail address"))
                .field(FieldSpec.phone("phone", "Telephone number"))
                .field(FieldSpec.object("address", List.of(
                        FieldSpec.text("line1", 200, "Street and number").storedIn("address_line1"),
                        FieldSpec.text("city", 100, "City"),
                        FieldSpec.text("province", 100, "Province or state"),
                        FieldSpec.text("postalCode", 20, "Postal code"),
                        FieldSpec.country("countryCode", "ISO 3166-1 alpha-2 country code, such as CN")),
                        "Postal address"))
                .filters("categoryCode", "parentCode", "type")
                .rule(Partners::contactsStayWithACompany)
                .build();
    }

    /** A company that is still the parent of active contacts cannot become a person. */
    static Uni<Void> contactsStayWithACompany(SqlConnection conn, RuleContext row) {
        if (row.existingId() == null || COMPANY.equals(row.data().getString("type"))) {
            return Uni.createFrom().voidItem();
        }
        return conn.preparedQuery(ACTIVE_CONTACTS).execute(Tuple.of(row.existingId())).invoke(rows -> {
            List<String> contacts = new ArrayList<>();
            for (Row r : rows) {
                contacts.add(r.getString(0));
            }
            if (!contacts.isEmpty()) {
                throw new RuleViolation(ErrorClass.CONFLICT, "cannot become a person: still the company of active "
                        + String.join(", ", contacts));
            }
        }).replaceWithVoid();
    }
}

package org.integrationhub.processor.staging;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.integrationhub.devsupport.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationhub.processor.ProcessorFixture.drain;
import static org.integrationhub.processor.StagingFixture.T0_UTC8;
import static org.integrationhub.processor.StagingFixture.assertArchived;
import static org.integrationhub.processor.StagingFixture.assertFailed;
import static org.integrationhub.processor.StagingFixture.assertFailedMentioning;
import static org.integrationhub.processor.StagingFixture.awaitDue;
import static org.integrationhub.processor.StagingFixture.execute;
import static org.integrationhub.processor.StagingFixture.parentCode;
import static org.integrationhub.processor.StagingFixture.queryString;
import static org.integrationhub.processor.StagingFixture.stage;
import static org.integrationhub.processor.StagingFixture.state;
import static org.integrationhub.processor.StagingFixture.stored;
import static org.integrationhub.processor.StagingFixture.unique;

/** The partner job: companies, persons and contacts as the HRP's res.partner keeps them. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class PartnerProcessingTest {

    @Inject
    StagingProcessor processor;

    static JsonObject company(String code) {
        return new JsonObject().put("code", code).put("name", "Supplier " + code).put("type", "COMPANY")
                .put("categoryCode", "SUPPLIER");
    }

    static JsonObject contact(String code, String companyCode) {
        return new JsonObject().put("code", code).put("name", "Contact " + code).put("type", "PERSON")
                .put("categoryCode", "SUPPLIER").put("parentCode", companyCode);
    }

    /** Applies the company {@code parent}, then {@code child} (its data under it) sent a second later. */
    void applyCompanyAndChild(String parent, String child, JsonObject childData) throws SQLException {
        stage("partners", "ERP", parent, "CREATE", T0_UTC8, company(parent).encode());
        stage("partners", "ERP", child, "CREATE", T0_UTC8.plusSeconds(1), childData.encode());
        drain(processor, "partners");
    }

    @Test
    void aCompanyIsStoredWithItsAddressAndTaxId() throws SQLException {
        String code = unique("C");
        UUID receipt = stage("partners", "ERP", code, "CREATE", T0_UTC8, company(code).put("taxId", "91350100M000100Y43")
                .put("email", "sales@s.example").put("address", new JsonObject().put("line1", "1 Chang'an Ave")
                        .put("city", "Beijing").put("province", "Beijing").put("postalCode", "100000")
                        .put("countryCode", "CN")).encode());
        drain(processor, "partners");

        assertThat(state(receipt).status()).isEqualTo("PROCESSED");
        assertThat(queryString("""
                SELECT type || '|' || category_code || '|' || tax_id || '|' || email || '|' || address_line1 || '|'
                       || city || '|' || province || '|' || postal_code || '|' || country_code
                  FROM partner WHERE code = ?""", code))
                .isEqualTo("COMPANY|SUPPLIER|91350100M000100Y43|sales@s.example|1 Chang'an Ave|Beijing|Beijing|100000|CN");
    }

    @Test
    void aContactSentBeforeItsCompanyWaitsAndIsLinkedToIt() throws Exception {
        String company = unique("C");
        String person = unique("P");
        // received first, sent first: it must wait for the company staged after it
        UUID contact = stage("partners", "ERP", person, "CREATE", T0_UTC8, contact(person, company).encode());
        UUID parent = stage("partners", "ERP", company, "CREATE", T0_UTC8.plusSeconds(1), company(company).encode());
        drain(processor, "partners");
        assertThat(state(parent).status()).isEqualTo("PROCESSED");
        awaitDue(contact);
        drain(processor, "partners");

        assertThat(state(contact).status()).isEqualTo("PROCESSED");
        assertThat(parentCode("partner", person)).isEqualTo(company);
    }

    @Test
    void aParentMustBeACompany() throws Exception {
        String person = unique("P");
        stage("partners", "ERP", person, "CREATE", T0_UTC8, company(person).put("type", "PERSON").encode());
        drain(processor, "partners");
        String child = unique("P");
        UUID row = stage("partners", "ERP", child, "CREATE", T0_UTC8.plusSeconds(1), contact(child, person).encode());
        drain(processor, "partners");

        assertFailed(row, "VALIDATION", "parent partner " + person + " is a person");
        assertThat(stored("partner", child)).isZero();
    }

    @Test
    void theCategoryMustBeActiveAtApplyTime() throws Exception {
        String category = unique("CAT").toUpperCase();
        execute("INSERT INTO partner_category (code, name) VALUES (?, 'Short-lived')", category);
        String code = unique("C");
        UUID row = stage("partners", "ERP", code, "CREATE", T0_UTC8, company(code).put("categoryCode", category).encode());
        execute("UPDATE partner_category SET active = false WHERE code = ?", category);
        drain(processor, "partners");

        assertFailed(row, "REFERENCE", "partner category " + category);
    }

    @Test
    void aCompanyWithActiveContactsIsNeitherArchivedNorTurnedIntoAPerson() throws Exception {
        String company = unique("C");
        String person = unique("P");
        applyCompanyAndChild(company, person, contact(person, company));

        UUID refused = stage("partners", "ERP", company, "DELETE", T0_UTC8.plusMinutes(1), "{}");
        drain(processor, "partners");
        assertFailed(refused, "CONFLICT", "contact " + person);

        UUID toPerson = stage("partners", "ERP", company, "UPDATE", T0_UTC8.plusMinutes(2),
                company(company).put("type", "PERSON").encode());
        drain(processor, "partners");
        assertFailedMentioning(toPerson, "cannot become a person", "contact " + person);
        assertThat(queryString("SELECT type || '|' || active FROM partner WHERE code = ?", company))
                .isEqualTo("COMPANY|true");

        // once the contact is archived, the company can go
        stage("partners", "ERP", person, "DELETE", T0_UTC8.plusMinutes(3), "{}");
        UUID allowed = stage("partners", "ERP", company, "DELETE", T0_UTC8.plusMinutes(4), "{}");
        drain(processor, "partners");
        assertArchived(allowed, "partner", company);
    }

    @Test
    void aCompanyCannotBecomeItsOwnAncestor() throws Exception {
        String top = unique("C");
        String below = unique("C");
        applyCompanyAndChild(top, below, company(below).put("parentCode", top));
        UUID loop = stage("partners", "ERP", top, "UPDATE", T0_UTC8.plusSeconds(2), company(top).put("parentCode", below).encode());
        drain(processor, "partners");

        assertFailedMentioning(loop, "own ancestor");
        assertThat(parentCode("partner", top)).isNull();
    }

    @Test
    void aResentCreateUpdatesAndAStaleOneIsSkipped() throws Exception {
        String code = unique("C");
        stage("partners", "ERP", code, "CREATE", T0_UTC8, company(code).put("name", "Old").encode());
        UUID resend = stage("partners", "ERP", code, "CREATE", T0_UTC8.plusMinutes(2), company(code).put("name", "New").encode());
        drain(processor, "partners");
        UUID stale = stage("partners", "ERP", code, "CREATE", T0_UTC8.plusMinutes(1), company(code).put("name", "Older").encode());
        drain(processor, "partners");

        assertThat(state(resend).status()).isEqualTo("PROCESSED");
        assertThat(state(stale).status()).isEqualTo("SKIPPED");
        assertThat(queryString("SELECT name || '|' || count(*) OVER () FROM partner WHERE code = ?", code))
                .isEqualTo("New|1");
    }
}

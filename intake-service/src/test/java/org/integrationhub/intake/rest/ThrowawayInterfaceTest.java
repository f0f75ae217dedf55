package org.integrationhub.intake.rest;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.integrationhub.devsupport.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.integrationhub.intake.IntakeFixture.HIS;
import static org.integrationhub.intake.IntakeFixture.activeDepartment;
import static org.integrationhub.intake.IntakeFixture.envelope;
import static org.integrationhub.intake.IntakeFixture.post;
import static org.integrationhub.intake.IntakeFixture.refused;
import static org.integrationhub.intake.IntakeFixture.postBatch;
import static org.integrationhub.intake.IntakeFixture.stored;
import static org.integrationhub.intake.IntakeFixture.storedIn;
import static org.integrationhub.intake.IntakeFixture.unique;

/**
 * The throwaway interface {@code beds}, declared only in common-model's test sources (a declaration and a
 * migration, no other code): the intake lists it, validates it, checks its reference and stores it in its own
 * staging partition, exactly as it does the product's interfaces.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class ThrowawayInterfaceTest {

    static String bed(String code, String department, String extra) {
        return "{\"code\":\"%s\",\"name\":\"Bed %s\",\"departmentCode\":\"%s\"%s}".formatted(code, code, department, extra);
    }

    @Test
    void aValidBedIsStoredInItsOwnStagingPartition() throws SQLException {
        String dept = unique("D");
        activeDepartment(dept);
        String id = unique("B");
        post(HIS, "beds", envelope("HIS", id, "CREATE", bed(id, dept, ",\"kind\":\"ICU\",\"commissionedOn\":\"2024-05-01\"")))
                .then().statusCode(202).body("interface", equalTo("beds")).body("receiptId", notNullValue());
        assertThat(stored(id)).isOne();
        assertThat(storedIn("staging_beds", id)).isOne();
    }

    @Test
    void itsFieldRulesAndItsReferenceAreChecked() throws SQLException {
        String id = unique("B");
        post(HIS, "beds", envelope("HIS", id, "CREATE", bed(id, "NO-SUCH-DEPT", ",\"kind\":\"SOFA\"")))
                .then().statusCode(400)
                .body("errors.field", hasItem("data.kind"));
        refused(post(HIS, "beds", envelope("HIS", id, "CREATE", bed(id, "NO-SUCH-DEPT", ""))),
                id, 422, "data.departmentCode", "unknown_reference");
    }

    @Test
    void itsBatchEndpointServesIt() throws SQLException {
        String dept = unique("D");
        activeDepartment(dept);
        String a = unique("B");
        postBatch(HIS, "beds", "{\"records\": [" + envelope("HIS", a, "CREATE", bed(a, dept, "")) + "]}")
                .then().statusCode(200).body("accepted", equalTo(1));
    }

    @Test
    void itIsListedWithItsSchemaAndHasTypedOperations() {
        given().header("X-API-Key", HIS).when().get("/api/v1/interfaces").then().statusCode(200)
                .body("find { it.name == 'beds' }.dataSchema.properties.kind.enum", hasItem("ISOLATION"))
                .body("find { it.name == 'beds' }.dataSchema.required", hasItem("departmentCode"))
                .body("find { it.name == 'beds' }.allowed", equalTo(true));
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/interfaces/beds/records'.post.operationId", equalTo("submitBed"))
                .body("components.schemas.BedData.properties.commissionedOn.format", equalTo("date"));
    }
}

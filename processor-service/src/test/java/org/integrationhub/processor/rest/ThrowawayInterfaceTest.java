package org.integrationhub.processor.rest;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.integrationhub.devsupport.PostgresTestResource;
import org.integrationhub.processor.staging.StagingProcessor;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.integrationhub.processor.ProcessorFixture.drain;
import static org.integrationhub.processor.ProcessorFixture.operator;
import static org.integrationhub.processor.StagingFixture.T0;
import static org.integrationhub.processor.StagingFixture.assertFailedMentioning;
import static org.integrationhub.processor.StagingFixture.department;
import static org.integrationhub.processor.StagingFixture.queryString;
import static org.integrationhub.processor.StagingFixture.stage;
import static org.integrationhub.processor.StagingFixture.state;
import static org.integrationhub.processor.StagingFixture.unique;

/**
 * The throwaway interface {@code beds}, declared only in common-model's test sources (a declaration and a
 * migration, no other code): the processor has its job, applies its rows with every shared rule, protects
 * what it references from archiving, and serves it in the read API and the OpenAPI document.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class ThrowawayInterfaceTest {

    @Inject
    StagingProcessor processor;

    static String bed(String code, String department, String kind) {
        JsonObject data = new JsonObject().put("code", code).put("name", "Bed " + code).put("departmentCode", department);
        return (kind == null ? data : data.put("kind", kind).put("commissionedOn", "2024-05-01")).encode();
    }

    @Test
    void aBedIsAppliedReadAndKeepsItsDepartmentFromBeingArchived() throws Exception {
        String dept = unique("D");
        stage("departments", "HIS", dept, "CREATE", T0, department(dept, "Ward", null));
        String code = unique("B");
        UUID created = stage("beds", "HIS", code, "CREATE", T0.plusSeconds(1), bed(code, dept, "ICU"));
        drain(processor, "departments", "beds");
        assertThat(state(created).status()).isEqualTo("PROCESSED");

        operator().when().get("/api/v1/beds/" + code).then().statusCode(200)
                .body("code", equalTo(code)).body("departmentCode", equalTo(dept)).body("kind", equalTo("ICU"))
                .body("commissionedOn", equalTo("2024-05-01")).body("active", equalTo(true))
                .body("sourceSystem", equalTo("HIS"));
        operator().when().get("/api/v1/beds?departmentCode=" + dept + "&kind=ICU").then().statusCode(200)
                .body("items.code", contains(code)).body("total", equalTo(1));
        operator().when().get("/api/v1/beds?kind=SOFA").then().statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        operator().when().get("/api/v1/beds/" + code + "/lineage").then().statusCode(200)
                .body("changes", hasSize(1)).body("changes[0].receiptId", equalTo(created.toString()));
        operator().when().get("/api/v1/beds/" + code + "/subtree").then().statusCode(404);

        // its department cannot be archived while the bed points at it: the registry knows who points where
        UUID archive = stage("departments", "HIS", dept, "DELETE", T0.plusSeconds(2), "{}");
        drain(processor, "departments");
        assertThat(state(archive).status()).isEqualTo("FAILED");
        assertThat(state(archive).errorMessage()).isEqualTo("cannot archive: still referenced by active bed " + code);

        // an UPDATE replaces the record; one sent before it and arriving after it is skipped
        UUID update = stage("beds", "HIS", code, "UPDATE", T0.plusSeconds(3), bed(code, dept, null));
        drain(processor, "beds");
        UUID stale = stage("beds", "HIS", code, "UPDATE", T0.plusSeconds(2), bed(code, dept, "ISOLATION"));
        drain(processor, "beds");
        assertThat(state(update).status()).isEqualTo("PROCESSED");
        assertThat(state(stale).status()).isEqualTo("SKIPPED");
        operator().when().get("/api/v1/beds/" + code).then().statusCode(200)
                .body("kind", nullValue()).body("commissionedOn", nullValue());
    }

    @Test
    void aBedOfAnUnknownDepartmentFailsNamingIt() throws Exception {
        String code = unique("B");
        UUID row = stage("beds", "HIS", code, "CREATE", T0, bed(code, "NO-SUCH", null));
        drain(processor, "beds");
        assertFailedMentioning(row, "department NO-SUCH does not exist or is archived");
    }

    @Test
    void itsProcessingJobWasCreatedFromTheRegistryAfterTheDepartments() throws Exception {
        assertThat(queryString("SELECT target || ' ' || (args ->> 'interface') FROM scheduled_job WHERE name = 'process_beds'"))
                .isEqualTo("staging.process beds");
        assertThat(Integer.parseInt(queryString("SELECT priority::text FROM scheduled_job WHERE name = 'process_beds'")))
                .isGreaterThan(Integer.parseInt(queryString(
                        "SELECT priority::text FROM scheduled_job WHERE name = 'process_departments'")));
    }
}

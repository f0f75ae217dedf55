package org.integrationhub.processor.admin;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.integrationhub.devsupport.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.integrationhub.processor.ProcessorFixture.operator;
import static org.integrationhub.processor.StagingFixture.execute;
import static org.integrationhub.processor.StagingFixture.queryString;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class JobResourceTest {

    @Test
    void operatorsListTheScheduleTable() {
        operator().when().get("/api/v1/admin/jobs").then().statusCode(200)
                .body("name", hasItem("process_departments"))
                .body("find { it.name == 'process_departments' }.target", equalTo("staging.process"))
                .body("find { it.name == 'process_departments' }.args.interface", equalTo("departments"))
                .body("find { it.name == 'process_departments' }.remainingRuns", equalTo(-1))
                .body("find { it.name == 'process_departments' }.intervalType", equalTo("seconds"));
        given().header("X-API-Key", "his-dev-key").when().get("/api/v1/admin/jobs").then().statusCode(403);
    }

    @Test
    void patchChangesOnlyWhatItNames() throws SQLException {
        execute("""
                INSERT INTO scheduled_job (name, target, interval_number, interval_type, priority, args)
                VALUES ('patch_me', 'staging.recover', 5, 'minutes', 7, '{"a": 1}')""");
        operator().contentType(ContentType.JSON)
                .body("{\"intervalNumber\": 2, \"intervalType\": \"hours\", \"enabled\": false, \"remainingRuns\": 3}")
                .when().patch("/api/v1/admin/jobs/patch_me").then().statusCode(200)
                .body("intervalNumber", equalTo(2))
                .body("intervalType", equalTo("hours"))
                .body("enabled", equalTo(false))
                .body("remainingRuns", equalTo(3))
                .body("priority", equalTo(7))
                .body("args.a", equalTo(1));
        assertThat(queryString("SELECT interval_number || interval_type || enabled FROM scheduled_job WHERE name = 'patch_me'"))
                .isEqualTo("2hoursfalse");
    }

    @Test
    void badPatchesAreProblemsNamingTheField() {
        operator().contentType(ContentType.JSON)
                .body("{\"intervalNumber\": 0, \"intervalType\": \"fortnights\", \"remainingRuns\": -2, \"target\": \"x\"}")
                .when().patch("/api/v1/admin/jobs/process_departments").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.find { it.field == 'intervalNumber' }.code", equalTo("invalid_value"))
                .body("errors.find { it.field == 'intervalType' }.code", equalTo("invalid_value"))
                .body("errors.find { it.field == 'remainingRuns' }.code", equalTo("invalid_value"))
                .body("errors.find { it.field == 'target' }.code", equalTo("unknown_field"));
        operator().contentType(ContentType.JSON).body("{\"enabled\": true}")
                .when().patch("/api/v1/admin/jobs/no_such_job").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void runNowRunsAndRecordsTheRunWithoutTouchingTheSchedule() throws SQLException {
        execute("""
                INSERT INTO scheduled_job (name, target, interval_number, interval_type, next_run, remaining_runs)
                VALUES ('run_me', 'staging.recover', 1, 'days', now() + interval '1 day', 4)""");
        String nextRun = queryString("SELECT next_run::text FROM scheduled_job WHERE name = 'run_me'");
        operator().when().post("/api/v1/admin/jobs/run_me/run").then().statusCode(200)
                .body("jobName", equalTo("run_me"))
                .body("trigger", equalTo("MANUAL"))
                .body("outcome", equalTo("SUCCEEDED"))
                .body("finishedAt", notNullValue());
        assertThat(queryString("SELECT next_run::text || ' ' || remaining_runs FROM scheduled_job WHERE name = 'run_me'"))
                .isEqualTo(nextRun + " 4");
        operator().when().get("/api/v1/admin/jobs/run_me/runs").then().statusCode(200)
                .body("size()", greaterThanOrEqualTo(1))
                .body("[0].trigger", equalTo("MANUAL"));
        operator().when().post("/api/v1/admin/jobs/nothing/run").then().statusCode(404);
    }
}

package org.integrationhub.intake.rest;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.integrationhub.devsupport.ConfigOverrides;
import org.integrationhub.devsupport.PostgresTestResource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.integrationhub.intake.IntakeFixture.ERP;
import static org.integrationhub.intake.IntakeFixture.HIS;

/** With a per-key limit set, a key over it gets 429 with Retry-After; another key is not affected. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@ConfigOverrides({"hub.rate-limit.per-key=0.2", "hub.rate-limit.burst=3", "hub.auth.failures-per-minute=3"})
class RateLimitTest {

    @Test
    void aKeyOverItsRateGets429() {
        for (int i = 0; i < 3; i++) {
            given().header("X-API-Key", HIS).when().get("/api/v1/interfaces").then().statusCode(200);
        }
        given().header("X-API-Key", HIS).when().get("/api/v1/interfaces").then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("urn:integration-hub:problem:too-many-requests"));
        given().header("X-API-Key", ERP).when().get("/api/v1/interfaces").then().statusCode(200);
    }

    @Test
    void inventedKeysFromOneAddressAreCutOffButAKnownKeyStillWorks() {
        given().header("X-API-Key", ERP).when().get("/api/v1/interfaces").then().statusCode(200);
        for (int i = 0; i < 3; i++) {
            given().header("X-API-Key", "invented-" + i).when().get("/api/v1/interfaces").then().statusCode(401);
        }
        given().header("X-API-Key", "invented-again").when().get("/api/v1/interfaces").then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue());
        given().header("X-API-Key", "invented-later").when().get("/api/v1/interfaces").then().statusCode(429);
        given().header("X-API-Key", ERP).when().get("/api/v1/interfaces").then().statusCode(200);
    }
}

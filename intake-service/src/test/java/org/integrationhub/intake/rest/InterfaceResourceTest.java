package org.integrationhub.intake.rest;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.integrationhub.common.registry.InterfaceDefinition;
import org.integrationhub.common.registry.InterfaceRegistry;
import org.integrationhub.devsupport.Await;
import org.integrationhub.devsupport.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.integrationhub.intake.IntakeFixture.ERP;
import static org.integrationhub.intake.IntakeFixture.HIS;
import static org.integrationhub.intake.IntakeFixture.execute;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class InterfaceResourceTest {

    @Test
    void listsTheInterfacesWithTheJsonSchemaOfTheirData() {
        given().header("X-API-Key", HIS).when().get("/api/v1/interfaces").then().statusCode(200)
                // the registry's interfaces in its order: the product's three, then any the build adds (tests: beds)
                .body("name", contains(InterfaceRegistry.all().stream().map(InterfaceDefinition::name).toArray()))
                .body("name", hasItems("departments", "employees", "partners"))
                .body("find { it.name == 'departments' }.allowed", equalTo(true))
                .body("find { it.name == 'departments' }.dataSchema.required", contains("code", "name"))
                .body("find { it.name == 'departments' }.dataSchema.additionalProperties", equalTo(false))
                .body("find { it.name == 'departments' }.dataSchema.properties.name.maxLength", equalTo(200))
                .body("find { it.name == 'employees' }.dataSchema.required", hasItems("code", "name", "departmentCode"))
                .body("find { it.name == 'employees' }.dataSchema.properties.hireDate.format", equalTo("date"))
                .body("find { it.name == 'partners' }.dataSchema.properties.type.enum", contains("COMPANY", "PERSON"))
                .body("find { it.name == 'partners' }.dataSchema.properties.address.properties.countryCode.pattern",
                        equalTo("^[A-Z]{2}$"))
                .body("find { it.name == 'partners' }.example.data.code", equalTo("P-3001"));
    }

    @Test
    void tellsAKeyWhatItMaySend() {
        given().header("X-API-Key", ERP).when().get("/api/v1/interfaces").then().statusCode(200)
                .body("find { it.name == 'departments' }.allowed", equalTo(false))
                .body("find { it.name == 'partners' }.allowed", equalTo(true));
        given().when().get("/api/v1/interfaces").then().statusCode(401);
    }

    /**
     * An invented key is remembered as unknown for hub.auth.negative-cache-ttl (5 s): repeating it costs no
     * lookup. Seen from outside: a key that becomes valid in the database meanwhile is still refused until then.
     */
    @Test
    void anUnknownKeyIsRememberedForAMomentSoRepeatingItCostsNoLookup() throws SQLException {
        String key = "invented-" + UUID.randomUUID();
        given().header("X-API-Key", key).when().get("/api/v1/interfaces").then().statusCode(401);
        execute("INSERT INTO api_key (name, key_hash, role, source_system, interfaces) "
                + "VALUES (?, sha256(convert_to(?, 'UTF8')), 'PARTNER', 'HIS', '{*}')", key, key);
        // answered from the negative cache, not the database
        given().header("X-API-Key", key).when().get("/api/v1/interfaces").then().statusCode(401);
        Await.pause(Duration.ofSeconds(5)); // the entry made by the first lookup has now expired
        // looked up again once the negative cache has expired
        given().header("X-API-Key", key).when().get("/api/v1/interfaces").then().statusCode(200);
    }
}

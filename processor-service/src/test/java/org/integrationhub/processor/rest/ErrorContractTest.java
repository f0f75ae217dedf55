package org.integrationhub.processor.rest;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.integrationhub.devsupport.PostgresTestResource;
import org.integrationhub.devsupport.RawHttp;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.integrationhub.processor.ProcessorFixture.OPERATOR_KEY;
import static org.integrationhub.processor.ProcessorFixture.operator;

/** The error contract of the operator API, for faults found before any resource runs: each a problem+json. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class ErrorContractTest {

    @Test
    void aQueryParameterThatDoesNotConvertIs400NamingIt() {
        operator().when().get("/api/v1/admin/jobs/process_departments/runs?limit=abc")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors[0].field", equalTo("limit"))
                .body("errors[0].code", equalTo("invalid_format"))
                .body("errors[0].message", containsString("whole number"));
        operator().when().get("/api/v1/admin/jobs/process_departments/runs?limit=5")
                .then().statusCode(200);
    }

    @Test
    void aWrongMethodOnAKnownPathIs405WithAllow() {
        operator().when().delete("/api/v1/departments/D-1")
                .then().statusCode(405).contentType("application/problem+json")
                .header("Allow", containsString("GET"))
                .header("Allow", not(containsString("DELETE")))
                .body("status", equalTo(405));
        operator().contentType(ContentType.JSON).body("{}")
                .when().put("/api/v1/admin/jobs/process_departments")
                .then().statusCode(405).contentType("application/problem+json")
                .header("Allow", containsString("PATCH"))
                .header("Allow", containsString("GET"));
        operator().when().get("/api/v1/admin/jobs/process_departments/run")
                .then().statusCode(405).contentType("application/problem+json")
                .header("Allow", containsString("POST"));
    }

    @Test
    void matrixParametersAreRefused() {
        operator().urlEncodingEnabled(false).when().get("/api/v1/departments;x=1/D-1")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400));
    }

    @Test
    void aBodyWithoutContentTypeIs415() {
        byte[] body = "{\"enabled\": true}".getBytes(StandardCharsets.UTF_8);
        raw().send("PATCH /api/v1/admin/jobs/process_departments HTTP/1.1\r\nX-API-Key: " + OPERATOR_KEY
                + "\r\nContent-Length: " + body.length, body).requireProblem(415);
    }

    @Test
    void aCompressedBodyIs415() {
        operator().header("Content-Encoding", "gzip").contentType(ContentType.JSON)
                .body("{\"enabled\": true}")
                .when().patch("/api/v1/admin/jobs/process_departments")
                .then().statusCode(415).contentType("application/problem+json")
                .header("Accept-Encoding", "identity");
    }

    @Test
    void faultsOfTheHttpLayerAreProblems() {
        raw().send("GET /api/v1/departments/%ZZ HTTP/1.1\r\nX-API-Key: " + OPERATOR_KEY, new byte[0]).requireProblem(400);
        raw().send("GET /api/v1/departments/" + "a".repeat(12_000) + " HTTP/1.1\r\nX-API-Key: " + OPERATOR_KEY, new byte[0])
                .requireProblem(414);
        raw().send("GET /api/v1/departments HTTP/1.1\r\nX-API-Key: " + OPERATOR_KEY + "\r\nX-Filler: " + "f".repeat(40_000),
                new byte[0]).requireProblem(431);
    }

    static RawHttp raw() {
        return RawHttp.to(RestAssured.port);
    }
}

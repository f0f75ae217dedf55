package org.integrationhub.intake.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** OpenAPI, Swagger UI and health on the packaged application. */
@QuarkusIntegrationTest
class OpenApiIT extends OpenApiTest {
}

package org.integrationhub.intake.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The partner API's tests again, against the packaged application as it ships. */
@QuarkusIntegrationTest
class RecordResourceIT extends RecordResourceTest {
}

package org.integrationhub.intake.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The error contract again, against the packaged application as it ships: its entry point (HubMain) is what lets
 * an invalid URI reach the check that answers it with a problem.
 */
@QuarkusIntegrationTest
class ErrorContractIT extends ErrorContractTest {
}

package org.integrationhub.processor;

import io.restassured.specification.RequestSpecification;
import org.integrationhub.processor.staging.StagingProcessor;

import java.time.Duration;

import static io.restassured.RestAssured.given;

/** What the processor's tests do to it from outside: drain its interfaces now, and call its API as an operator. */
public final class ProcessorFixture {

    /** The development operator key (dev-support's dev-credentials.sql). */
    public static final String OPERATOR_KEY = "ops-dev-key";

    /** How long one drain may take when a test does not say. */
    public static final Duration DRAIN_WAIT = Duration.ofSeconds(30);

    /** How long a drain may take where a test loads hundreds or thousands of rows, or runs several workers on them. */
    public static final Duration BULK_WAIT = Duration.ofMinutes(3);

    private ProcessorFixture() {
    }

    /** A request as the operator. */
    public static RequestSpecification operator() {
        return given().header("X-API-Key", OPERATOR_KEY);
    }

    /** Drains each interface in turn, as its processing job would, each within {@link #DRAIN_WAIT}. */
    public static void drain(StagingProcessor processor, String... interfaces) {
        drain(processor, DRAIN_WAIT, interfaces);
    }

    /** Drains each interface in turn, each within {@code atMost}. */
    public static void drain(StagingProcessor processor, Duration atMost, String... interfaces) {
        for (String name : interfaces) {
            processor.drain(name).await().atMost(atMost);
        }
    }
}

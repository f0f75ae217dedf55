package org.integrationhub.intake.rest;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.integrationhub.devsupport.ConfigOverrides;
import org.integrationhub.devsupport.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationhub.intake.IntakeFixture.HIS;
import static org.integrationhub.intake.IntakeFixture.envelope;
import static org.integrationhub.intake.IntakeFixture.unique;
import static org.integrationhub.intake.rest.TracingTest.PARTNER_SPAN;
import static org.integrationhub.intake.rest.TracingTest.PARTNER_TRACE;

/**
 * Where spans go nowhere (no collector: no span recorded, Quarkus' HTTP instrumentation off, as
 * TracingOffDefaults sets it), a record still gets its trace: the partner's traceparent is continued, or a
 * trace is started, and the receipt and the staging row carry it, as with spans recorded (TracingTest).
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@ConfigOverrides({"hub.tracing.record=false", "quarkus.otel.instrument.vertx-http=false",
        "quarkus.otel.instrument.vertx-sql-client=false"})
class TraceIdsWithoutSpansTest {

    @Inject
    InMemorySpanExporter spans;

    /** Posts one department with the given traceparent header (none when null); answers its receipt's traceId. */
    static String post(String code, String traceParent) {
        RequestSpecification request = given().header("X-API-Key", HIS).contentType(ContentType.JSON);
        if (traceParent != null) {
            request.header("traceparent", traceParent);
        }
        return request.body(envelope("HIS", code, "CREATE", "{\"code\": \"" + code + "\", \"name\": \"Traced\"}"))
                .post("/api/v1/interfaces/departments/records").then().statusCode(202).extract().path("traceId");
    }

    @Test
    void aPartnersTraceIsContinuedWithASpanIdOfTheIntakesOwn() throws Exception {
        spans.reset();
        String code = unique("TWS");
        String traceId = post(code, "00-" + PARTNER_TRACE + "-" + PARTNER_SPAN + "-01");
        assertThat(traceId).isEqualTo(PARTNER_TRACE);
        String stored = TracingTest.stored(code).get(0);
        assertThat(stored).as("the partner's trace, a span of the intake's own, not sampled: nothing is recorded")
                .matches("00-" + PARTNER_TRACE + "-[0-9a-f]{16}-00").doesNotContain(PARTNER_SPAN);
        assertThat(stored.substring(36, 52)).isNotEqualTo("0000000000000000");
        assertThat(spans.getFinishedSpanItems()).as("no span recorded").isEmpty();
    }

    @Test
    void withoutAUsableTraceparentEachRequestStartsATrace() throws Exception {
        List<String> codes = List.of(unique("TWS"), unique("TWS"), unique("TWS"));
        String first = post(codes.get(0), null);
        String second = post(codes.get(1), null);
        String garbled = post(codes.get(2), "00-" + PARTNER_TRACE + "-not-a-span-01");
        assertThat(List.of(first, second, garbled)).allMatch(id -> id.matches("[0-9a-f]{32}"))
                .doesNotHaveDuplicates().doesNotContain(PARTNER_TRACE);
        for (int i = 0; i < codes.size(); i++) {
            assertThat(TracingTest.stored(codes.get(i)).get(0))
                    .startsWith("00-" + List.of(first, second, garbled).get(i) + "-");
        }
    }
}

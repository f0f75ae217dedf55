package org.integrationhub.intake.rest;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.integrationhub.devsupport.Await;
import org.integrationhub.devsupport.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.integrationhub.intake.IntakeFixture.HIS;
import static org.integrationhub.intake.IntakeFixture.envelope;
import static org.integrationhub.intake.IntakeFixture.unique;

/**
 * The intake's side of a record's trace: it continues the partner's W3C traceparent (or starts a trace), keeps
 * the request's trace context and correlation id with every record it stores, and shows the trace id in the
 * receipt; its database calls are spans of the request.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class TracingTest {

    static final String PARTNER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String PARTNER_SPAN = "00f067aa0ba902b7";

    @Inject
    InMemorySpanExporter spans;

    /** The traceparent and correlation id stored with the record. */
    static List<String> stored(String externalId) throws Exception {
        try (Connection c = PostgresTestResource.connect();
             PreparedStatement s = c.prepareStatement(
                     "SELECT trace_parent, correlation_id FROM staging_record WHERE external_id = ?")) {
            s.setString(1, externalId);
            ResultSet rs = s.executeQuery();
            assertThat(rs.next()).as(externalId + " stored").isTrue();
            return List.of(rs.getString(1), rs.getString(2));
        }
    }

    List<SpanData> trace(String traceId, int atLeast) {
        return Await.until("spans of trace " + traceId, Duration.ofSeconds(30), () -> spans.getFinishedSpanItems()
                .stream().filter(s -> s.getTraceId().equals(traceId)).toList(), found -> found.size() >= atLeast);
    }

    @Test
    void aPartnersTraceIsContinuedAndKeptWithTheRecord() throws Exception {
        String code = unique("TRC");
        String receiptId = given().header("X-API-Key", HIS).header("traceparent", "00-" + PARTNER_TRACE + "-"
                        + PARTNER_SPAN + "-01").header("X-Correlation-Id", "partner-corr-" + code.toLowerCase())
                .contentType(ContentType.JSON)
                .body(envelope("HIS", code, "CREATE", "{\"code\": \"" + code + "\", \"name\": \"Traced\"}"))
                .post("/api/v1/interfaces/departments/records").then().statusCode(202)
                .body("traceId", equalTo(PARTNER_TRACE)).extract().path("receiptId");
        List<String> row = stored(code);
        assertThat(row.get(0)).startsWith("00-" + PARTNER_TRACE + "-").doesNotContain(PARTNER_SPAN);
        assertThat(row.get(1)).isEqualTo("partner-corr-" + code.toLowerCase());

        // the stored context is the intake's server span, a child of the partner's; the database calls are its
        List<SpanData> trace = trace(PARTNER_TRACE, 2);
        String serverSpan = row.get(0).substring(36, 52);
        SpanData server = trace.stream().filter(s -> s.getSpanId().equals(serverSpan)).findFirst().orElseThrow();
        assertThat(server.getKind()).isEqualTo(SpanKind.SERVER);
        assertThat(server.getParentSpanId()).isEqualTo(PARTNER_SPAN);
        assertThat(trace).anyMatch(s -> s.getKind() == SpanKind.CLIENT && s.getParentSpanId().equals(serverSpan));

        given().header("X-API-Key", HIS).get("/api/v1/receipts/" + receiptId).then().statusCode(200)
                .body("traceId", equalTo(PARTNER_TRACE));
    }

    @Test
    void withoutATraceparentTheRequestStartsATraceAndABatchIsOne() throws Exception {
        List<String> records = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String code = unique("TRB");
            codes.add(code);
            records.add(envelope("HIS", code, "CREATE", "{\"code\": \"" + code + "\", \"name\": \"Batched\"}"));
        }
        given().header("X-API-Key", HIS).contentType(ContentType.JSON)
                .body("{\"records\": [" + String.join(", ", records) + "]}")
                .post("/api/v1/interfaces/departments/records/batch").then().statusCode(200)
                .body("accepted", equalTo(1000));
        String traceParent = stored(codes.get(0)).get(0);
        assertThat(traceParent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(stored(codes.get(999)).get(0)).as("every record of the request keeps its context").isEqualTo(traceParent);
        String traceId = traceParent.substring(3, 35);
        List<SpanData> trace = trace(traceId, 2);
        assertThat(trace.stream().filter(s -> !s.getParentSpanContext().isValid()))
                .as("one root span for the batch, not one per record").hasSize(1);
        assertThat(trace.size()).as("a handful of spans, not one per record").isLessThan(20);
    }
}

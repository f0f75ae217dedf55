package org.integrationhub.processor.staging;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.integrationhub.devsupport.Await;
import org.integrationhub.devsupport.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationhub.processor.ProcessorFixture.drain;
import static org.integrationhub.processor.StagingFixture.department;
import static org.integrationhub.processor.StagingFixture.execute;
import static org.integrationhub.processor.StagingFixture.stage;
import static org.integrationhub.processor.StagingFixture.unique;

/**
 * The processor's side of a record's trace: each row's apply is a span linked to the intake request that stored
 * the row (its staging row's traceparent), within one span per claimed batch, so a drain of many rows is a few
 * traces, not one per row.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class RowTracingTest {

    @Inject
    StagingProcessor processor;
    @Inject
    InMemorySpanExporter spans;

    static String hex(int bytes) {
        StringBuilder s = new StringBuilder();
        ThreadLocalRandom.current().ints(bytes, 0, 256).forEach(b -> s.append(String.format("%02x", b)));
        return s.toString();
    }

    static final AttributeKey<String> RECEIPT_ID = AttributeKey.stringKey("hub.receipt_id");

    /** The apply spans of the rows whose receipt ids are given. */
    static List<SpanData> applies(List<SpanData> finished, Set<String> receiptIds) {
        return finished.stream().filter(s -> s.getName().equals("apply departments")
                && receiptIds.contains(s.getAttributes().get(RECEIPT_ID))).toList();
    }

    @Test
    void eachApplyIsLinkedToTheRequestThatStoredItsRowAndABatchIsOneTrace() throws Exception {
        drain(processor, "departments");
        OffsetDateTime t0 = OffsetDateTime.parse("2026-11-26T08:00:00Z");
        // 250 rows from one intake request (one traceparent), and one row whose UPDATE fails
        String intakeTrace = hex(16);
        String intakeSpan = hex(8);
        String traceParent = "00-" + intakeTrace + "-" + intakeSpan + "-01";
        Map<UUID, String> staged = new HashMap<>();
        for (int i = 0; i < 250; i++) {
            String code = unique("TR");
            staged.put(stage("departments", "HIS", code, "CREATE", t0, department(code, null)), code);
        }
        String missing = unique("TR");
        UUID failing = stage("departments", "HIS", missing, "UPDATE", t0, department(missing, null));
        execute("UPDATE staging_record SET trace_parent = ?, correlation_id = 'corr-tracing-1' WHERE receipt_id = ANY (?)",
                traceParent, new ArrayList<>(staged.keySet()) {{ add(failing); }}.toArray(UUID[]::new));
        spans.reset();

        processor.drain("departments", 100).await().indefinitely();

        // spans reach the exporter as they end; the last ones may still be on their way. Only this test's rows count:
        // another test's row that waits or backs off may come due in the same drain.
        Set<String> ours = new HashSet<>();
        staged.keySet().forEach(id -> ours.add(id.toString()));
        ours.add(failing.toString());
        List<SpanData> finished = Await.until("251 apply spans exported", java.time.Duration.ofSeconds(30),
                spans::getFinishedSpanItems, all -> applies(all, ours).size() >= 251);
        List<SpanData> applies = applies(finished, ours);
        assertThat(applies).hasSize(251);
        // 251 rows in batches of at most 100: three or four traces (a batch may end early), not 251
        Set<String> parents = new HashSet<>();
        applies.forEach(apply -> parents.add(apply.getParentSpanId()));
        List<SpanData> batches = finished.stream()
                .filter(s -> s.getName().equals("process departments") && parents.contains(s.getSpanId())).toList();
        assertThat(batches).hasSizeBetween(3, 4).allSatisfy(b -> assertThat(b.getParentSpanContext().isValid()).isFalse());
        List<String> batchIds = batches.stream().map(SpanData::getSpanId).toList();
        for (SpanData apply : applies) {
            assertThat(batchIds).as("parent of " + apply).contains(apply.getParentSpanId());
            assertThat(apply.getLinks()).singleElement().satisfies(link -> {
                assertThat(link.getSpanContext().getTraceId()).isEqualTo(intakeTrace);
                assertThat(link.getSpanContext().getSpanId()).isEqualTo(intakeSpan);
            });
        }
        SpanData failed = applies.stream()
                .filter(s -> failing.toString().equals(s.getAttributes().get(RECEIPT_ID)))
                .findFirst().orElseThrow();
        assertThat(failed.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(failed.getAttributes().asMap().toString()).contains("hub.outcome=FAILED", "hub.external_id=" + missing);
        // no database call outside a span (claims, heartbeats) starts a trace of its own
        assertThat(finished).noneMatch(s -> s.getKind() == SpanKind.CLIENT && !s.getParentSpanContext().isValid());

        // the operator API shows the row's trace and correlation ids
        given().header("X-API-Key", "ops-dev-key").get("/api/v1/admin/records?externalId=" + missing)
                .then().statusCode(200)
                .body("items[0].traceId", org.hamcrest.Matchers.equalTo(intakeTrace))
                .body("items[0].correlationId", org.hamcrest.Matchers.equalTo("corr-tracing-1"));
    }
}

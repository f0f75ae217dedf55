package org.integrationhub.processor.console;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.integrationhub.devsupport.PostgresTestResource;
import org.integrationhub.processor.staging.StagingProcessor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationhub.processor.ProcessorFixture.drain;
import static org.integrationhub.processor.StagingFixture.T0;
import static org.integrationhub.processor.StagingFixture.awaitDue;
import static org.integrationhub.processor.StagingFixture.department;
import static org.integrationhub.processor.StagingFixture.stage;
import static org.integrationhub.processor.StagingFixture.state;
import static org.integrationhub.processor.StagingFixture.unique;
import static org.integrationhub.processor.console.ConsoleSession.OPS;
import static org.integrationhub.processor.console.ConsoleSession.OPS_PASSWORD;
import static org.integrationhub.processor.console.ConsoleSession.VIEWER;
import static org.integrationhub.processor.console.ConsoleSession.VIEWER_PASSWORD;

/** The records pages: find a row by filter or search, read why it failed, repair it; what a viewer may not do. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class ConsoleRecordsTest {

    private static final Pattern RECEIPT = Pattern.compile("data-receipt=\"([0-9a-f-]{36})\"");

    @Inject
    StagingProcessor processor;
    @Inject
    Pool pool;

    static List<String> receipts(String html) {
        List<String> ids = new ArrayList<>();
        Matcher m = RECEIPT.matcher(html);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    @Test
    void rowsAreListedNewestFirstInKeysetPagesThatNeitherRepeatNorSkip() throws Exception {
        String source = unique("PAGE");
        List<String> staged = new ArrayList<>();
        for (int i = 0; i < RecordsResource.PAGE_SIZE + 5; i++) {
            staged.add(0, stage("departments", source, "P" + i, "CREATE", T0, department("P" + i, null)).toString());
        }
        ConsoleSession session = ConsoleSession.loggedIn(VIEWER, VIEWER_PASSWORD);
        String first = session.page("/console/records?sourceSystem=" + source);
        assertThat(receipts(first)).containsExactlyElementsOf(staged.subList(0, RecordsResource.PAGE_SIZE));
        Matcher older = Pattern.compile("href=\"([^\"]+)\" rel=\"next\"").matcher(first);
        assertThat(older.find()).as("a link to the older rows").isTrue();
        String second = session.page(older.group(1).replace("&amp;", "&"));
        assertThat(receipts(second)).containsExactlyElementsOf(staged.subList(RecordsResource.PAGE_SIZE, staged.size()));
        assertThat(second).doesNotContain("rel=\"next\"");
    }

    @Test
    void theFilterNarrowsByStatusAndSaysWhatItDidNotUnderstand() throws Exception {
        String source = unique("FLT");
        UUID failed = stage("departments", source, "F1", "CREATE", T0, department(unique("F"), "NO-SUCH-PARENT"));
        UUID applied = stage("departments", source, "F2", "CREATE", T0, department(unique("G"), null));
        drain(processor, "departments");
        ConsoleSession session = ConsoleSession.loggedIn(VIEWER, VIEWER_PASSWORD);
        assertThat(receipts(session.page("/console/records?sourceSystem=" + source + "&status=FAILED&errorClass=REFERENCE")))
                .containsExactly(failed.toString());
        assertThat(receipts(session.page("/console/records?sourceSystem=" + source + "&status=PROCESSED")))
                .containsExactly(applied.toString());
        String unknown = session.page("/console/records?sourceSystem=" + source + "&status=BROKEN&interface=nope");
        assertThat(unknown).contains("status: BROKEN", "interface: nope");
        assertThat(receipts(unknown)).containsExactlyInAnyOrder(failed.toString(), applied.toString());
    }

    @Test
    void aSearchFindsARowByReceiptIdExternalIdOrBusinessCode() throws Exception {
        String source = unique("SRCH");
        String code = unique("CODE");
        String externalId = unique("EXT");
        UUID create = stage("departments", source, externalId, "CREATE", T0, department(code, null));
        drain(processor, "departments");
        UUID update = stage("departments", source, externalId, "UPDATE", T0.plusSeconds(5), department(code, "Renamed", null));
        ConsoleSession session = ConsoleSession.loggedIn(VIEWER, VIEWER_PASSWORD);
        assertThat(receipts(session.page("/console/records?q=" + update))).containsExactly(update.toString());
        assertThat(receipts(session.page("/console/records?q=" + externalId)))
                .containsExactly(update.toString(), create.toString());
        assertThat(receipts(session.page("/console/records?q=" + code)))
                .containsExactly(update.toString(), create.toString());
        assertThat(receipts(session.page("/console/records?q=" + code + "&status=PENDING"))).containsExactly(update.toString());
        assertThat(receipts(session.page("/console/records?q=" + unique("NOTHING")))).isEmpty();
    }

    @Test
    void aSearchForTextBeyondTheBasicPlaneIsASearchNotADroppedFilter() throws Exception {
        String externalId = unique("\uD840\uDC00-EXT"); // 𠀀, a CJK Extension B character: a surrogate pair
        UUID staged = stage("departments", unique("CJK"), externalId, "CREATE", T0, department(unique("D"), null));
        String page = ConsoleSession.loggedIn(VIEWER, VIEWER_PASSWORD).page("/console/records?q=" + externalId);
        assertThat(receipts(page)).containsExactly(staged.toString());
        assertThat(page).doesNotContain("Left out of the filter");
    }

    @Test
    void aFailedRowShowsWhyAndAnOperatorRetriesIt() throws Exception {
        String source = unique("FIX");
        String parent = unique("PARENT");
        UUID child = stage("departments", source, unique("C"), "CREATE", T0, department(unique("C"), parent));
        drain(processor, "departments");
        assertThat(state(child).status()).isEqualTo("FAILED");

        ConsoleSession viewer = ConsoleSession.loggedIn(VIEWER, VIEWER_PASSWORD);
        String page = viewer.page("/console/records/" + child);
        assertThat(page).contains("id=\"error-message\">", parent, "&quot;parentCode&quot;")
                .as("no link to a department that does not exist").doesNotContain("id=\"retry\"", "id=\"business-link\"");
        assertThat(page.replaceAll("\\s+", " ")).as("the failed attempt in the history, with its worker and reason")
                .containsPattern("data-kind=\"attempt\"><time [^>]*>[^<]*</time> Failed <span class=\"muted\">[^<]+</span> · REFERENCE: [^<]*" + parent);
        assertThat(viewer.form().post("/console/records/" + child + "/retry").statusCode()).as("a viewer retries")
                .isEqualTo(403);
        assertThat(state(child).status()).isEqualTo("FAILED");
        assertThat(page).as("the error class in words, with what to do").contains("missing reference",
                "send or repair that record first, then retry this row.");
        viewer.request().get("/console/lang/zh");
        assertThat(viewer.page("/console/records/" + child)).contains("引用缺失", "请先发送或修复该记录，再重试本行。");

        stage("departments", source, parent, "CREATE", T0, department(parent, null));
        drain(processor, "departments");
        ConsoleSession ops = ConsoleSession.loggedIn(OPS, OPS_PASSWORD);
        assertThat(ops.page("/console/records/" + child)).contains("id=\"retry\"");
        assertThat(ops.request().formParam("other", "x").post("/console/records/" + child + "/retry").statusCode())
                .as("without the CSRF token").isEqualTo(400);
        assertThat(ops.request().contentType("text/plain").post("/console/records/" + child + "/retry").statusCode())
                .as("not a form").isEqualTo(415);
        Response retried = ops.form().post("/console/records/" + child + "/retry");
        assertThat(retried.statusCode()).isEqualTo(303);
        assertThat(retried.header("Location")).endsWith("/console/records/" + child + "?done=retried");
        drain(processor, "departments");
        String after = ops.page("/console/records/" + child + "?done=retried");
        assertThat(after).contains("id=\"business-link\"", "ops: retried the row <span class=\"muted\">(record.retry)</span>", "data-kind=\"outcome\"",
                "class=\"status PROCESSED\"");
        assertThat(after.indexOf("data-kind=\"attempt\"")).as("oldest first: the failure, the retry, the outcome")
                .isLessThan(after.indexOf("data-kind=\"action\"")).isLessThan(after.indexOf("data-kind=\"outcome\""));
        assertThat(state(child).status()).isEqualTo("PROCESSED");
    }

    @Test
    void aRowThatWaitedForItsParentSaysSoOnceInItsHistory() throws Exception {
        String source = unique("WAIT");
        String parent = unique("P");
        UUID child = stage("departments", source, unique("C"), "CREATE", T0, department(unique("C"), parent));
        stage("departments", source, parent, "CREATE", T0.plusSeconds(1), department(parent, null));
        drain(processor, "departments");
        awaitDue(child);
        drain(processor, "departments");
        assertThat(state(child).status()).isEqualTo("PROCESSED");
        String history = ConsoleSession.loggedIn(VIEWER, VIEWER_PASSWORD).page("/console/records/" + child);
        assertThat(history.split("waited for a referenced record still in staging")).as("one wait entry").hasSize(2);
        assertThat(history).contains("data-kind=\"outcome\"");
    }

    @Test
    void aBulkRetryShowsTheCountFirstThenRetriesThatFilterOnlyAndIsAudited() throws Exception {
        String source = unique("BULK");
        List<UUID> failed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            failed.add(stage("departments", source, "B" + i, "CREATE", T0, department(unique("B"), "MISSING-" + source)));
        }
        drain(processor, "departments");
        ConsoleSession ops = ConsoleSession.loggedIn(OPS, OPS_PASSWORD);
        String confirm = ops.page("/console/records/retry?sourceSystem=" + source + "&status=FAILED");
        assertThat(confirm).contains("id=\"retry-count\">3 failed rows match this filter.");
        assertThat(ops.page("/console/records/retry?sourceSystem=" + source + "&q=B1"))
                .contains("id=\"retry-count\">1 failed row matches this filter.", "Retry this row");
        Response done = ops.form().formParam("sourceSystem", source).post("/console/records/retry");
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.header("Location")).contains("sourceSystem=" + source).endsWith("retried=3");
        for (UUID id : failed) {
            assertThat(state(id).status()).isEqualTo("PENDING");
        }
        long audited = pool.preparedQuery("""
                        SELECT count(*) FROM operator_action
                         WHERE actor = 'ops' AND action = 'records.retry' AND detail -> 'filter' ->> 'sourceSystem' = $1
                           AND (detail ->> 'count')::int = 3""")
                .execute(Tuple.of(source)).await().indefinitely().iterator().next().getLong(0);
        assertThat(audited).isEqualTo(1);
        assertThat(ConsoleSession.loggedIn(VIEWER, VIEWER_PASSWORD).request()
                .get("/console/records/retry?sourceSystem=" + source).statusCode()).as("a viewer").isEqualTo(403);
    }
}

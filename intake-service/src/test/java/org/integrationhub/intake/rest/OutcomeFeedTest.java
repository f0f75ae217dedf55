package org.integrationhub.intake.rest;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.integrationhub.devsupport.PostgresTestResource;
import org.integrationhub.devsupport.QueryPlan;
import org.integrationhub.intake.repository.OutcomeFeedRepository;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationhub.intake.IntakeFixture.execute;
import static org.integrationhub.intake.IntakeFixture.unique;

/**
 * The outcome feed: a source system's outcomes in the order they were decided, each listed once, an outcome
 * that commits late included. Outcomes are decided here as the processor decides them (its statements set
 * outcome_xid to the deciding transaction), by plain SQL transactions the test holds open or commits.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class OutcomeFeedTest {

    /** A partner system of its own, with its own key: no other test's rows are in its feed. */
    static String partner() throws SQLException {
        String source = unique("FEED").toUpperCase();
        execute("INSERT INTO api_key (name, key_hash, role, source_system, interfaces) "
                + "VALUES (?, sha256(convert_to(?, 'UTF8')), 'PARTNER', ?, '{*}')", source, source + "-key", source);
        return source;
    }

    static UUID pending(String source, String interfaceName, String externalId) throws SQLException {
        UUID id = UUID.randomUUID();
        execute("INSERT INTO staging_record (receipt_id, interface, source_system, external_id, operation, sent_at, payload) "
                + "VALUES (?, ?, ?, ?, 'CREATE', now(), '{}')", id, interfaceName, source, externalId);
        return id;
    }

    /** Decides the row's outcome in {@code c}'s transaction, as the processor's FINISH and FAIL do. */
    static void decide(Connection c, UUID id, String status) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                UPDATE staging_record
                   SET status = ?, error_message = CASE WHEN ? = 'PROCESSED' THEN NULL ELSE 'why' END,
                       processed_at = now(), outcome_xid = pg_current_xact_id()
                 WHERE receipt_id = ?""")) {
            s.setString(1, status);
            s.setString(2, status);
            s.setObject(3, id);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    static void decide(UUID id, String status) throws SQLException {
        try (Connection c = PostgresTestResource.connect()) {
            decide(c, id, status);
        }
    }

    static JsonPath feed(String source, String query) {
        return given().header("X-API-Key", source + "-key").get("/api/v1/receipts" + query)
                .then().statusCode(200).extract().jsonPath();
    }

    static List<String> ids(JsonPath page) {
        return page.getList("items.receiptId", String.class);
    }

    @Test
    void outcomesAreListedOnceInTheOrderTheyWereDecidedAndOpenRowsNever() throws Exception {
        String source = partner();
        UUID a = pending(source, "departments", "A");
        UUID b = pending(source, "employees", "B");
        UUID c = pending(source, "departments", "C");
        pending(source, "departments", "STILL-PENDING");
        // decided in the order b, c, a (not the order they were received)
        decide(b, "FAILED");
        decide(c, "PROCESSED");
        decide(a, "SKIPPED");

        JsonPath first = feed(source, "?limit=2");
        assertThat(ids(first)).containsExactly(b.toString(), c.toString());
        assertThat(first.getBoolean("more")).isTrue();
        assertThat(first.getString("items[0].status")).isEqualTo("FAILED");
        assertThat(first.getString("items[0].errorMessage")).isEqualTo("why");
        JsonPath second = feed(source, "?limit=2&after=" + first.getString("next"));
        assertThat(ids(second)).containsExactly(a.toString());
        assertThat(second.getBoolean("more")).isFalse();
        JsonPath nothingNew = feed(source, "?after=" + second.getString("next"));
        assertThat(ids(nothingNew)).isEmpty();
        assertThat(ids(feed(source, "?after=" + nothingNew.getString("next")))).as("caught up").isEmpty();

        JsonPath failures = feed(source, "?status=FAILED,SKIPPED");
        assertThat(ids(failures)).containsExactly(b.toString(), a.toString());
        assertThat(ids(feed(source, "?status=PROCESSED&interface=departments"))).containsExactly(c.toString());
        assertThat(ids(feed(source, "?interface=employees"))).containsExactly(b.toString());
        assertThat(ids(feed(partner(), ""))).as("another partner's feed").isEmpty();

        // an operator retries the failed row and it is processed: a new outcome, listed again after the rest
        execute("UPDATE staging_record SET status = 'PENDING', error_message = NULL, processed_at = NULL, "
                + "outcome_xid = NULL WHERE receipt_id = ?", b);
        decide(b, "PROCESSED");
        JsonPath retried = feed(source, "?after=" + nothingNew.getString("next"));
        assertThat(ids(retried)).containsExactly(b.toString());
        assertThat(retried.getString("items[0].status")).isEqualTo("PROCESSED");
        assertThat(ids(feed(source, "?status=FAILED,SKIPPED&after=" + failures.getString("next"))))
                .as("a processed outcome is not a failure").isEmpty();
    }

    @Test
    void aCursorAheadOfTheDatabaseIsA400() throws Exception {
        String source = partner();
        String future = OutcomeFeed.encode(new OutcomeFeedRepository.Position(1L << 60, UUID.randomUUID()));
        given().header("X-API-Key", source + "-key").get("/api/v1/receipts?after=" + future).then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("after"))
                .body("detail", org.hamcrest.Matchers.containsString("restored"));
    }

    @Test
    void anOutcomeDecidedEarlierButCommittedLaterIsNotPassedOver() throws Exception {
        String source = partner();
        UUID early = pending(source, "departments", "EARLY");
        UUID late = pending(source, "departments", "LATE");
        try (Connection slow = PostgresTestResource.connect()) {
            slow.setAutoCommit(false);
            decide(slow, early, "PROCESSED"); // its transaction began first, and stays open
            decide(late, "FAILED");            // a later transaction commits first

            JsonPath meanwhile = feed(source, "");
            assertThat(ids(meanwhile)).as("nothing after a transaction still deciding").isEmpty();
            slow.commit();
            assertThat(ids(feed(source, "?after=" + meanwhile.getString("next"))))
                    .containsExactly(early.toString(), late.toString());
        }
    }

    @Test
    void aPartnerPollingWhileThreeWorkersCommitSeesEveryOutcomeExactlyOnce() throws Exception {
        String source = partner();
        List<UUID> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            rows.add(pending(source, i % 2 == 0 ? "departments" : "employees", "R" + i));
        }
        ConcurrentLinkedQueue<UUID> todo = new ConcurrentLinkedQueue<>(rows);
        ExecutorService workers = Executors.newFixedThreadPool(3);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            running.add(workers.submit(() -> {
                try (Connection c = PostgresTestResource.connect()) {
                    c.setAutoCommit(false);
                    for (UUID id = todo.poll(); id != null; id = todo.poll()) {
                        decide(c, id, ThreadLocalRandom.current().nextInt(10) == 0 ? "FAILED" : "PROCESSED");
                        Thread.sleep(ThreadLocalRandom.current().nextInt(3)); // outcomes commit out of their order
                        c.commit();
                    }
                }
                return null;
            }));
        }
        List<String> seen = new ArrayList<>();
        String next = "";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (seen.size() < rows.size() && System.nanoTime() < deadline) {
            JsonPath page = feed(source, "?limit=50&after=" + next);
            seen.addAll(ids(page));
            next = page.getString("next");
        }
        for (Future<?> worker : running) {
            worker.get(60, TimeUnit.SECONDS);
        }
        workers.shutdown();
        seen.addAll(ids(feed(source, "?limit=1000&after=" + next)));
        Set<String> distinct = new HashSet<>(seen);
        assertThat(seen).as("no outcome listed twice").hasSameSizeAs(distinct);
        assertThat(distinct).as("every outcome listed").containsExactlyInAnyOrderElementsOf(
                rows.stream().map(UUID::toString).toList());
    }

    @Test
    void aParameterTheFeedDoesNotTakeIsA400NamingIt() throws Exception {
        String source = partner();
        for (String[] bad : new String[][]{{"?status=PENDING", "status"}, {"?status=FAILED,nope", "status"},
                {"?interface=wards", "interface"}, {"?after=not-a-cursor", "after"}, {"?limit=0", "limit"},
                {"?limit=1001", "limit"}, {"?limit=ten", "limit"}}) {
            given().header("X-API-Key", source + "-key").get("/api/v1/receipts" + bad[0]).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", org.hamcrest.Matchers.equalTo(bad[1]))
                    .body("errors[0].code", org.hamcrest.Matchers.equalTo("invalid_value"));
        }
        given().get("/api/v1/receipts").then().statusCode(401);
    }

    /**
     * A Sort node below the lateral page, which would sort the history (the final sort of the page's rows, at the
     * plan's top, sorts at most a page; a Merge Append's "Sort Key" is not a node).
     */
    static final String SORT_OF_HISTORY = "(?m)^\\s+->\\s+Sort\\s+\\(";

    /** The names of a partitioned index's indexes on the partitions, which plans name. */
    static String[] partitionIndexes(Statement s, String parent) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                + "WHERE i.inhparent = '" + parent + "'::regclass")) {
            while (rs.next()) {
                names.add(rs.getString(1) + " ");
            }
        }
        assertThat(names).isNotEmpty();
        return names.toArray(String[]::new);
    }

    @Test
    void eachFormOfTheFeedReadsItsOwnIndexOverALargeHistory() throws Exception {
        String source = partner();
        try (Connection c = PostgresTestResource.connect(); Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO staging_record (receipt_id, interface, source_system, external_id, operation, sent_at,
                                                payload, status, processed_at, outcome_xid)
                    SELECT gen_random_uuid(), 'departments', '%s', 'H' || i, 'CREATE', now(), '{}', 'PROCESSED', now(),
                           pg_current_xact_id()
                      FROM generate_series(1, 20000) i""".formatted(source));
            s.execute("""
                    INSERT INTO staging_record (receipt_id, interface, source_system, external_id, operation, sent_at,
                                                payload, status, processed_at)
                    SELECT gen_random_uuid(), 'employees', '%s', 'E' || i, 'CREATE', now(), '{}', 'PROCESSED', now()
                      FROM generate_series(1, 20000) i""".formatted(source));
            s.execute("ANALYZE staging_record");
            s.execute("SET plan_cache_mode = force_generic_plan");
            s.execute("PREPARE all_outcomes (text, text, uuid, text[], text[], int) AS "
                    + OutcomeFeedRepository.ALL);
            s.execute("PREPARE failures (text, text, uuid, text[], text[], int) AS "
                    + OutcomeFeedRepository.FAILED);
            String all = QueryPlan.explain(s, "EXECUTE all_outcomes ('" + source + "', '0', '"
                    + new UUID(0, 0) + "', NULL, NULL, 101)");
            String failures = QueryPlan.explain(s, "EXECUTE failures ('" + source + "', '0', '"
                    + new UUID(0, 0) + "', NULL, '{FAILED}', 101)");
            s.execute("PREPARE all_of (text, text, uuid, text[], text[], int) AS " + OutcomeFeedRepository.of(List.of("departments"), false));
            String allOf = QueryPlan.explain(s, "EXECUTE all_of ('" + source + "', '0', '" + new UUID(0, 0)
                    + "', '{departments}', NULL, 101)");
            assertThat(allOf).as("the employees' partition pruned").doesNotContain("staging_employees")
                    .containsAnyOf(partitionIndexes(s, "staging_record_outcome_idx")).doesNotContainPattern(SORT_OF_HISTORY);
            // in the index's order, merged across partitions: no sort of the history
            assertThat(all).containsAnyOf(partitionIndexes(s, "staging_record_outcome_idx"))
                    .doesNotContainPattern(SORT_OF_HISTORY);
            assertThat(failures).containsAnyOf(partitionIndexes(s, "staging_record_outcome_failed_idx"))
                    .doesNotContainPattern(SORT_OF_HISTORY);
        }
    }
}

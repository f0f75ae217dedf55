package org.integrationhub.processor.staging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.integrationhub.devsupport.Await;
import org.integrationhub.devsupport.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.integrationhub.processor.ProcessorFixture.operator;
import static org.integrationhub.processor.ProcessorFixture.BULK_WAIT;
import static org.integrationhub.processor.ProcessorFixture.drain;
import static org.integrationhub.processor.StagingFixture.T0;
import static org.integrationhub.processor.StagingFixture.department;
import static org.integrationhub.processor.StagingFixture.execute;
import static org.integrationhub.processor.StagingFixture.stage;
import static org.integrationhub.processor.StagingFixture.state;
import static org.integrationhub.processor.StagingFixture.stored;
import static org.integrationhub.processor.StagingFixture.unique;

/**
 * Group commit: a batch's rows in one transaction, each in a savepoint. A row that fails after it has written is
 * undone alone; a group whose transaction breaks, or whose COMMIT fails, is applied again one row per transaction,
 * where the row at fault fails alone and every other row is applied once. (The other processing tests run in both
 * modes; these are about the group itself, so they ask for it whatever the default.)
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class GroupCommitTest {

    static final int GROUP = 50;

    @Inject
    StagingProcessor processor;
    @Inject
    MeterRegistry registry;

    /** Stages departments with these code prefixes, in this order; answers their receipt ids by code. */
    static Map<String, UUID> stageInOrder(String... prefixes) throws SQLException {
        Map<String, UUID> rows = new LinkedHashMap<>();
        for (String prefix : prefixes) {
            String code = unique(prefix);
            rows.put(code, stage("departments", "HIS", code, "CREATE", T0, department(code, null)));
        }
        return rows;
    }

    double groups(String outcome) {
        return registry.get("hub.commit.groups").tag("outcome", outcome).counter().count();
    }

    int processOneGroup() {
        return processor.processBatch("departments", GROUP, processor.workerId(), GROUP).await().atMost(BULK_WAIT);
    }

    @Test
    void aRowThatFailsAfterItWroteIsUndoneAloneAndTheGroupCommits() throws Exception {
        drain(processor, "departments");
        // the row's business record is written, then its outcome is refused: only a savepoint can undo the record
        execute("""
                CREATE FUNCTION refuse_outcome() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'outcome refused for %', NEW.external_id USING ERRCODE = 'check_violation';
                END $$;
                CREATE TRIGGER refuse_outcome BEFORE UPDATE ON staging_record FOR EACH ROW
                    WHEN (NEW.status = 'PROCESSED' AND NEW.external_id LIKE 'BOOM-%') EXECUTE FUNCTION refuse_outcome()""");
        try {
            Map<String, UUID> rows = stageInOrder("GC", "GC", "BOOM", "GC", "GC");
            double committed = groups("committed");
            double retried = groups("retried_row_by_row");

            assertThat(processOneGroup()).isEqualTo(5);

            for (Map.Entry<String, UUID> row : rows.entrySet()) {
                boolean boom = row.getKey().startsWith("BOOM");
                assertThat(state(row.getValue()).status()).as(row.getKey()).isEqualTo(boom ? "FAILED" : "PROCESSED");
                assertThat(stored("department", row.getKey())).as("business record of " + row.getKey())
                        .isEqualTo(boom ? 0 : 1);
            }
            UUID boom = rows.entrySet().stream().filter(e -> e.getKey().startsWith("BOOM")).findFirst().orElseThrow()
                    .getValue();
            assertThat(state(boom).errorMessage()).contains("breaks a data rule", "outcome refused");
            assertThat(groups("committed") - committed).as("one transaction for the five rows").isEqualTo(1);
            assertThat(groups("retried_row_by_row") - retried).isZero();
        } finally {
            execute("DROP TRIGGER refuse_outcome ON staging_record; DROP FUNCTION refuse_outcome()");
        }
    }

    @Test
    void aGroupWhoseConnectionIsCutIsAppliedAgainRowByRowEachRowOnce() throws Exception {
        drain(processor, "departments");
        execute("""
                CREATE FUNCTION slow_insert() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_sleep(0.3);
                    RETURN NEW;
                END $$;
                CREATE TRIGGER slow_insert AFTER INSERT ON department FOR EACH ROW
                    WHEN (NEW.code LIKE 'CUT-%') EXECUTE FUNCTION slow_insert()""");
        try {
            Map<String, UUID> rows = stageInOrder("GC", "GC", "CUT", "GC", "GC");
            double retried = groups("retried_row_by_row");

            CompletableFuture<Integer> batch = processor.processBatch("departments", GROUP, processor.workerId(), GROUP)
                    .subscribeAsCompletionStage();
            Await.until("the group in the database, sleeping in its trigger", Duration.ofSeconds(10),
                    Duration.ofMillis(10), GroupCommitTest::sleeping, pids -> !pids.isEmpty());
            execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE wait_event = 'PgSleep'");

            assertThat(batch.get()).isEqualTo(5);
            for (Map.Entry<String, UUID> row : rows.entrySet()) {
                assertThat(state(row.getValue()).status()).as(row.getKey()).isEqualTo("PROCESSED");
                assertThat(stored("department", row.getKey())).as("business records of " + row.getKey()).isEqualTo(1);
            }
            assertThat(groups("retried_row_by_row") - retried).isEqualTo(1);
        } finally {
            execute("DROP TRIGGER slow_insert ON department; DROP FUNCTION slow_insert()");
        }
    }

    @Test
    void aGroupWhoseCommitFailsIsAppliedAgainRowByRowAndOnlyTheRowAtFaultFails() throws Exception {
        drain(processor, "departments");
        // checked at COMMIT, after every row of the group has succeeded
        execute("""
                CREATE FUNCTION refuse_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'department % refused at commit', NEW.code USING ERRCODE = 'check_violation';
                END $$;
                CREATE CONSTRAINT TRIGGER refuse_at_commit AFTER INSERT ON department DEFERRABLE INITIALLY DEFERRED
                    FOR EACH ROW WHEN (NEW.code LIKE 'LATE-%') EXECUTE FUNCTION refuse_at_commit()""");
        try {
            Map<String, UUID> rows = stageInOrder("GC", "LATE", "GC", "GC");
            double retried = groups("retried_row_by_row");

            assertThat(processOneGroup()).isEqualTo(4);

            List<String> failed = new ArrayList<>();
            for (Map.Entry<String, UUID> row : rows.entrySet()) {
                boolean late = row.getKey().startsWith("LATE");
                assertThat(state(row.getValue()).status()).as(row.getKey()).isEqualTo(late ? "FAILED" : "PROCESSED");
                assertThat(stored("department", row.getKey())).as("business record of " + row.getKey())
                        .isEqualTo(late ? 0 : 1);
                if (late) {
                    failed.add(state(row.getValue()).errorMessage());
                }
            }
            assertThat(failed).singleElement().asString().contains("refused at commit");
            assertThat(groups("retried_row_by_row") - retried).isEqualTo(1);
        } finally {
            execute("DROP TRIGGER refuse_at_commit ON department; DROP FUNCTION refuse_at_commit()");
        }
    }

    @Test
    void aJobsArgsChooseItsCommitSize() throws Exception {
        drain(processor, "departments");
        execute("""
                INSERT INTO scheduled_job (name, target, interval_number, interval_type, enabled, next_run, args)
                VALUES ('commit_size_job', 'staging.process', 1, 'days', false, now() + interval '1 day',
                        '{"interface": "departments"}')
                ON CONFLICT (name) DO NOTHING""");
        for (String commitSize : List.of("0", "1001", "\"10\"", "2.5")) {
            operator().contentType(ContentType.JSON)
                    .body("{\"args\": {\"interface\": \"departments\", \"commitSize\": " + commitSize + "}}")
                    .patch("/api/v1/admin/jobs/commit_size_job").then().statusCode(400)
                    .body("errors[0].field", equalTo("args.commitSize"));
        }
        // commitSize 1: a transaction per row, no group; 4: three rows as one group
        for (int commitSize : List.of(1, 4)) {
            operator().contentType(ContentType.JSON)
                    .body("{\"args\": {\"interface\": \"departments\", \"commitSize\": " + commitSize + "}}")
                    .patch("/api/v1/admin/jobs/commit_size_job").then().statusCode(200)
                    .body("args.commitSize", equalTo(commitSize));
            Map<String, UUID> rows = stageInOrder("JOB", "JOB", "JOB");
            double committed = groups("committed");
            operator().post("/api/v1/admin/jobs/commit_size_job/run").then().statusCode(200)
                    .body("outcome", equalTo("SUCCEEDED"));
            for (UUID row : rows.values()) {
                assertThat(state(row).status()).isEqualTo("PROCESSED");
            }
            assertThat(groups("committed") - committed).as("groups committed at commitSize " + commitSize)
                    .isEqualTo(commitSize == 1 ? 0 : 1);
        }
    }

    private static List<Integer> sleeping() throws SQLException {
        List<Integer> pids = new ArrayList<>();
        try (Connection c = PostgresTestResource.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT pid FROM pg_stat_activity WHERE wait_event = 'PgSleep'")) {
            while (r.next()) {
                pids.add(r.getInt(1));
            }
        }
        return pids;
    }
}

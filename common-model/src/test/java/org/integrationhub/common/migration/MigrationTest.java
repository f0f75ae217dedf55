package org.integrationhub.common.migration;

import org.integrationhub.devsupport.DevDatabase;
import org.integrationhub.devsupport.EmbeddedDatabase;
import org.integrationhub.devsupport.QueryPlan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The migrations on a real PostgreSQL: safe when services start together, and the seeds never overwrite. */
class MigrationTest {

    static EmbeddedDatabase server;

    @BeforeAll
    static void start() {
        server = EmbeddedDatabase.startEphemeral();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String freshDatabase(String name) throws SQLException {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return server.jdbcUrl().replaceAll("/[^/]+$", "/" + name);
    }

    @Test
    void twoServicesMigratingAnEmptyDatabaseAtOnceBothSucceedAndMigrateOnce() throws Exception {
        String url = freshDatabase("race");
        int starters = 4;
        CyclicBarrier together = new CyclicBarrier(starters);
        ExecutorService pool = Executors.newFixedThreadPool(starters);
        List<Future<?>> runs = new ArrayList<>();
        for (int i = 0; i < starters; i++) {
            runs.add(pool.submit((Callable<Void>) () -> {
                together.await(30, TimeUnit.SECONDS);
                DevDatabase.migrate(url, EmbeddedDatabase.USER, "");
                return null;
            }));
        }
        for (Future<?> run : runs) {
            run.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        inDatabase(url, s -> {
            ResultSet rs = row(s, """
                    SELECT count(*) FILTER (WHERE version IS NOT NULL), count(DISTINCT version),
                           bool_and(success)
                      FROM flyway_schema_history WHERE type <> 'SCHEMA'""");
            assertThat(rs.getInt(1)).as("versioned migrations applied").isEqualTo(rs.getInt(2)).isGreaterThanOrEqualTo(4);
            assertThat(rs.getBoolean(3)).isTrue();
            assertThat(count(s, "SELECT count(*) FROM scheduled_job WHERE name = 'recover_expired_leases'")).isEqualTo(1);
            return null;
        });
    }

    @Test
    void seedsInsertWhatIsAbsentAndNeverOverwriteAnOperatorsChange() throws SQLException {
        String url = migratedDatabase("seeds");
        inDatabase(url, s -> {
            s.execute("UPDATE scheduled_job SET interval_number = 42, enabled = false WHERE name = 'recover_expired_leases'");
            s.execute("DELETE FROM partner_category WHERE code = 'INSURER'");
            // rerun the repeatable seeds as an upgrade that changed them would
            return s.execute("DELETE FROM flyway_schema_history WHERE version IS NULL");
        });
        DevDatabase.migrate(url, EmbeddedDatabase.USER, "");
        inDatabase(url, s -> {
            ResultSet rs = row(s, "SELECT interval_number, enabled FROM scheduled_job WHERE name = 'recover_expired_leases'");
            assertThat(rs.getInt(1)).isEqualTo(42);
            assertThat(rs.getBoolean(2)).isFalse();
            rs = row(s, "SELECT string_agg(code, ',' ORDER BY code) FROM partner_category");
            assertThat(rs.getString(1)).isEqualTo("CUSTOMER,INSURER,MANUFACTURER,SUPPLIER");
            return null;
        });
    }

    @Test
    void stagingRowsObeyTheContractsStatusRules() throws SQLException {
        inDatabase(migratedDatabase("rules"), s -> {
            s.execute("""
                    INSERT INTO staging_record (receipt_id, interface, source_system, external_id, operation, sent_at, payload)
                    VALUES (gen_random_uuid(), 'departments', 'HIS', 'D1', 'CREATE', now(), '{}')""");
            assertThat(count(s, "SELECT count(*) FROM staging_departments")).isEqualTo(1);
            assertThatThrownBy(() -> s.execute(
                    "UPDATE staging_record SET status = 'FAILED' WHERE external_id = 'D1'"))
                    .hasMessageContaining("staging_record_outcome_ck");
            assertThatThrownBy(() -> s.execute(
                    "UPDATE staging_record SET status = 'PROCESSED', error_message = 'x' WHERE external_id = 'D1'"))
                    .hasMessageContaining("staging_record_outcome_ck");
            assertThatThrownBy(() -> s.execute(
                    "UPDATE staging_record SET outcome_xid = pg_current_xact_id() WHERE external_id = 'D1'"))
                    .as("an open row with an outcome's transaction").hasMessageContaining("staging_record_outcome_xid_ck");
            // whatever statement decides an outcome, the trigger writes the deciding transaction; reopening clears it
            s.execute("UPDATE staging_record SET status = 'SKIPPED', error_message = 'stale' WHERE external_id = 'D1'");
            assertThat(count(s, "SELECT count(*) FROM staging_record WHERE external_id = 'D1' AND outcome_xid IS NOT NULL "
                    + "AND outcome_xid < pg_current_xact_id()")).as("the (earlier) transaction that decided it").isEqualTo(1);
            s.execute("UPDATE staging_record SET status = 'PENDING', error_message = NULL WHERE external_id = 'D1'");
            assertThat(count(s, "SELECT count(*) FROM staging_record WHERE external_id = 'D1' AND outcome_xid IS NULL"))
                    .as("reopened").isEqualTo(1);
            assertThatThrownBy(() -> s.execute("""
                    INSERT INTO staging_record (receipt_id, interface, source_system, external_id, operation, sent_at, payload)
                    VALUES (gen_random_uuid(), 'wards', 'HIS', 'W1', 'CREATE', now(), '{}')"""))
                    .hasMessageContaining("partition");
            return null;
        });
    }

    @Test
    void claimingUsesThePendingIndexNotAScanOfHistory() throws SQLException {
        String plan = planOverAHistory("plan", "'{}'", """
                SELECT receipt_id FROM staging_record
                 WHERE interface = 'departments' AND status = 'PENDING'
                 ORDER BY sent_at, received_at LIMIT 100 FOR UPDATE SKIP LOCKED""");
        assertThat(plan).contains("staging_departments_sent_at_received_at_idx")
                .doesNotContain("Seq Scan");
    }

    @Test
    void aStagedReferenceLookupReadsOpenAndFailedRowsNotTheHistory() throws SQLException {
        // the processor's StagedReferences.LATEST
        String plan = planOverAHistory("reference_plan", "jsonb_build_object('code', 'D' || i)", """
                SELECT receipt_id, status, error_message FROM staging_record
                 WHERE interface = 'departments' AND source_system = 'HIS' AND payload ->> 'code' = 'D7'
                   AND operation <> 'DELETE' AND status IN ('PENDING', 'PROCESSING', 'FAILED')
                 ORDER BY status <> 'FAILED' DESC, sent_at DESC, received_at DESC LIMIT 1""");
        // the partition's copy of staging_record_waiting_code_idx
        assertThat(plan).contains("staging_departments_source_system_expr_idx").doesNotContain("Seq Scan");
    }

    /**
     * The plan of {@code query} in a fresh migrated database {@code name} that holds a history of 20,000
     * PROCESSED departments (HIS, D1..D20000, each with {@code payloadSql}, an expression of {@code i}) and
     * fresh statistics.
     */
    static String planOverAHistory(String name, String payloadSql, String query) throws SQLException {
        return inDatabase(migratedDatabase(name), s -> {
            s.execute("""
                    INSERT INTO staging_record (receipt_id, interface, source_system, external_id, operation, sent_at,
                                                payload, status, processed_at, outcome_xid)
                    SELECT gen_random_uuid(), 'departments', 'HIS', 'D' || i, 'CREATE', now(),
                           %s, 'PROCESSED', now(), pg_current_xact_id()
                      FROM generate_series(1, 20000) i""".formatted(payloadSql));
            s.execute("ANALYZE staging_record");
            return QueryPlan.explain(s, query);
        });
    }

    /** A fresh database {@code name} with every migration applied: its JDBC URL. */
    static String migratedDatabase(String name) throws SQLException {
        String url = freshDatabase(name);
        DevDatabase.migrate(url, EmbeddedDatabase.USER, "");
        return url;
    }

    /** Work on one statement of a connection of its own. */
    interface SqlWork<T> {
        T run(Statement s) throws SQLException;
    }

    static <T> T inDatabase(String url, SqlWork<T> work) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, EmbeddedDatabase.USER, "");
             Statement s = c.createStatement()) {
            return work.run(s);
        }
    }

    /** The first row of {@code sql}, positioned on it. */
    static ResultSet row(Statement s, String sql) throws SQLException {
        ResultSet rs = s.executeQuery(sql);
        assertThat(rs.next()).as("a row from " + sql).isTrue();
        return rs;
    }

    static int count(Statement s, String sql) throws SQLException {
        return row(s, sql).getInt(1);
    }
}

package org.integrationhub.processor.staging;

import org.integrationhub.devsupport.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationhub.devsupport.QueryPlan.explain;

/**
 * The outcome writes run once per row, on plans cached per connection. Whatever the statistics say, they
 * must find their row by the primary key: the index of rows being processed holds an entry for every row
 * drained since the last vacuum, and scanning it per row made drains over a large history quadratic.
 */
class OutcomePlanTest {

    @Test
    void outcomeWritesGoByThePrimaryKeyEvenWhenNothingSeemsToBeProcessing() throws SQLException {
        try (Connection c = PostgresTestResource.connect(); Statement s = c.createStatement()) {
            // a history of processed rows and statistics that say no row is being processed, as after a bulk load
            s.execute("""
                    INSERT INTO staging_record (receipt_id, interface, source_system, external_id, operation, sent_at,
                                                payload, status, processed_at, outcome_xid)
                    SELECT gen_random_uuid(), 'departments', 'PLAN-TEST', 'H' || i, 'CREATE', now(),
                           jsonb_build_object('code', 'H' || i), 'PROCESSED', now(), pg_current_xact_id()
                      FROM generate_series(1, 20000) i""");
            s.execute("ANALYZE staging_record");
            s.execute("SET plan_cache_mode = force_generic_plan");
            s.execute("PREPARE finish (text, uuid, text, text, text, timestamptz) AS " + StagingClaimRepository.FINISH);
            s.execute("PREPARE fail (text, uuid, text, text, text, text, timestamptz, timestamptz) AS "
                    + StagingClaimRepository.FAIL);
            s.execute("PREPARE wait (text, uuid, text, timestamptz, text) AS " + StagingClaimRepository.WAIT);
            String id = "'departments', '0190f0a3-7c1e-7d2a-9c4b-5e6f7a8b9c0d', 'w'";
            for (String execute : new String[] {
                    "EXECUTE finish (" + id + ", 'PROCESSED', NULL, now())",
                    "EXECUTE fail (" + id + ", 'FAILED', 'INTERNAL', 'x', now(), NULL)",
                    "EXECUTE wait (" + id + ", now(), 'x')"}) {
                String plan = explain(s, execute);
                assertThat(plan).as(execute).contains("staging_departments_pkey").doesNotContain("lease_until");
            }
            s.execute("DEALLOCATE ALL");
            s.execute("DELETE FROM staging_record WHERE source_system = 'PLAN-TEST'");
        }
    }
}

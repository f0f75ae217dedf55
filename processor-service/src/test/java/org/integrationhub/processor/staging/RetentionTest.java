package org.integrationhub.processor.staging;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.integrationhub.devsupport.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationhub.processor.StagingFixture.count;
import static org.integrationhub.processor.StagingFixture.execute;
import static org.integrationhub.processor.StagingFixture.unique;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class RetentionTest {

    @Inject
    Retention retention;

    @Test
    void oldFinishedRowsGoInBoundedBatchesFailedOnesLaterOpenOnesNever() throws Exception {
        String p = unique("RT");
        execute("""
                INSERT INTO staging_record (receipt_id, interface, source_system, external_id, operation, sent_at, payload,
                                            status, error_message, processed_at, outcome_xid)
                SELECT gen_random_uuid(), 'departments', 'HIS', ? || '-' || kind || '-' || g, 'CREATE', now(), '{}',
                       status, CASE WHEN status = 'FAILED' THEN 'broken' END, now() - age, pg_current_xact_id()
                  FROM generate_series(1, 25) g,
                       (VALUES ('old-ok', 'PROCESSED', interval '40 days'), ('new-ok', 'PROCESSED', interval '1 day'),
                               ('old-skip', 'SKIPPED', interval '40 days'), ('old-fail', 'FAILED', interval '40 days'),
                               ('ancient-fail', 'FAILED', interval '200 days')) AS k (kind, status, age)""", p);
        execute("""
                INSERT INTO staging_record (receipt_id, interface, source_system, external_id, operation, sent_at, payload,
                                            received_at)
                SELECT gen_random_uuid(), 'departments', 'HIS', ? || '-pending-' || g, 'CREATE', now(), '{}',
                       now() - interval '400 days'
                  FROM generate_series(1, 5) g""", p);

        int deleted = retention.purge(new Retention.Periods(30, 180, 14, 7))
                .await().atMost(Duration.ofSeconds(30));

        assertThat(deleted).isGreaterThanOrEqualTo(75);
        assertThat(count("SELECT count(*) FROM staging_record WHERE external_id LIKE ?", p + "-old-ok-%")).isZero();
        assertThat(count("SELECT count(*) FROM staging_record WHERE external_id LIKE ?", p + "-old-skip-%")).isZero();
        assertThat(count("SELECT count(*) FROM staging_record WHERE external_id LIKE ?", p + "-ancient-fail-%")).isZero();
        assertThat(count("SELECT count(*) FROM staging_record WHERE external_id LIKE ?", p + "-new-ok-%")).isEqualTo(25);
        assertThat(count("SELECT count(*) FROM staging_record WHERE external_id LIKE ?", p + "-old-fail-%")).isEqualTo(25);
        assertThat(count("SELECT count(*) FROM staging_record WHERE external_id LIKE ?", p + "-pending-%")).isEqualTo(5);
    }
}

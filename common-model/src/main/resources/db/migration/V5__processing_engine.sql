-- The processing engine: retry backoff, per-record ordering, run history and wake-up signals.

-- A row put back to PENDING after a passing fault waits until then (exponential backoff with jitter);
-- a row waiting for a referenced record still in staging waits the same way.
ALTER TABLE staging_record ADD COLUMN next_attempt_at timestamptz;

-- A row whose parent is not in the business tables looks the parent up among staged rows: still open
-- (it waits) or failed (it fails, naming it). Extend the waiting-code index to failed rows so that lookup
-- never scans the processed history; failed rows are few and retention removes them.
DROP INDEX staging_record_waiting_code_idx;
CREATE INDEX staging_record_waiting_code_idx ON staging_record (source_system, (payload ->> 'code'))
    WHERE status IN ('PENDING', 'PROCESSING', 'FAILED');

-- Each run of a scheduled job: when, where, how many rows, how it ended.
CREATE TABLE job_run (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    job_name    text        NOT NULL REFERENCES scheduled_job (name) ON DELETE CASCADE,
    worker      text        NOT NULL,
    trigger     text        NOT NULL CHECK (trigger IN ('SCHEDULE', 'MANUAL', 'SIGNAL')),
    started_at  timestamptz NOT NULL,
    finished_at timestamptz,
    rows        integer,
    outcome     text        CHECK (outcome IN ('SUCCEEDED', 'FAILED')),
    error       text
);
CREATE INDEX job_run_job_started_idx ON job_run (job_name, started_at DESC);

-- Retention deletes finished rows oldest first, in bounded batches.
CREATE INDEX staging_record_finished_idx ON staging_record (processed_at)
    WHERE status IN ('PROCESSED', 'SKIPPED', 'FAILED');

-- Rows waiting out a retry backoff block their record's later rows; the claim reads them through this.
CREATE INDEX staging_record_backoff_idx ON staging_record (next_attempt_at)
    WHERE status = 'PENDING' AND next_attempt_at IS NOT NULL;

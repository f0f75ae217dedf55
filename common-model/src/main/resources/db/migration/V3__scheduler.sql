-- The schedule table, after the seed's ir.actuator.scheduler (Odoo's ir.cron): what runs, how often,
-- in which order, and how it went last time. Operators change rows here through the operator API;
-- the seed (R__seed_jobs.sql) only inserts jobs that are absent.
CREATE TABLE scheduled_job (
    name             text        PRIMARY KEY,
    description      text,
    target           text        NOT NULL,
    args             jsonb       NOT NULL DEFAULT '{}'::jsonb,
    interval_number  integer     NOT NULL CHECK (interval_number > 0),
    interval_type    text        NOT NULL
        CHECK (interval_type IN ('seconds', 'minutes', 'hours', 'days', 'weeks', 'months')),
    priority         integer     NOT NULL DEFAULT 10,
    next_run         timestamptz NOT NULL DEFAULT now(),
    remaining_runs   integer     NOT NULL DEFAULT -1 CHECK (remaining_runs >= -1),
    enabled          boolean     NOT NULL DEFAULT true,
    last_started_at  timestamptz,
    last_finished_at timestamptz,
    last_outcome     text        CHECK (last_outcome IN ('SUCCEEDED', 'FAILED')),
    last_rows        integer,
    last_error       text,
    updated_at       timestamptz NOT NULL DEFAULT now()
);
COMMENT ON COLUMN scheduled_job.remaining_runs IS 'Runs left; -1 is unlimited, reaching 0 disables the job';
CREATE INDEX scheduled_job_due_idx ON scheduled_job (next_run) WHERE enabled;

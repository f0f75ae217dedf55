-- Hardening: replayable batches, worker heartbeats for fast crash recovery, and the operators' audit log.

-- A batch sent with an Idempotency-Key: its answer, stored in the same transaction as its rows, so the
-- same key and body replay the original results and store nothing; another body under the key is a 422.
CREATE TABLE batch_request (
    interface       text        NOT NULL,
    source_system   text        NOT NULL,
    idempotency_key text        NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 128),
    request_hash    bytea       NOT NULL,
    -- json, not jsonb: a replay answers the original bytes
    result          json        NOT NULL,
    received_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT batch_request_pk PRIMARY KEY (interface, source_system, idempotency_key)
);
COMMENT ON TABLE batch_request IS 'Answers of batches sent with an Idempotency-Key, replayed for the same key and body';
CREATE INDEX batch_request_received_idx ON batch_request (received_at);

-- Each live processor instance beats here every few seconds. Rows claimed by a worker whose beat is stale
-- (it was killed, or lost the database) go back to work at once, without waiting out their leases.
CREATE TABLE processor_worker (
    worker_id    text        PRIMARY KEY,
    started_at   timestamptz NOT NULL DEFAULT now(),
    heartbeat_at timestamptz NOT NULL,
    stopping     boolean     NOT NULL DEFAULT false
);
COMMENT ON TABLE processor_worker IS 'Live processor instances and their last heartbeat';

-- Recovery finds the rows of one dead worker by its name.
CREATE INDEX staging_record_claimed_by_idx ON staging_record (claimed_by) WHERE status = 'PROCESSING';

-- Every operator action, from the API or the console: who, when, what, and before -> after.
CREATE TABLE operator_action (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    actor       text        NOT NULL,
    action      text        NOT NULL,
    target      text,
    detail      jsonb       NOT NULL DEFAULT '{}'::jsonb
);
COMMENT ON TABLE operator_action IS 'Audit log of operator actions: retries, re-applies, schedule changes, runs';
CREATE INDEX operator_action_at_idx ON operator_action (at DESC);
CREATE INDEX operator_action_target_idx ON operator_action (target, at DESC);

-- An operator re-applies a SKIPPED row on purpose: it is applied although older than the record's fence,
-- and the fence moves to its sentAt (a fence set too far ahead blocked every real change after it).
ALTER TABLE staging_record ADD COLUMN reapply boolean NOT NULL DEFAULT false;

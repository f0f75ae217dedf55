-- The operator console: its accounts, and the index its records page and overview need.
--
-- Operator accounts: form login through quarkus-security-jpa-reactive. A password is stored only as a bcrypt
-- hash in Modular Crypt Format. No account exists until the configuration names the first operator
-- (hub.console.first-operator.*) or one is inserted: there is no built-in default password.
CREATE TABLE operator_account (
    username      text        PRIMARY KEY CHECK (username ~ '^[A-Za-z0-9._-]{1,64}$'),
    password_hash text        NOT NULL CHECK (password_hash ~ '^\$2[aby]\$'),
    role          text        NOT NULL CHECK (role IN ('viewer', 'operator')),
    created_at    timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE operator_account IS 'Console accounts: viewer reads everything, operator also retries, re-applies, edits schedules and runs jobs';

-- The console's records page lists newest first by receipt id (a version 7 uuid: time order, the primary key),
-- and its most used filter is "what failed". Only FAILED rows enter this index, so the drain's updates to
-- PROCESSED never touch it, and the failed list and counts never read the processed history.
CREATE INDEX staging_record_failed_idx ON staging_record (receipt_id) WHERE status = 'FAILED';

-- A row's attempts that did not end it well, for its history in the console: each failure (FAILED, or RETRY when it
-- goes back to PENDING for another attempt) and the first wait for each reason (a referenced record still in
-- staging), with when, which worker and why. Written in the statement that changes the row
-- (StagingClaimRepository.FAIL and WAIT); a row applied at its first attempt writes nothing here.
CREATE TABLE staging_attempt (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    receipt_id    uuid        NOT NULL,
    interface     text        NOT NULL,
    at            timestamptz NOT NULL DEFAULT now(),
    worker        text        NOT NULL,
    outcome       text        NOT NULL CHECK (outcome IN ('FAILED', 'RETRY', 'WAIT')),
    error_class   text,
    error_message text,
    CONSTRAINT staging_attempt_row_fk FOREIGN KEY (receipt_id, interface)
        REFERENCES staging_record (receipt_id, interface) ON DELETE CASCADE
);
CREATE INDEX staging_attempt_row_idx ON staging_attempt (receipt_id, interface, at);

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

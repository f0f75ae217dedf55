-- Operator accounts of the console (form login through quarkus-security-jpa-reactive). A password is stored
-- only as a bcrypt hash in Modular Crypt Format. No account exists until the configuration names one
-- (hub.console.initial-accounts) or an operator inserts one: there is no built-in default password.
CREATE TABLE operator_account (
    username      text        PRIMARY KEY CHECK (username ~ '^[A-Za-z0-9._-]{1,64}$'),
    password_hash text        NOT NULL CHECK (password_hash ~ '^\$2[aby]\$'),
    role          text        NOT NULL CHECK (role IN ('viewer', 'operator')),
    created_at    timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE operator_account IS 'Console accounts: viewer reads everything, operator also retries, re-applies, edits schedules and runs jobs';

-- TEST-ONLY, installed by the fault suite (FaultsIT), never by a migration: one row per write to a business
-- table, with the receipt that wrote it (last_receipt_id), the writing transaction and the session's
-- application_name (the processors name their sessions after their worker id). A transaction that rolls
-- back takes its rows with it, so the distinct transactions per receipt are how often a staging row was
-- applied: exactly once for a PROCESSED row, never for any other.
CREATE TABLE IF NOT EXISTS faults_business_write (
    receipt_id uuid,
    business   text        NOT NULL,
    txid       xid8        NOT NULL DEFAULT pg_current_xact_id(),
    worker     text        NOT NULL DEFAULT current_setting('application_name'),
    written_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX IF NOT EXISTS faults_business_write_receipt_idx ON faults_business_write (receipt_id);

CREATE OR REPLACE FUNCTION faults_count_business_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO faults_business_write (receipt_id, business) VALUES (NEW.last_receipt_id, TG_TABLE_NAME);
    RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER faults_count_business_write AFTER INSERT OR UPDATE ON department
    FOR EACH ROW EXECUTE FUNCTION faults_count_business_write();
CREATE OR REPLACE TRIGGER faults_count_business_write AFTER INSERT OR UPDATE ON employee
    FOR EACH ROW EXECUTE FUNCTION faults_count_business_write();
CREATE OR REPLACE TRIGGER faults_count_business_write AFTER INSERT OR UPDATE ON partner
    FOR EACH ROW EXECUTE FUNCTION faults_count_business_write();

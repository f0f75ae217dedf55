-- The partners' outcome feed (GET /api/v1/receipts): each outcome in the order it was decided, each seen once
-- (docs/adr/0003-outcome-feed.md).
--
-- A row's outcome (PROCESSED, FAILED, SKIPPED) carries the id of the transaction that decided it. The feed lists
-- outcomes by that id, and only those of transactions older than every one still running (pg_snapshot_xmin):
-- an outcome committing late, from a transaction that began earlier, can then never appear behind a cursor a
-- partner already holds. Outcome order is not commit order; this is.
ALTER TABLE staging_record ADD COLUMN outcome_xid xid8;

COMMENT ON COLUMN staging_record.outcome_xid IS
    'The transaction that decided the row''s outcome (PROCESSED, FAILED, SKIPPED); null while it is open';

-- Rows finished before the feed existed come first, in receipt order.
UPDATE staging_record SET outcome_xid = '1'::xid8 WHERE status IN ('PROCESSED', 'FAILED', 'SKIPPED');

-- One place sets it, whatever statement changes the status, so a processor of the previous release still
-- running during a rolling deploy decides outcomes the feed lists. The WHEN clauses keep the function off the
-- hot path's other writes: an intake insert (PENDING) and a claim (PENDING to PROCESSING) never call it.
CREATE FUNCTION staging_record_outcome_xid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.outcome_xid := CASE WHEN NEW.status IN ('PROCESSED', 'FAILED', 'SKIPPED') THEN pg_current_xact_id() END;
    RETURN NEW;
END
$$;

CREATE TRIGGER staging_record_outcome_decided BEFORE UPDATE OF status ON staging_record
    FOR EACH ROW
    WHEN (NEW.status IS DISTINCT FROM OLD.status
          AND (NEW.status IN ('PROCESSED', 'FAILED', 'SKIPPED') OR OLD.status IN ('PROCESSED', 'FAILED', 'SKIPPED')))
    EXECUTE FUNCTION staging_record_outcome_xid();
CREATE TRIGGER staging_record_outcome_inserted BEFORE INSERT ON staging_record
    FOR EACH ROW
    WHEN (NEW.status IN ('PROCESSED', 'FAILED', 'SKIPPED'))
    EXECUTE FUNCTION staging_record_outcome_xid();

-- A row has an outcome's transaction exactly while its status is an outcome. Added without a scan under the
-- table's lock, then checked while writes go on.
ALTER TABLE staging_record ADD CONSTRAINT staging_record_outcome_xid_ck
    CHECK ((status IN ('PROCESSED', 'FAILED', 'SKIPPED')) = (outcome_xid IS NOT NULL)) NOT VALID;
ALTER TABLE staging_record VALIDATE CONSTRAINT staging_record_outcome_xid_ck;

-- A source system's outcomes in feed order, and its failures alone (the feed's usual filter) without walking
-- past every processed row.
CREATE INDEX staging_record_outcome_idx ON staging_record (source_system, outcome_xid, receipt_id)
    WHERE outcome_xid IS NOT NULL;
CREATE INDEX staging_record_outcome_failed_idx ON staging_record (source_system, outcome_xid, receipt_id)
    WHERE status IN ('FAILED', 'SKIPPED');

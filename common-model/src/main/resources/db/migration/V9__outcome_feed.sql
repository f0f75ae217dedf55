-- The partners' outcome feed (GET /api/v1/receipts): each outcome in the order it was decided, each seen once.
--
-- A row's outcome (PROCESSED, FAILED, SKIPPED) is written with the id of the transaction that wrote it. The
-- feed lists outcomes by that id, and only those whose transaction is older than every transaction still
-- running (pg_snapshot_xmin): an outcome committing late, from a transaction that began earlier, can then
-- never appear behind a cursor a partner already holds. Outcome order is not commit order; this is.
ALTER TABLE staging_record ADD COLUMN outcome_xid xid8;

COMMENT ON COLUMN staging_record.outcome_xid IS
    'The transaction that decided the row''s outcome (PROCESSED, FAILED, SKIPPED); null while it is open';

-- Rows finished before the feed existed come first, in receipt order.
UPDATE staging_record SET outcome_xid = '1'::xid8 WHERE status IN ('PROCESSED', 'FAILED', 'SKIPPED');

-- Every statement that decides an outcome says which transaction did, and one that reopens a row forgets it.
ALTER TABLE staging_record ADD CONSTRAINT staging_record_outcome_xid_ck
    CHECK ((status IN ('PROCESSED', 'FAILED', 'SKIPPED')) = (outcome_xid IS NOT NULL));

-- A source system's outcomes in feed order, and its failures alone (the feed's usual filter) without walking
-- past every processed row.
CREATE INDEX staging_record_outcome_idx ON staging_record (source_system, outcome_xid, receipt_id)
    WHERE outcome_xid IS NOT NULL;
CREATE INDEX staging_record_outcome_failed_idx ON staging_record (source_system, outcome_xid, receipt_id)
    WHERE status IN ('FAILED', 'SKIPPED');

-- A row is held by a worker exactly while it is PROCESSING. The processor's outcome writes guard on the
-- lease alone (claimed_by = the worker), which this makes the same as guarding on the status too; so
-- they can find their row by its primary key, instead of through the index of rows being processed
-- (which, until vacuum, holds an entry for every row drained since and was chosen by plans made while
-- statistics said no row was being processed: a full scan of it for every row applied).
ALTER TABLE staging_record ADD CONSTRAINT staging_record_claim_ck
    CHECK ((status = 'PROCESSING') = (claimed_by IS NOT NULL));

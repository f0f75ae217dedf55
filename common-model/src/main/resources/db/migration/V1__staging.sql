-- Staging: the raw records partners send, one table per interface (the seed's 接口表).
--
-- staging_record is a LIST-partitioned parent; each interface is one partition, a table of its own
-- (staging_departments, ...). Code that works on every interface (receipts, claiming, operator
-- listings) queries the parent with an `interface` predicate and PostgreSQL prunes to the partition;
-- an operator can still query one interface's table directly. Adding an interface adds a partition.
CREATE TABLE staging_record (
    receipt_id      uuid        NOT NULL,
    interface       text        NOT NULL,
    -- the fixed columns of the contract
    source_system   text        NOT NULL,
    external_id     text        NOT NULL,
    operation       text        NOT NULL,
    sent_at         timestamptz NOT NULL,
    status          text        NOT NULL DEFAULT 'PENDING',
    error_message   text,
    payload         jsonb       NOT NULL,
    received_at     timestamptz NOT NULL DEFAULT now(),
    processed_at    timestamptz,
    attempts        integer     NOT NULL DEFAULT 0,
    -- bookkeeping beyond the contract
    error_class     text,
    idempotency_key text,
    request_hash    bytea,
    claimed_by      text,
    lease_until     timestamptz,
    CONSTRAINT staging_record_pk PRIMARY KEY (receipt_id, interface),
    CONSTRAINT staging_record_operation_ck CHECK (operation IN ('CREATE', 'UPDATE', 'DELETE')),
    CONSTRAINT staging_record_status_ck
        CHECK (status IN ('PENDING', 'PROCESSING', 'PROCESSED', 'FAILED', 'SKIPPED')),
    CONSTRAINT staging_record_error_class_ck
        CHECK (error_class IS NULL OR error_class IN ('VALIDATION', 'REFERENCE', 'CONFLICT', 'TRANSIENT', 'INTERNAL')),
    -- a processed row carries no error; a failed one always says why
    CONSTRAINT staging_record_outcome_ck CHECK (
        (status <> 'PROCESSED' OR error_message IS NULL)
        AND (status <> 'FAILED' OR error_message IS NOT NULL))
) PARTITION BY LIST (interface);

COMMENT ON TABLE staging_record IS 'Raw partner records awaiting or after processing; one partition per interface';
COMMENT ON COLUMN staging_record.payload IS 'The envelope''s data object as received';
COMMENT ON COLUMN staging_record.request_hash IS 'SHA-256 of the canonical envelope, to tell an idempotent replay from a reused key';

CREATE TABLE staging_departments PARTITION OF staging_record FOR VALUES IN ('departments');
CREATE TABLE staging_employees   PARTITION OF staging_record FOR VALUES IN ('employees');
CREATE TABLE staging_partners    PARTITION OF staging_record FOR VALUES IN ('partners');

-- Claiming: only PENDING rows are in this index, so it stays as small as the backlog however many
-- processed rows pile up beside it.
CREATE INDEX staging_record_pending_idx ON staging_record (sent_at, received_at) WHERE status = 'PENDING';
-- Recovering expired leases: only rows being processed.
CREATE INDEX staging_record_processing_idx ON staging_record (lease_until) WHERE status = 'PROCESSING';
-- A record's receipts, newest first, and the per-record order fence.
CREATE INDEX staging_record_record_idx ON staging_record (source_system, external_id, sent_at DESC);
-- References to records still waiting in staging (a parent sent in the same batch).
CREATE INDEX staging_record_waiting_code_idx ON staging_record (source_system, (payload ->> 'code'))
    WHERE status IN ('PENDING', 'PROCESSING');
-- One row per idempotency key and source system within an interface.
CREATE UNIQUE INDEX staging_record_idempotency_uq ON staging_record (interface, source_system, idempotency_key)
    WHERE idempotency_key IS NOT NULL;

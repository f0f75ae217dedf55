-- One trace from a partner's request to the business row (docs/operations.md): the intake stores the W3C trace
-- context of the request that brought the record (the partner's own traceparent continued, or a new trace) and
-- the request's correlation id; the processor links its apply of the row to that trace and writes both ids in
-- every log line about the row. Null for rows stored before.
ALTER TABLE staging_record ADD COLUMN trace_parent text, ADD COLUMN correlation_id text;

COMMENT ON COLUMN staging_record.trace_parent IS
    'W3C traceparent (version 00) of the intake request that stored the row; its trace id is the receipt''s traceId';
COMMENT ON COLUMN staging_record.correlation_id IS
    'X-Correlation-Id of the intake request that stored the row (the partner''s own, or one the intake made)';

ALTER TABLE staging_record ADD CONSTRAINT staging_record_trace_context_ck
    CHECK (trace_parent ~ '^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$'
           AND correlation_id ~ '^[A-Za-z0-9._-]{8,64}$') NOT VALID;
ALTER TABLE staging_record VALIDATE CONSTRAINT staging_record_trace_context_ck;

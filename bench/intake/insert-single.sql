-- The intake's INSERT for one record (StagingWriteRepository.INSERT_ONE), as pgbench runs it.
\set n random(1, 2000000000)
INSERT INTO staging_record (receipt_id, interface, source_system, external_id, operation, sent_at,
                            payload, idempotency_key, request_hash)
VALUES (gen_random_uuid(), 'departments', 'HIS', 'B-' || :n, 'CREATE', '2026-11-26T08:00:00+08:00'::timestamptz,
        ('{"code":"B-' || :n || '","name":"Bench department","costCenter":"CC-1"}')::jsonb, NULL, NULL)
ON CONFLICT (interface, source_system, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
RETURNING receipt_id, interface, source_system, external_id, operation, sent_at, received_at, status,
          error_message, attempts, processed_at;

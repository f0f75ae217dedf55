-- The same INSERT with 500 rows in one statement: the multi-row baseline for the batch endpoint.
INSERT INTO staging_record (receipt_id, interface, source_system, external_id, operation, sent_at,
                            payload, idempotency_key, request_hash)
SELECT gen_random_uuid(), 'departments', 'HIS', 'B-' || g, 'CREATE', '2026-11-26T08:00:00+08:00'::timestamptz,
       ('{"code":"B-' || g || '","name":"Bench department","costCenter":"CC-1"}')::jsonb, NULL,
       NULL
  FROM generate_series(1, 500) g
ON CONFLICT (interface, source_system, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
RETURNING receipt_id, interface, source_system, external_id, operation, sent_at, received_at, status,
          error_message, attempts, processed_at;

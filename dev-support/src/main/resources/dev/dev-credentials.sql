-- The documented development credentials (README, CONTRACT.md). Loaded only by the tests and by
-- ./run-local; a production deployment never runs this file. Keys are stored as SHA-256 digests.
INSERT INTO api_key (name, key_hash, role, source_system, interfaces) VALUES
    ('his-dev', sha256(convert_to('his-dev-key', 'UTF8')), 'PARTNER', 'HIS', '{*}'),
    ('erp-dev', sha256(convert_to('erp-dev-key', 'UTF8')), 'PARTNER', 'ERP', '{partners}'),
    ('ops-dev', sha256(convert_to('ops-dev-key', 'UTF8')), 'OPERATOR', NULL, '{}')
ON CONFLICT (name) DO NOTHING;

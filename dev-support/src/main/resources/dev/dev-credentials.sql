-- The documented development credentials (README, CONTRACT.md). Loaded only by the tests and by
-- ./run-local; a production deployment never runs this file. Keys are stored as SHA-256 digests.
INSERT INTO api_key (name, key_hash, role, source_system, interfaces) VALUES
    ('his-dev', sha256(convert_to('his-dev-key', 'UTF8')), 'PARTNER', 'HIS', '{*}'),
    ('erp-dev', sha256(convert_to('erp-dev-key', 'UTF8')), 'PARTNER', 'ERP', '{partners}'),
    ('ops-dev', sha256(convert_to('ops-dev-key', 'UTF8')), 'OPERATOR', NULL, '{}')
ON CONFLICT (name) DO NOTHING;

-- Console accounts (bcrypt hashes of the documented passwords ops-dev-password and viewer-dev-password).
INSERT INTO operator_account (username, password_hash, role) VALUES
    ('ops', '$2a$10$W3z.bHERVqCoETydqEw/r.n7K.UROc2tSmvvHrATA2utwIYI3q/2G', 'operator'),
    ('viewer', '$2a$10$mkTGhAB1xTP9yT0u.AytL..PREl/aI.yJkn71Gv90Yau2Vzv62JNS', 'viewer')
ON CONFLICT (username) DO NOTHING;

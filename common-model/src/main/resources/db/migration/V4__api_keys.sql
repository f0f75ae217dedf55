-- API keys: only a SHA-256 digest of each key is stored. Keys are long random secrets, so a fast
-- digest is the right tool (as for GitHub tokens); the request's key is hashed and looked up.
-- A PARTNER key belongs to one source system and a set of interfaces ('*' for all of them);
-- an OPERATOR key opens the operator API of the processor.
CREATE TABLE api_key (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name          text        NOT NULL UNIQUE,
    key_hash      bytea       NOT NULL UNIQUE CHECK (length(key_hash) = 32),
    role          text        NOT NULL CHECK (role IN ('PARTNER', 'OPERATOR')),
    source_system text,
    interfaces    text[]      NOT NULL DEFAULT '{}',
    active        boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT api_key_partner_source_ck CHECK (role <> 'PARTNER' OR source_system IS NOT NULL)
);

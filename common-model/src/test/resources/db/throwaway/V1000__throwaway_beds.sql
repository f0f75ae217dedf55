-- The throwaway interface of the tests (org.integrationhub.common.throwaway.Beds): its staging partition and its
-- business table, as a real interface's migration would add them.
CREATE TABLE staging_beds PARTITION OF staging_record FOR VALUES IN ('beds');

CREATE TABLE bed (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code            text        NOT NULL,
    name            text        NOT NULL,
    department_id   bigint      NOT NULL REFERENCES department (id),
    kind            text,
    commissioned_on date,
    active          boolean     NOT NULL DEFAULT true,
    source_system   text        NOT NULL,
    external_id     text        NOT NULL,
    last_sent_at    timestamptz NOT NULL,
    last_receipt_id uuid,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT bed_source_uq UNIQUE (source_system, external_id)
);
CREATE UNIQUE INDEX bed_active_code_uq ON bed (code) WHERE active;
CREATE INDEX bed_department_idx ON bed (department_id);

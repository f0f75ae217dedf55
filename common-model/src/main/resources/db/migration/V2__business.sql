-- Business master data, as the HRP keeps it. Each record is linked to the partner record that
-- created it (source_system, external_id); last_sent_at is the order fence: a staging row sent
-- before it is stale. Codes are unique among active records only, so an archived code can return.

CREATE TABLE department (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code            text        NOT NULL,
    name            text        NOT NULL,
    parent_id       bigint      REFERENCES department (id),
    cost_center     text,
    active          boolean     NOT NULL DEFAULT true,
    source_system   text        NOT NULL,
    external_id     text        NOT NULL,
    last_sent_at    timestamptz NOT NULL,
    last_receipt_id uuid,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT department_source_uq UNIQUE (source_system, external_id),
    CONSTRAINT department_not_own_parent_ck CHECK (parent_id IS DISTINCT FROM id)
);
CREATE UNIQUE INDEX department_active_code_uq ON department (code) WHERE active;
CREATE INDEX department_code_idx ON department (code);
CREATE INDEX department_parent_idx ON department (parent_id);

CREATE TABLE employee (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code            text        NOT NULL,
    name            text        NOT NULL,
    department_id   bigint      NOT NULL REFERENCES department (id),
    title           text,
    email           text,
    phone           text,
    hire_date       date,
    active          boolean     NOT NULL DEFAULT true,
    source_system   text        NOT NULL,
    external_id     text        NOT NULL,
    last_sent_at    timestamptz NOT NULL,
    last_receipt_id uuid,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT employee_source_uq UNIQUE (source_system, external_id)
);
CREATE UNIQUE INDEX employee_active_code_uq ON employee (code) WHERE active;
CREATE INDEX employee_code_idx ON employee (code);
CREATE INDEX employee_department_idx ON employee (department_id);

-- Partner categories are master data the HRP owns (seeded in R__seed_master_data.sql).
CREATE TABLE partner_category (
    code        text        PRIMARY KEY,
    name        text        NOT NULL,
    active      boolean     NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- The HRP's res.partner: companies and persons; a person whose parent is a company is its contact.
CREATE TABLE partner (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code            text        NOT NULL,
    name            text        NOT NULL,
    type            text        NOT NULL CHECK (type IN ('COMPANY', 'PERSON')),
    category_code   text        NOT NULL REFERENCES partner_category (code),
    tax_id          text,
    parent_id       bigint      REFERENCES partner (id),
    email           text,
    phone           text,
    address_line1   text,
    city            text,
    province        text,
    postal_code     text,
    country_code    text,
    active          boolean     NOT NULL DEFAULT true,
    source_system   text        NOT NULL,
    external_id     text        NOT NULL,
    last_sent_at    timestamptz NOT NULL,
    last_receipt_id uuid,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT partner_source_uq UNIQUE (source_system, external_id),
    CONSTRAINT partner_not_own_parent_ck CHECK (parent_id IS DISTINCT FROM id)
);
CREATE UNIQUE INDEX partner_active_code_uq ON partner (code) WHERE active;
CREATE INDEX partner_code_idx ON partner (code);
CREATE INDEX partner_parent_idx ON partner (parent_id);

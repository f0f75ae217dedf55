-- Seeded like the seed's <data noupdate="1">: inserted when absent, never overwriting an operator's change.
INSERT INTO partner_category (code, name) VALUES
    ('SUPPLIER', 'Supplier'),
    ('CUSTOMER', 'Customer'),
    ('INSURER', 'Insurer'),
    ('MANUFACTURER', 'Manufacturer')
ON CONFLICT (code) DO NOTHING;

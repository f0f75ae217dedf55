-- Seeded like the seed's <data noupdate="1">: a job is inserted when absent and never overwritten,
-- so an operator's change to interval, priority or enabled survives every upgrade. Flyway reruns
-- this file when it changes, which is how a new release adds a job.
INSERT INTO scheduled_job (name, description, target, args, interval_number, interval_type, priority) VALUES
    ('process_departments', 'Apply pending department records', 'staging.process',
        '{"interface": "departments", "batchSize": 100}', 2, 'seconds', 10),
    -- after departments: employees and partners reference them (and partner contacts their companies)
    ('process_employees', 'Apply pending employee records', 'staging.process',
        '{"interface": "employees", "batchSize": 100}', 2, 'seconds', 20),
    ('process_partners', 'Apply pending partner records', 'staging.process',
        '{"interface": "partners", "batchSize": 100}', 2, 'seconds', 20),
    ('recover_expired_leases', 'Put rows whose worker died back to PENDING', 'staging.recover',
        '{}', 30, 'seconds', 5),
    ('purge_old_staging_rows', 'Delete processed rows after 30 days and failed ones after 180, in bounded batches',
        'staging.retention', '{"processedDays": 30, "failedDays": 180, "batchSize": 5000}', 1, 'hours', 50)
ON CONFLICT (name) DO NOTHING;

-- Seeded like the seed's <data noupdate="1">: a job is inserted when absent and never overwritten,
-- so an operator's change to interval, priority or enabled survives every upgrade. Flyway reruns
-- this file when it changes, which is how a new release adds a job. Each interface's processing job
-- (process_<interface>) is not listed here: the processor creates it at start from the interface registry,
-- the same way (InterfaceJobs).
INSERT INTO scheduled_job (name, description, target, args, interval_number, interval_type, priority) VALUES
    ('recover_expired_leases', 'Put rows whose worker died back to PENDING', 'staging.recover',
        '{}', 30, 'seconds', 5),
    ('purge_old_staging_rows', 'Delete processed rows after 30 days and failed ones after 180, in bounded batches',
        'staging.retention', '{"processedDays": 30, "failedDays": 180, "batchSize": 5000}', 1, 'hours', 50)
ON CONFLICT (name) DO NOTHING;

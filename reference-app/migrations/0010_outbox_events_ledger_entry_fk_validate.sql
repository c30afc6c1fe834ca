-- VALIDATE CONSTRAINT scans existing rows under SHARE UPDATE EXCLUSIVE: reads and writes go on.
SET lock_timeout = '5s';
SET statement_timeout = '10min';

ALTER TABLE outbox_events VALIDATE CONSTRAINT outbox_events_ledger_entry_fk;

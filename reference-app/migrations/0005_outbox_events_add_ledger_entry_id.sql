-- The ledger row an outbox event was written with (nullable: other aggregates may follow).
SET lock_timeout = '3s';
SET statement_timeout = '15s';

ALTER TABLE outbox_events ADD COLUMN IF NOT EXISTS ledger_entry_id bigint;

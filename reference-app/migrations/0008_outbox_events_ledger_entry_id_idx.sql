--! no-transaction
-- Index the referencing column before the foreign key, so deletes on ledger_entries need no scan.
SET lock_timeout = '5s';
SET statement_timeout = '30min';

CREATE INDEX CONCURRENTLY IF NOT EXISTS outbox_events_ledger_entry_id_idx
  ON outbox_events (ledger_entry_id);

-- Add the foreign key NOT VALID: new rows are checked at once, existing rows are not scanned under the
-- lock. 0010 validates it with a weaker lock.
SET lock_timeout = '3s';
SET statement_timeout = '15s';

ALTER TABLE outbox_events
  ADD CONSTRAINT outbox_events_ledger_entry_fk
  FOREIGN KEY (ledger_entry_id) REFERENCES ledger_entries (id)
  NOT VALID;

--! no-transaction
-- Listing a tenant's payments by time. CONCURRENTLY does not block writes, and cannot run inside a
-- transaction, so this file runs on its own, statement by statement.
SET lock_timeout = '5s';
SET statement_timeout = '30min';

CREATE INDEX CONCURRENTLY IF NOT EXISTS ledger_entries_tenant_created_idx
  ON ledger_entries (tenant_id, created_at DESC);

-- The payments ledger. One row per charge; (tenant_id, idempotency_key) is unique, so concurrent retries
-- of one request charge once (INSERT ... ON CONFLICT DO NOTHING). The table is new, so creating its
-- constraints and indexes here takes no lock anyone waits for.
SET lock_timeout = '5s';
SET statement_timeout = '30s';

CREATE TABLE IF NOT EXISTS ledger_entries (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id text NOT NULL,
  idempotency_key text NOT NULL,
  request_hash text NOT NULL,
  amount_cents bigint NOT NULL,
  currency text NOT NULL,
  description text,
  status text NOT NULL DEFAULT 'captured',
  request_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT ledger_entries_idempotency_key UNIQUE (tenant_id, idempotency_key),
  CONSTRAINT ledger_entries_amount_positive CHECK (amount_cents > 0),
  CONSTRAINT ledger_entries_status_known CHECK (status IN ('captured', 'refunded'))
);

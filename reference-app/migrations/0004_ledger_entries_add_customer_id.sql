-- A nullable column without a default: a catalog-only change, no table rewrite. The short lock_timeout
-- makes it give up instead of queueing every other query behind its ACCESS EXCLUSIVE lock.
SET lock_timeout = '3s';
SET statement_timeout = '15s';

ALTER TABLE ledger_entries ADD COLUMN IF NOT EXISTS customer_id text;

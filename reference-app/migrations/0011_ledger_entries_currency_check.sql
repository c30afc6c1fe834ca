-- ISO 4217 codes only. NOT VALID: enforced for new rows now, existing rows validated by 0012.
SET lock_timeout = '3s';
SET statement_timeout = '15s';

ALTER TABLE ledger_entries
  ADD CONSTRAINT ledger_entries_currency_iso4217
  CHECK (currency ~ '^[A-Z]{3}$')
  NOT VALID;

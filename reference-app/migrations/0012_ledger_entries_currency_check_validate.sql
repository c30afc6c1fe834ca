-- Validate the currency check without blocking writes.
SET lock_timeout = '5s';
SET statement_timeout = '10min';

ALTER TABLE ledger_entries VALIDATE CONSTRAINT ledger_entries_currency_iso4217;

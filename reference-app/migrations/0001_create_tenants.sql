-- Tenants known to the api. A tenant without a row gets the default rate limit (RATE_LIMIT_MAX);
-- a row can raise or lower it.
SET lock_timeout = '5s';
SET statement_timeout = '30s';

CREATE TABLE IF NOT EXISTS tenants (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  slug text NOT NULL,
  display_name text,
  rate_limit_max integer,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT tenants_slug_key UNIQUE (slug),
  CONSTRAINT tenants_slug_format CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  CONSTRAINT tenants_rate_limit_positive CHECK (rate_limit_max IS NULL OR rate_limit_max > 0)
);

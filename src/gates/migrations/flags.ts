import type { CliFlag } from "../../engine/gate.js";

/** Kept apart from the collector so `--help` can list it without loading the SQL parser. */
export const MIGRATIONS_FLAGS: readonly CliFlag[] = [
  { name: "files", type: "string", multiple: true, description: "SQL migration files or globs, in the order they run (repeatable)" },
  { name: "base", type: "string", description: "git ref: judge only migrations added since it; earlier ones are schema context" },
  { name: "migration-format", type: "string", description: "auto | plain | flyway | prisma | golang-migrate (default auto)" },
  {
    name: "runner",
    type: "string",
    description:
      "prisma | golang-migrate | golang-migrate-multi-statement | flyway | diesel | node-pg-migrate | rails | graphile-migrate | psql | psql-single-transaction | plain: how files reach PostgreSQL (default: from the file names)",
  },
  { name: "transaction", type: "string", description: "per-file | single-message | none: overrides the runner's transaction model for every file" },
  { name: "trace", type: "boolean", description: "also run the new migrations on a throwaway PostgreSQL and record their locks" },
  { name: "trace-url", type: "string", description: "PostgreSQL URL for --trace instead of a throwaway server (its data is changed)" },
];

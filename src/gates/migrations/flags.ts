import type { CliFlag } from "../../engine/gate.js";

/** Kept apart from the collector so `--help` can list it without loading the SQL parser. */
export const MIGRATIONS_FLAGS: readonly CliFlag[] = [
  { name: "files", type: "string", multiple: true, description: "SQL migration files or globs, in the order they run (repeatable)" },
  { name: "base", type: "string", description: "git ref: judge only migrations added since it; earlier ones are schema context" },
  { name: "migration-format", type: "string", description: "auto | plain | flyway | prisma | golang-migrate (default auto)" },
  { name: "transaction", type: "string", description: "per-file | none: how the runner wraps each file (default per-file)" },
  { name: "trace", type: "boolean", description: "also run the new migrations on a throwaway PostgreSQL and record their locks" },
  { name: "trace-url", type: "string", description: "PostgreSQL URL for --trace instead of a throwaway server (its data is changed)" },
];

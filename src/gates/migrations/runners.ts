// How each migration runner hands a file to PostgreSQL. What matters for the rules is whether a
// statement runs inside a transaction block, and PostgreSQL decides that from the protocol: a
// simple-query message with one statement runs outside any block (autocommit); a message with several
// makes them one implicit transaction block; statements sent one by one autocommit unless the runner
// sent BEGIN first. Each model is checked on a real PostgreSQL by test/migrations/runners.test.ts,
// which sends files exactly as the runner does.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { MigrationFormat } from "./order.js";

export const RUNNERS = [
  "prisma",
  "golang-migrate",
  "golang-migrate-multi-statement",
  "flyway",
  "diesel",
  "node-pg-migrate",
  "rails",
  "graphile-migrate",
  "psql",
  "psql-single-transaction",
  "plain",
] as const;
export type Runner = (typeof RUNNERS)[number];

/**
 * How the runner executes one file: `per-file` sends BEGIN, then the statements, then COMMIT;
 * `single-message` sends the whole file as one simple-query message with no BEGIN of its own;
 * `none` sends the statements one by one in autocommit.
 */
export type TransactionModel = "per-file" | "none" | "single-message";
export const TRANSACTION_MODELS: readonly TransactionModel[] = ["per-file", "none", "single-message"];

export interface Execution {
  transaction: TransactionModel;
  /**
   * Under `per-file`, whether the runner's BEGIN and the file travel as one message after it (Diesel,
   * node-pg-migrate, graphile-migrate: a later statement after the file's own COMMIT is then in the
   * message's implicit block) or statement by statement (JDBC with autocommit off opens a new
   * transaction after a COMMIT; psql -1 and Rails run the rest in autocommit).
   */
  oneMessage: boolean;
  /** Per-statement sending: after the file's own COMMIT the driver opens a new transaction (JDBC). */
  reopens: boolean;
  /** One line for messages: what the gate assumed, e.g. "prisma: migration.sql sent as one simple-query message, no BEGIN". */
  assumed: string;
}

const MODELS: Record<Runner, Omit<Execution, "assumed"> & { how: string }> = {
  prisma: { transaction: "single-message", oneMessage: true, reopens: false, how: "migration.sql sent as one simple-query message, without BEGIN" },
  "golang-migrate": { transaction: "single-message", oneMessage: true, reopens: false, how: "the .up.sql file sent as one simple-query message, without BEGIN" },
  "golang-migrate-multi-statement": { transaction: "none", oneMessage: false, reopens: false, how: "x-multi-statement: each statement sent on its own, in autocommit" },
  flyway: { transaction: "per-file", oneMessage: false, reopens: true, how: "statement by statement in one JDBC transaction per file" },
  diesel: { transaction: "per-file", oneMessage: true, reopens: false, how: "BEGIN, then up.sql as one simple-query message, then COMMIT" },
  "node-pg-migrate": { transaction: "per-file", oneMessage: true, reopens: false, how: "BEGIN, then the migration's SQL as one query, then COMMIT" },
  rails: { transaction: "per-file", oneMessage: false, reopens: false, how: "statement by statement inside the migration's DDL transaction" },
  "graphile-migrate": { transaction: "per-file", oneMessage: true, reopens: false, how: "BEGIN, then the file as one query, then COMMIT" },
  psql: { transaction: "none", oneMessage: false, reopens: false, how: "psql without -1: each statement on its own, in autocommit" },
  "psql-single-transaction": { transaction: "per-file", oneMessage: false, reopens: false, how: "psql -1: BEGIN, each statement on its own, COMMIT" },
  plain: { transaction: "per-file", oneMessage: false, reopens: true, how: "statement by statement in one transaction per file" },
};

/** The runner a naming scheme implies when none is configured (Diesel is told by its up.sql folders). */
export function defaultRunner(format: MigrationFormat, paths: readonly string[]): Runner {
  if (format === "prisma" || format === "golang-migrate" || format === "flyway") return format;
  if (paths.length > 0 && paths.every((path) => /(^|\/)up\.sql$/.test(path))) return "diesel";
  return "plain";
}

export function runnerExecution(runner: Runner, override?: TransactionModel): Execution {
  const model = MODELS[runner];
  const transaction = override ?? model.transaction;
  const how = override && override !== model.transaction ? `${override} (configured)` : model.how;
  return { transaction, oneMessage: transaction === "single-message" || (transaction === "per-file" && model.oneMessage), reopens: model.reopens, assumed: `${runner}: ${how}` };
}

/** A file's own execution when its runner lets it choose one; undefined to keep the runner's. */
export function fileExecution(runner: Runner, path: string, text: string): Execution | undefined {
  switch (runner) {
    case "graphile-migrate":
      // `--! no-transaction`: graphile-migrate sends the file as one query without BEGIN.
      return noTransactionHeader(text) ? { transaction: "single-message", oneMessage: true, reopens: false, assumed: "graphile-migrate: --! no-transaction, the file sent as one query without BEGIN" } : undefined;
    case "diesel":
      return dieselWithoutTransaction(path)
        ? { transaction: "single-message", oneMessage: true, reopens: false, assumed: "diesel: run_in_transaction = false (metadata.toml), up.sql sent as one simple-query message" }
        : undefined;
    default:
      // Any runner: the graphile-migrate header is how a plain file says it runs outside a transaction.
      return noTransactionHeader(text) ? { transaction: "none", oneMessage: false, reopens: false, assumed: `${runner}: --! no-transaction header, each statement in autocommit` } : undefined;
  }
}

/** `--! no-transaction` among the file's leading comments (graphile-migrate's spelling). */
function noTransactionHeader(text: string): boolean {
  for (const line of text.split("\n", 50)) {
    const trimmed = line.trim();
    if (trimmed === "") continue;
    if (!trimmed.startsWith("--")) return false;
    if (/^--!\s*no-transaction\s*$/i.test(trimmed)) return true;
  }
  return false;
}

/** Diesel's metadata.toml beside up.sql: `run_in_transaction = false`. */
function dieselWithoutTransaction(path: string): boolean {
  const metadata = join(dirname(path), "metadata.toml");
  if (!existsSync(metadata)) return false;
  return /^\s*run_in_transaction\s*=\s*false\s*(#.*)?$/m.test(readFileSync(metadata, "utf8"));
}

/**
 * Statements Flyway's PostgreSQL parser marks non-transactional (its detectCanExecuteInTransaction):
 * a file made only of these runs without a transaction; a file mixing them with others is refused
 * (mixed=false) and here runs in a transaction, so the rules report it.
 */
export function flywayNonTransactional(sql: string): boolean {
  const simplified = sql
    .replace(/--[^\n]*/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .toUpperCase();
  return (
    /^(CREATE|DROP) (DATABASE|TABLESPACE|SUBSCRIPTION)\b/.test(simplified) ||
    /^ALTER SYSTEM\b/.test(simplified) ||
    /^(CREATE|DROP)( UNIQUE)? INDEX CONCURRENTLY\b/.test(simplified) ||
    /^REINDEX( VERBOSE)? (SCHEMA|DATABASE|SYSTEM)\b/.test(simplified) ||
    /^VACUUM\b/.test(simplified) ||
    /^DISCARD ALL\b/.test(simplified)
  );
}

import { readFileSync } from "node:fs";
import { basename } from "node:path";
import picomatch from "picomatch";
import { CollectorError, ConfigurationError } from "../../engine/errors.js";
import type { CollectedInput, Gate, GateContext } from "../../engine/gate.js";
import type { Logger } from "../../engine/logger.js";
import type { PolicyFinding, SourceLocation } from "../../engine/types.js";
import { displayPath, expandGlobs, type Workspace } from "../../sources/files.js";
import { loadSqlParser, parseSql, SqlSyntaxError, SqlText, type ParsedSql } from "../../sources/sql.js";
import { readTextFile } from "../../sources/yaml.js";
import { readDirectives } from "./directives.js";
import { durationMs, FileAnalyzer, type StatementFacts, type TransactionModel } from "./facts.js";
import { MIGRATIONS_FLAGS } from "./flags.js";
import { diffAgainstBase } from "./git.js";
import { detectFormat, MIGRATION_FORMATS, naturalSort, orderMigrations, type MigrationFile, type MigrationFormat } from "./order.js";
import type { TableLock } from "./locks.js";
import { SchemaState } from "./schema.js";
import { traceMigrations, type StatementTrace, type TraceFile } from "./trace.js";
import { flagList } from "../flag-values.js";

export interface MigrationsOptions {
  /** Globs of migration files, in the order they run (each glob's matches in natural order). */
  files: string[];
  /** Globs of SQL replayed first as schema context and never judged (a schema dump, say). */
  schemaFiles?: string[];
  format?: "auto" | MigrationFormat;
  transaction?: TransactionModel;
  /** Judge only files added since this git ref; the others are schema context. */
  base?: string;
  postgresVersion?: number;
  requireRollbackPlan?: boolean;
  maxLockTimeout?: string;
  requireStatementTimeout?: boolean;
  /** Timeouts the runner's connection already sets, so files need not SET them. */
  connection?: { lockTimeout?: string; statementTimeout?: string };
  onParseError?: "error" | "warn";
  ignores?: { rule: string; files: string; reason: string }[];
  allowEmptyGlobs?: boolean;
  maxFileBytes?: number;
  trace?: { url?: string; rows?: number; postgresBin?: string };
}

export const DEFAULT_POSTGRES_VERSION = 15;
const DEFAULT_MAX_LOCK_TIMEOUT = "5s";

interface JudgedFile {
  file: MigrationFile;
  source: SqlText;
  parsed?: ParsedSql;
  facts: Record<string, unknown>;
}

/** Each positive glob expanded on its own, so files keep the order the globs were given in. */
function expandInOrder(workspace: Workspace, patterns: readonly string[], allowEmpty: boolean, what: string): string[] {
  const negations = patterns.filter((pattern) => pattern.startsWith("!"));
  const seen = new Set<string>();
  const ordered: string[] = [];
  for (const pattern of patterns.filter((p) => !p.startsWith("!"))) {
    for (const file of naturalSort(expandGlobs(workspace, [pattern, ...negations], { allowEmpty, what }))) {
      if (!seen.has(file)) {
        seen.add(file);
        ordered.push(file);
      }
    }
  }
  return ordered;
}

function parseDuration(value: string | undefined, what: string): number | null {
  if (value === undefined) return null;
  const ms = durationMs(value);
  if (ms === null) throw new ConfigurationError(`${what} ${value} is not a duration (like 2s, 500ms or 1min)`);
  return ms;
}

async function collect(context: GateContext, options: MigrationsOptions): Promise<CollectedInput> {
  const { workspace, logger } = context;
  await loadSqlParser();
  const allowEmpty = options.allowEmptyGlobs ?? false;
  const paths = expandInOrder(workspace, options.files, allowEmpty, "migration");
  const schemaPaths = expandInOrder(workspace, options.schemaFiles ?? [], allowEmpty, "schema file");
  const format = !options.format || options.format === "auto" ? detectFormat(paths) : options.format;
  if (!MIGRATION_FORMATS.includes(format)) throw new ConfigurationError(`unknown migration format ${format}`);
  const ordered = orderMigrations(
    paths.map((path) => ({ path, shown: displayPath(workspace, path) })),
    format,
  );
  if (ordered.length === 0 && !allowEmpty) throw new ConfigurationError("no forward migrations among the given files (only rollback files?)");

  const diff = options.base ? diffAgainstBase(workspace.base, options.base) : undefined;
  // Flyway runs a repeatable (R__) migration again whenever it changes: an edited one is judged like a new one.
  const repeatable = (file: MigrationFile) => format === "flyway" && /^R__/i.test(basename(file.path));
  const judgedSet = new Set(
    ordered.filter((file) => !diff || diff.added.has(file.path) || (repeatable(file) && diff.modified.has(file.path))).map((file) => file.path),
  );
  const edited = diff ? ordered.filter((file) => diff.modified.has(file.path) && !judgedSet.has(file.path)) : [];
  if (diff) logger.info(`migrations: ${judgedSet.size} of ${ordered.length} files are new since ${options.base}; the others are schema context`);

  const transaction = options.transaction ?? "per-file";
  const connection = {
    lockTimeoutMs: parseDuration(options.connection?.lockTimeout, "connection.lockTimeout"),
    statementTimeoutMs: parseDuration(options.connection?.statementTimeout, "connection.statementTimeout"),
  };
  const maxLockTimeoutMs = parseDuration(options.maxLockTimeout ?? DEFAULT_MAX_LOCK_TIMEOUT, "maxLockTimeout") ?? 0;
  const onParseError = options.onParseError ?? "error";
  const schema = new SchemaState();
  const judged: JudgedFile[] = [];
  let statements = 0;

  const read = (path: string, shown: string): string => readTextFile(path, shown, options.maxFileBytes);

  const tracePlan: TraceFile[] = [];
  const sqlOf = (parsed: ParsedSql) => parsed.statements.map((statement) => parsed.source.slice(statement.startByte, statement.endByte));

  for (const path of schemaPaths) {
    const shown = displayPath(workspace, path);
    const parsed = parseSql(read(path, shown), shown);
    const analyzer = new FileAnalyzer(schema, parsed.source, "none", connection);
    for (const statement of parsed.statements) analyzer.analyze(statement);
    if (options.trace) tracePlan.push({ shown, statements: sqlOf(parsed), judged: false, transaction: "none", touched: [] });
  }

  for (const file of ordered) {
    const isJudged = judgedSet.has(file.path);
    const text = read(file.path, file.shown);
    const model = runnerTransaction(file, text, transaction);
    let parsed: ParsedSql | undefined;
    let parseError: { message: string; line: number; column: number } | null = null;
    try {
      parsed = parseSql(text, file.shown);
    } catch (error) {
      if (!(error instanceof SqlSyntaxError) || onParseError === "error") throw error;
      parseError = { message: error.sqlMessage, line: error.at.line, column: error.at.column ?? 1 };
    }
    if (parsed && parsed.statements.length === 0) {
      throw new CollectorError("the file has no SQL statements (it is empty or only comments); a migration that does nothing is a mistake", { file: file.shown, line: 1 });
    }
    const analyzer = parsed ? new FileAnalyzer(schema, parsed.source, model, connection) : undefined;
    const facts: StatementFacts[] = [];
    for (const statement of parsed?.statements ?? []) {
      const fact = analyzer?.analyze(statement);
      if (fact && isJudged) facts.push(fact);
    }
    if (options.trace && parsed) {
      tracePlan.push({ shown: file.shown, statements: sqlOf(parsed), judged: isJudged, transaction: model, touched: isJudged ? touchedTables(facts) : [] });
    }
    if (!isJudged) continue;
    statements += facts.length;
    const directives = parsed ? readDirectives(parsed) : { ignores: [], rollbackNotes: [] };
    judged.push({
      file,
      source: parsed?.source ?? new SqlText(text),
      ...(parsed ? { parsed } : {}),
      facts: {
        index: judged.length,
        path: file.shown,
        format,
        ...(file.version !== undefined ? { version: file.version } : {}),
        transaction: model,
        rollback: {
          file: file.rollbackFile ? displayPath(workspace, file.rollbackFile) : null,
          notes: directives.rollbackNotes,
        },
        modified: false,
        statements: facts,
        ignores: directives.ignores,
        unclosed_transaction: model === "none" ? (analyzer?.openedBy ?? null) : null,
        parse_error: parseError,
      },
    });
  }
  for (const file of edited) {
    const text = read(file.path, file.shown);
    judged.push({
      file,
      source: new SqlText(text),
      facts: {
        index: judged.length,
        path: file.shown,
        format,
        transaction: runnerTransaction(file, text, transaction),
        rollback: { file: null, notes: [] },
        modified: true,
        statements: [],
        ignores: [],
        unclosed_transaction: null,
        parse_error: null,
      },
    });
  }

  let traceStats: Record<string, number> = {};
  if (options.trace) {
    const traces = await traceMigrations(tracePlan, options.trace, logger);
    traceStats = attachTraces(judged, traces, logger);
  }

  const configIgnores = (options.ignores ?? []).map((ignore, index) => ({
    index,
    rule: ignore.rule,
    reason: ignore.reason,
    files: judged.filter((entry) => globMatches(ignore.files, entry.file.shown)).map((entry) => entry.facts.index as number),
  }));

  return {
    input: {
      settings: {
        postgres_version: options.postgresVersion ?? DEFAULT_POSTGRES_VERSION,
        require_rollback_plan: options.requireRollbackPlan ?? true,
        max_lock_timeout_ms: maxLockTimeoutMs,
        require_statement_timeout: options.requireStatementTimeout ?? true,
        on_parse_error: onParseError,
        ...(options.trace ? { traced: true } : {}),
        ignores: configIgnores,
      },
      files: judged.map((entry) => compactFacts(entry.facts)),
      index: indexFacts(judged.map((entry) => ({ statements: entry.facts.statements as StatementFacts[] }))),
    },
    locate: (finding: PolicyFinding) => locate(judged, finding),
    stats: {
      files: judgedSet.size,
      contextFiles: ordered.length - judgedSet.size + schemaPaths.length,
      ...(diff ? { editedFiles: edited.length } : {}),
      statements,
      ...traceStats,
    },
  };
}

/**
 * Drops false, null and empty lists from the facts (policies read a missing field as false), and the
 * tables' internal `id`s (the name as written is what messages show): the input crosses into
 * WebAssembly as JSON, whose size is a large part of the evaluation time on long histories.
 */
export function compactFacts(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(compactFacts);
  if (typeof value !== "object" || value === null) return value;
  const result: Record<string, unknown> = {};
  for (const key in value) {
    const item = (value as Record<string, unknown>)[key];
    if (item === false || item === null || item === undefined || key === "id" || (Array.isArray(item) && item.length === 0)) continue;
    result[key] = typeof item === "object" ? compactFacts(item) : item;
  }
  return result;
}

/**
 * Where to find facts without scanning every statement: statements by kind, ALTER TABLE subcommands by
 * kind, statements that lock a table grouped by the lock_timeout and statement_timeout in effect
 * ("none" when unset), and statements whose identifiers PostgreSQL truncates. Positions are
 * [file, statement] or [file, statement, action].
 */
export interface FactIndex {
  statements: Record<string, number[][]>;
  actions: Record<string, number[][]>;
  lock_timeout: Record<string, number[][]>;
  statement_timeout: Record<string, number[][]>;
  truncated_identifiers: number[][];
}

function indexFacts(files: readonly { statements: StatementFacts[] }[]): FactIndex {
  const index: FactIndex = { statements: {}, actions: {}, lock_timeout: {}, statement_timeout: {}, truncated_identifiers: [] };
  files.forEach((file, fileIndex) => {
    file.statements.forEach((statement, statementIndex) => {
      const at = [fileIndex, statementIndex];
      (index.statements[statement.kind] ??= []).push(at);
      const list = statement.actions;
      if (Array.isArray(list)) {
        list.forEach((action: { kind?: unknown }, actionIndex) => {
          (index.actions[String(action.kind)] ??= []).push([fileIndex, statementIndex, actionIndex]);
        });
      }
      if (Array.isArray(statement.truncated_identifiers) && statement.truncated_identifiers.length > 0) index.truncated_identifiers.push(at);
      const observed = (statement.trace as { locks?: unknown[] } | undefined)?.locks;
      if ((Array.isArray(statement.locks) && statement.locks.length > 0) || (Array.isArray(observed) && observed.length > 0)) {
        (index.lock_timeout[String(statement.lock_timeout_ms ?? "none")] ??= []).push(at);
        (index.statement_timeout[String(statement.statement_timeout_ms ?? "none")] ??= []).push(at);
      }
    });
  });
  return index;
}

/** Existing tables the statements touch: the ones to seed with rows before tracing the file. */
function touchedTables(facts: readonly StatementFacts[]): string[] {
  const tables = new Set<string>();
  for (const statement of facts) {
    for (const lock of (statement.locks as TableLock[] | undefined) ?? []) if (!lock.new) tables.add(lock.id);
  }
  return [...tables];
}

/** Puts each traced statement's observations into its facts, logs them, and counts them for the stats. */
function attachTraces(judged: readonly JudgedFile[], traces: ReadonlyMap<string, StatementTrace[]>, logger: Logger): Record<string, number> {
  let traced = 0;
  let rewrites = 0;
  for (const entry of judged) {
    const perStatement = traces.get(entry.file.shown);
    if (!perStatement) continue;
    const facts = entry.facts.statements as StatementFacts[];
    facts.forEach((statement, index) => {
      const trace = perStatement[index];
      if (!trace) return;
      statement.trace = trace;
      traced++;
      rewrites += trace.rewritten.length;
      const at = entry.parsed ? entry.source.position(entry.parsed.statements[index]?.startByte ?? 0) : { line: 1 };
      const predicted = ((statement.locks as TableLock[] | undefined) ?? []).map((lock) => `${lock.mode} on ${lock.table}`).join(", ") || "none";
      const observed =
        trace.error || trace.skipped
          ? "-"
          : trace.locks === null
            ? "not observable (ran outside a transaction)"
            : trace.locks.map((lock) => `${lock.mode} on ${lock.relation}`).join(", ") || "none new";
      const outcome = trace.error ? ` failed: ${trace.error}` : trace.skipped ? ` not run: ${trace.skipped}` : "";
      logger.info(
        `trace ${entry.file.shown}:${at.line} ${statement.kind}: locks ${observed} (predicted ${predicted}); rewrote ${trace.rewritten.join(", ") || "nothing"}; ${trace.duration_ms} ms${outcome}`,
      );
    });
  }
  return { tracedStatements: traced, observedRewrites: rewrites };
}

function globMatches(glob: string, path: string): boolean {
  return picomatch(glob)(path);
}

function locate(judged: readonly JudgedFile[], finding: PolicyFinding): { location: SourceLocation } {
  const entry = typeof finding.file === "number" ? judged[finding.file] : undefined;
  if (!entry) throw new CollectorError(`policy finding ${finding.rule} names unknown migration file ${String(finding.file)}`);
  const file = entry.file.shown;
  if (typeof finding.line === "number") {
    return { location: { file, line: finding.line, ...(typeof finding.column === "number" ? { column: finding.column } : {}) } };
  }
  const statement = typeof finding.statement === "number" ? entry.parsed?.statements[finding.statement] : undefined;
  const at = typeof finding.at === "number" ? finding.at : statement?.startByte;
  if (at === undefined) return { location: { file, line: 1 } };
  const position = entry.source.position(at);
  const endLine = statement ? entry.source.position(statement.endByte).line : undefined;
  return {
    location: { file, line: position.line, column: position.column, ...(endLine !== undefined && endLine > position.line ? { endLine } : {}) },
  };
}

export const migrationsGate: Gate<MigrationsOptions> = {
  id: "migrations",
  summary: "PostgreSQL migrations: dangerous locks, table rewrites and changes that break the running app, judged on the real parser's tree",
  cliFlags: MIGRATIONS_FLAGS,
  optionsFromFlags(flags) {
    const files = flagList(flags.files);
    if (files.length === 0) return undefined;
    const options: MigrationsOptions = { files };
    if (typeof flags.base === "string") options.base = flags.base;
    if (typeof flags["migration-format"] === "string") options.format = flags["migration-format"] as MigrationsOptions["format"];
    if (typeof flags.transaction === "string") options.transaction = flags.transaction as TransactionModel;
    if (flags.trace === true || typeof flags["trace-url"] === "string") {
      options.trace = typeof flags["trace-url"] === "string" ? { url: flags["trace-url"] } : {};
    }
    return options;
  },
  collect,
  fixtureOptions: (file) => {
    const header = readFileSync(file, "utf8").match(/^-- options: (.*)$/m)?.[1];
    const extra = header ? (JSON.parse(header) as Partial<MigrationsOptions>) : {};
    return { files: [file], ...extra };
  },
};

/** How the runner executes a file: its Flyway .conf, else its own header, else the configured model. */
function runnerTransaction(file: MigrationFile, text: string, configured: TransactionModel): TransactionModel {
  return file.transactionOverride ?? headerTransaction(text) ?? configured;
}

/**
 * A file may say in its leading comments that the runner executes it outside a transaction, the way
 * graphile-migrate spells it: `--! no-transaction`.
 */
function headerTransaction(text: string): "none" | undefined {
  for (const line of text.split("\n", 50)) {
    const trimmed = line.trim();
    if (trimmed === "") continue;
    if (!trimmed.startsWith("--")) return undefined;
    if (/^--!\s*no-transaction\s*$/i.test(trimmed)) return "none";
  }
  return undefined;
}

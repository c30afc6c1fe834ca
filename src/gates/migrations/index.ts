import { basename } from "node:path";
import picomatch from "picomatch";
import { cachingEnabled } from "../../engine/cache.js";
import { CollectorError, ConfigurationError, describeThrown } from "../../engine/errors.js";
import type { CollectedInput, Gate, GateContext } from "../../engine/gate.js";
import type { Logger } from "../../engine/logger.js";
import type { PolicyFinding, SourceLocation } from "../../engine/types.js";
import { admitFile, displayPath, expandGlobs, readAdmittedBytes, readStandaloneTextFile, readTextFile, type Workspace } from "../../sources/files.js";
import { loadSqlParser, parseSqlRecovering, sqlIdentifiers, SqlText, statementsOf, type ParsedSql, type StatementSyntaxError } from "../../sources/sql.js";
import { failureError, readSqlFiles } from "../../sources/sql-files.js";
import { readDirectives } from "./directives.js";
import { CONTEXT_EXECUTION, durationMs, FileAnalyzer, type StatementFacts } from "./facts.js";
import { MIGRATIONS_FLAGS } from "./flags.js";
import { diffAgainstBase } from "./git.js";
import { detectFormat, MIGRATION_FORMATS, naturalSort, orderMigrations, type MigrationFile, type MigrationFormat } from "./order.js";
import type { TableLock } from "./locks.js";
import { defaultRunner, fileExecution, flywayNonTransactional, runnerExecution, RUNNERS, TRANSACTION_MODELS, type Execution, type Runner, type TransactionModel } from "./runners.js";
import { SchemaState } from "./schema.js";
import { cachedSchema, cacheSchema, schemaKey } from "./schema-cache.js";
import type { StatementTrace, TraceFile } from "./trace.js";
import { flagList } from "../flag-values.js";

export interface MigrationsOptions {
  /** Globs of migration files, in the order they run (each glob's matches in natural order). */
  files: string[];
  /** Globs of SQL replayed first as schema context and never judged (a schema dump, say). */
  schemaFiles?: string[];
  format?: "auto" | MigrationFormat;
  /** The tool that applies the migrations; decides how each file reaches PostgreSQL (default: from the format). */
  runner?: Runner;
  /** Overrides the runner's transaction model for every file. */
  transaction?: TransactionModel;
  /** Judge only files added since this git ref; the others are schema context. */
  base?: string;
  postgresVersion?: number;
  /** The runner session's TimeZone: decides whether timestamp → timestamptz rewrites (PostgreSQL 12+). */
  sessionTimeZone?: string;
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
  /** Each statement's [startByte, endByte), for locations; none when the file does not parse. */
  spans: [number, number][];
  /** Dropped once the file's slice has gone to the policies, so a long history does not stay in memory. */
  facts: Record<string, unknown> | undefined;
}

/** Statements per slice of the input: the policies judge each slice while the next is collected. */
const SLICE_STATEMENTS = 1000;

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
  const allowEmpty = options.allowEmptyGlobs ?? false;
  const paths = expandInOrder(workspace, options.files, allowEmpty, "migration");
  const schemaPaths = expandInOrder(workspace, options.schemaFiles ?? [], allowEmpty, "schema file");
  const format = !options.format || options.format === "auto" ? detectFormat(paths) : options.format;
  if (!MIGRATION_FORMATS.includes(format)) throw new ConfigurationError(`unknown migration format ${format}`);
  if (options.runner !== undefined && !RUNNERS.includes(options.runner)) {
    throw new ConfigurationError(`unknown migration runner ${options.runner}: expected one of ${RUNNERS.join(", ")}`);
  }
  if (options.transaction !== undefined && !TRANSACTION_MODELS.includes(options.transaction)) {
    throw new ConfigurationError(`unknown transaction model ${options.transaction}: expected one of ${TRANSACTION_MODELS.join(", ")}`);
  }
  const runner = options.runner ?? defaultRunner(format, paths);
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

  // The judged files' indexes (what findings name) are their places in this order.
  const judgedOrder = [...ordered.filter((file) => judgedSet.has(file.path)), ...edited];
  const settings = {
    postgres_version: options.postgresVersion ?? DEFAULT_POSTGRES_VERSION,
    ...(options.sessionTimeZone !== undefined ? { session_time_zone: options.sessionTimeZone } : {}),
    require_rollback_plan: options.requireRollbackPlan ?? true,
    max_lock_timeout_ms: parseDuration(options.maxLockTimeout ?? DEFAULT_MAX_LOCK_TIMEOUT, "maxLockTimeout") ?? 0,
    require_statement_timeout: options.requireStatementTimeout ?? true,
    on_parse_error: options.onParseError ?? "error",
    ...(options.trace ? { traced: true } : {}),
    ignores: (options.ignores ?? []).map((ignore, index) => ({
      index,
      rule: ignore.rule,
      reason: ignore.reason,
      files: judgedOrder.flatMap((file, fileIndex) => (globMatches(ignore.files, file.shown) ? [fileIndex] : [])),
    })),
  };
  const judged: JudgedFile[] = [];
  const errors: string[] = [];
  const stats: Record<string, number> = {
    files: judgedSet.size,
    contextFiles: ordered.length - judgedSet.size + schemaPaths.length,
    ...(diff ? { editedFiles: edited.length } : {}),
    statements: 0,
  };
  return {
    slices: judgeInSlices({ context, options, format, runner, schemaPaths, ordered, judgedSet, edited, settings, judged, stats, errors }),
    locate: (finding: PolicyFinding) => locate(judged, finding),
    stats,
    errors,
  };
}

interface Judging {
  context: GateContext;
  options: MigrationsOptions;
  format: MigrationFormat;
  runner: Runner;
  schemaPaths: string[];
  ordered: MigrationFile[];
  judgedSet: Set<string>;
  edited: MigrationFile[];
  settings: Record<string, unknown>;
  /** Filled as the files are judged; `locate` reads it. */
  judged: JudgedFile[];
  stats: Record<string, number>;
  /** Files that could not be read or parsed: the gate's verdict is `error`, the other files are still judged. */
  errors: string[];
}

/**
 * Replays every file in order onto one schema and yields the judged files' facts in slices of about
 * SLICE_STATEMENTS statements (every rule judges within one file, so slices are independent). Trace
 * mode holds them back until the trace has run.
 */
async function* judgeInSlices(judging: Judging): AsyncGenerator<Record<string, unknown>> {
  const { context, options, format, runner, schemaPaths, ordered, judgedSet, edited, settings, judged, stats, errors } = judging;
  const { workspace, logger } = context;
  const transaction = options.transaction;
  const connection = {
    lockTimeoutMs: parseDuration(options.connection?.lockTimeout, "connection.lockTimeout"),
    statementTimeoutMs: parseDuration(options.connection?.statementTimeout, "connection.statementTimeout"),
  };
  const onParseError = options.onParseError ?? "error";
  let schema = new SchemaState();
  const tracePlan: TraceFile[] = [];
  const holdForTrace = options.trace !== undefined;
  let waiting: JudgedFile[] = [];
  let waitingStatements = 0;
  let yielded = 0;
  const slice = (files: readonly JudgedFile[]): Record<string, unknown> => {
    const facts = files.map((entry) => entry.facts ?? {});
    for (const entry of files) entry.facts = undefined;
    return {
      settings,
      files: facts.map(compactFacts),
      index: indexFacts(facts.map((file) => ({ statements: file.statements as StatementFacts[] }))),
    };
  };

  const requests = [
    ...schemaPaths.map((path) => ({ path, shown: displayPath(workspace, path) })),
    ...ordered.map((file) => ({ path: file.path, shown: file.shown })),
  ].map((request) => ({ ...request, ...(options.maxFileBytes !== undefined ? { maxBytes: options.maxFileBytes } : {}) }));
  // The files before the first judged one are schema context only: what they leave may be cached.
  let prefix = 0;
  while (prefix < requests.length && (prefix < schemaPaths.length || !judgedSet.has((ordered[prefix - schemaPaths.length] as MigrationFile).path))) prefix++;
  const key = holdForTrace || prefix < MIN_CACHED_PREFIX || !cachingEnabled() ? undefined : prefixKey(workspace, requests.slice(0, prefix), schemaPaths.length, ordered, runner, transaction, {
    connection,
    onParseError,
    maxFileBytes: options.maxFileBytes ?? null,
  });
  const restored = key ? cachedSchema(key, logger) : undefined;
  if (restored) {
    schema = restored;
    stats.contextFilesFromCache = prefix;
    logger.info(`migrations: the schema the first ${prefix} files leave, from the cache (they are unchanged)`);
  }
  const keepSchema = (replayed: number) => {
    if (key && !restored && replayed === prefix) cacheSchema(key, schema, logger);
  };
  let position = restored ? prefix : 0;
  for await (const result of readSqlFiles(workspace, requests.slice(position))) {
    keepSchema(position);
    const request = requests[position] as (typeof requests)[number];
    const file = position < schemaPaths.length ? undefined : ordered[position - schemaPaths.length];
    position++;
    if (result.text === undefined || (result.failure && result.failure.kind !== "syntax")) {
      const failure = result.failure ?? { kind: "internal", reason: `no result for ${request.shown}` };
      if (failure.kind === "internal") throw failureError(failure);
      // One unreadable file never hides the findings of the others; what it would have changed is unknown.
      errors.push(`${describeThrown(failureError(failure))} (not replayed: the later files were judged without what it changes)`);
      continue;
    }
    let parsed: ParsedSql;
    let syntaxErrors: StatementSyntaxError[] = [];
    if (result.failure) {
      await loadSqlParser();
      const recovered = parseSqlRecovering(result.text);
      parsed = recovered;
      syntaxErrors = recovered.errors.length > 0 ? recovered.errors : [wholeFileError(result.text, result.failure.reason, result.failure.location)];
    } else parsed = result.treeJson === undefined ? { source: new SqlText(result.text), statements: [] } : statementsOf(result.text, result.treeJson);
    const { source, statements } = parsed;
    const unparsed = syntaxErrors.map((error) => ({ ...error, forgotten: [] as string[] }));
    const forgetUpTo = (byte: number) => {
      for (const error of unparsed) if (error.startByte < byte && error.forgotten.length === 0) error.forgotten = schema.forget(error.identifiers);
    };
    const reportSyntax = (judgedFile: boolean) => {
      for (const error of unparsed) {
        const left = error.forgotten.length > 0 ? `, the replay treating ${error.forgotten.join(", ")} as unknown from there on` : "";
        if (!judgedFile || onParseError === "error") {
          const hint = error.hint ? `; ${error.hint}` : "";
          errors.push(`${request.shown}:${error.line}:${error.column}: SQL syntax error: ${error.message}${hint} (that statement was not checked; the file's other statements and the later files were judged${left})`);
        }
      }
      if (unparsed.length > 0) stats.parseErrors = (stats.parseErrors ?? 0) + unparsed.length;
    };
    if (!file) {
      const analyzer = new FileAnalyzer(schema, source, CONTEXT_EXECUTION, connection);
      for (const statement of statements) {
        forgetUpTo(statement.startByte);
        analyzer.analyze(statement);
      }
      forgetUpTo(Infinity);
      reportSyntax(false);
      if (holdForTrace && unparsed.length === 0) tracePlan.push({ shown: request.shown, statements: sqlOf(parsed), judged: false, transaction: "none", touched: [] });
      continue;
    }
    const isJudged = judgedSet.has(file.path);
    const sqls = sqlOf(parsed);
    const execution = executionOf(file, result.text, runner, transaction, sqls);
    const model = execution.transaction;
    if (unparsed.length === 0 && statements.length === 0) {
      // An empty or comments-only migration is a no-op that real projects ship: nothing to judge.
      if (isJudged) {
        stats.emptyFiles = (stats.emptyFiles ?? 0) + 1;
        logger.info(`migrations: ${file.shown} has no SQL statements (empty or only comments): nothing to judge`);
      }
      continue;
    }
    const analyzer = new FileAnalyzer(schema, source, execution, connection, statements.length + unparsed.length);
    const facts: StatementFacts[] = [];
    for (const statement of statements) {
      forgetUpTo(statement.startByte);
      const fact = analyzer.analyze(statement);
      if (isJudged) facts.push(fact);
    }
    forgetUpTo(Infinity);
    reportSyntax(isJudged);
    if (holdForTrace && unparsed.length === 0) {
      tracePlan.push({
        shown: file.shown,
        statements: sqls,
        judged: isJudged,
        transaction: traceModel(execution, statements.length),
        touched: isJudged ? touchedTables(facts) : [],
        version: file.version ?? file.shown,
      });
    }
    if (!isJudged) continue;
    (stats.statements as number) += facts.length;
    const directives = readDirectives(parsed);
    const entry: JudgedFile = {
      file,
      source,
      spans: statements.map((statement) => [statement.startByte, statement.endByte]),
      facts: {
        index: judged.length,
        path: file.shown,
        format,
        ...(file.version !== undefined ? { version: file.version } : {}),
        transaction: model,
        runner,
        runner_model: execution.assumed,
        ...(execution.flywayMixed ? { flyway_mixed: true } : {}),
        rollback: {
          file: file.rollbackFile ? displayPath(workspace, file.rollbackFile) : null,
          notes: directives.rollbackNotes,
        },
        modified: false,
        statements: facts,
        ignores: directives.ignores,
        unclosed_transaction: model !== "per-file" ? analyzer.openedBy : null,
        parse_errors: unparsed.map((error) => ({
          message: error.hint ? `${error.message} (${error.hint})` : error.message,
          line: error.line,
          column: error.column,
          unknown: error.forgotten,
        })),
      },
    };
    judged.push(entry);
    if (holdForTrace) continue;
    waiting.push(entry);
    waitingStatements += facts.length;
    if (waitingStatements >= SLICE_STATEMENTS) {
      yield slice(waiting);
      yielded++;
      waiting = [];
      waitingStatements = 0;
    }
  }
  keepSchema(position);
  for (const file of edited) {
    const text = readTextFile(workspace, file.path, file.shown, options.maxFileBytes);
    const entry: JudgedFile = {
      file,
      source: new SqlText(text),
      spans: [],
      facts: {
        index: judged.length,
        path: file.shown,
        format,
        transaction: executionOf(file, text, runner, transaction, []).transaction,
        runner,
        rollback: { file: null, notes: [] },
        modified: true,
        statements: [],
        ignores: [],
        unclosed_transaction: null,
        parse_errors: [],
      },
    };
    judged.push(entry);
    if (!holdForTrace) waiting.push(entry);
  }

  if (holdForTrace && options.trace) {
    // Loaded only for a trace: it brings the PostgreSQL client.
    const { BOOKKEEPING, traceMigrations } = await import("./trace.js");
    try {
      const { traces, replayFailures } = await traceMigrations(tracePlan, options.trace, logger, BOOKKEEPING[runner]);
      Object.assign(stats, attachTraces(judged, traces, logger), replayFailures > 0 ? { traceReplayFailures: replayFailures } : {});
    } catch (error) {
      // A trace server that cannot be reached makes the verdict error; the static findings still stand.
      if (!(error instanceof ConfigurationError)) throw error;
      errors.push(`${error.message} (the files were judged without a trace)`);
    }
    waiting = [...judged];
  }
  // One slice at least: rules about the configured ignores judge even an empty set of files.
  if (waiting.length > 0 || yielded === 0) yield slice(waiting);
}

/** Fewer leading context files than this are replayed every time (hashing them would save little). */
const MIN_CACHED_PREFIX = 32;

/** The cache key of the schema the first files leave; undefined when one cannot be read (the replay says why). */
function prefixKey(
  workspace: Workspace,
  requests: readonly { path: string; shown: string }[],
  schemaFiles: number,
  ordered: readonly MigrationFile[],
  runner: Runner,
  transaction: TransactionModel | undefined,
  settings: unknown,
): string | undefined {
  try {
    const files = requests.map((request, index) => {
      const bytes = readAdmittedBytes(admitFile(workspace, request.path, request.shown, undefined, false));
      const file = index < schemaFiles ? undefined : ordered[index - schemaFiles];
      // Flyway's own choice depends on the statements, which the bytes already key.
      return { shown: request.shown, bytes, transaction: file ? executionOf(file, bytes.toString("utf8"), runner, transaction, []).assumed : "none" };
    });
    return schemaKey(files, { runner, settings });
  } catch {
    return undefined;
  }
}

/** When no single statement shows the error (the split differs from the parser's), the whole file is the one that failed. */
function wholeFileError(text: string, message: string, at: SourceLocation | undefined): StatementSyntaxError {
  return { message, line: at?.line ?? 1, column: at?.column ?? 1, startByte: 0, endByte: Buffer.byteLength(text, "utf8"), identifiers: sqlIdentifiers(text) };
}

const sqlOf = (parsed: ParsedSql): string[] => parsed.statements.map((statement) => parsed.source.slice(statement.startByte, statement.endByte));

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
  /** Statements with syntax only newer PostgreSQL releases accept. */
  newer_syntax: number[][];
}

function indexFacts(files: readonly { statements: StatementFacts[] }[]): FactIndex {
  const index: FactIndex = { statements: {}, actions: {}, lock_timeout: {}, statement_timeout: {}, truncated_identifiers: [], newer_syntax: [] };
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
      if (Array.isArray(statement.newer_syntax)) index.newer_syntax.push(at);
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
  let untraced = 0;
  let dataDependent = 0;
  let rewrites = 0;
  for (const entry of judged) {
    const perStatement = traces.get(entry.file.shown);
    if (!perStatement) continue;
    const facts = (entry.facts?.statements ?? []) as StatementFacts[];
    facts.forEach((statement, index) => {
      const trace = perStatement[index];
      if (!trace) return;
      const predictedLocks = (statement.locks as TableLock[] | undefined) ?? [];
      // The trace names a relation by what it was called before the statement; messages use the name as written.
      for (const lock of trace.locks ?? []) {
        const id = lock.relation.includes(".") ? lock.relation : `public.${lock.relation}`;
        const written = predictedLocks.find((predicted) => predicted.id === id);
        if (written) lock.relation = written.table;
      }
      statement.trace = trace;
      if (trace.skipped) untraced++;
      else traced++;
      if (trace.data_dependent) dataDependent++;
      rewrites += trace.rewritten.length;
      const at = entry.source.position(entry.spans[index]?.[0] ?? 0);
      const predicted = ((statement.locks as TableLock[] | undefined) ?? []).map((lock) => `${lock.mode} on ${lock.table}`).join(", ") || "none";
      const observed =
        trace.error || trace.skipped
          ? "-"
          : trace.locks === null
            ? "not observable (ran outside a transaction)"
            : trace.locks.map((lock) => `${lock.mode} on ${lock.relation}`).join(", ") || "none new";
      const outcome = trace.error
        ? ` failed: ${trace.error}`
        : trace.skipped
          ? ` ${trace.skipped}`
          : trace.data_dependent
            ? ` depends on data: failed on the seeded rows (value ${trace.data_dependent.value}: ${trace.data_dependent.error}), ran on the empty table`
            : "";
      logger.info(
        `trace ${entry.file.shown}:${at.line} ${statement.kind}: locks ${observed} (predicted ${predicted}); rewrote ${trace.rewritten.join(", ") || "nothing"}; ${trace.duration_ms} ms${outcome}`,
      );
    });
  }
  return { tracedStatements: traced, observedRewrites: rewrites, ...(untraced > 0 ? { untracedStatements: untraced } : {}), ...(dataDependent > 0 ? { dataDependentStatements: dataDependent } : {}) };
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
  const span = typeof finding.statement === "number" ? entry.spans[finding.statement] : undefined;
  const at = typeof finding.at === "number" ? finding.at : span?.[0];
  if (at === undefined) return { location: { file, line: 1 } };
  const position = entry.source.position(at);
  const endLine = span ? entry.source.position(span[1]).line : undefined;
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
    if (typeof flags.runner === "string") options.runner = flags.runner as Runner;
    if (typeof flags.transaction === "string") options.transaction = flags.transaction as TransactionModel;
    if (flags.trace === true || typeof flags["trace-url"] === "string") {
      options.trace = typeof flags["trace-url"] === "string" ? { url: flags["trace-url"] } : {};
    }
    return options;
  },
  collect,
  fixtureOptions: (file) => {
    const header = readStandaloneTextFile(file, file).match(/^-- options: (.*)$/m)?.[1];
    const extra = header ? (JSON.parse(header) as Partial<MigrationsOptions>) : {};
    return { files: [file], ...extra };
  },
};

/**
 * How the runner executes a file: its Flyway .conf, else the file's own choice (graphile-migrate's
 * header, Diesel's metadata.toml), else Flyway's reading of its statements, else the runner's model
 * (or the configured `transaction`).
 */
function executionOf(
  file: MigrationFile,
  text: string,
  runner: Runner,
  configured: TransactionModel | undefined,
  statements: readonly string[],
): Execution & { flywayMixed?: boolean } {
  if (file.transactionOverride) {
    return {
      transaction: file.transactionOverride,
      oneMessage: false,
      reopens: true,
      assumed: `flyway: executeInTransaction=${file.transactionOverride === "none" ? "false" : "true"} in ${basename(file.path)}.conf`,
    };
  }
  const own = fileExecution(runner, file.path, text);
  if (own) return own;
  if (runner === "flyway" && configured === undefined && statements.length > 0) {
    const outside = statements.filter(flywayNonTransactional).length;
    if (outside === statements.length) {
      return { transaction: "none", oneMessage: false, reopens: false, assumed: "flyway: every statement is one Flyway runs outside a transaction, so it runs the file without one" };
    }
    if (outside > 0) return { ...runnerExecution(runner), flywayMixed: true };
  }
  return runnerExecution(runner, configured);
}

/** The trace runs a statement in a transaction exactly when PostgreSQL would put it in one. */
function traceModel(execution: Execution, statements: number): "per-file" | "none" {
  if (execution.transaction === "single-message") return statements > 1 ? "per-file" : "none";
  return execution.transaction;
}

// Turns each parsed statement into facts for the policy (what it does, to what, under which transaction
// and timeouts, against the schema the earlier migrations left), and replays it onto that schema. Facts
// only: which of them is dangerous is for policies/migrations to decide.
import { clauseExtent, longIdentifiers, type SqlNode, type SqlStatement, type SqlText } from "../../sources/sql.js";
import { lockRank, predictLocks, type LockMode } from "./locks.js";
import type { Execution, TransactionModel } from "./runners.js";
import type { SchemaState, TableState, TypeFact } from "./schema.js";
import { newerSyntax } from "./versions.js";
import { builtInVolatility, worstVolatility, type Volatility } from "./volatility.js";

export type { TransactionModel };

/** How schema-context files run: their transactions do not matter, only what they leave. */
export const CONTEXT_EXECUTION: Execution = { transaction: "none", oneMessage: false, reopens: false, assumed: "schema context" };

/** This module's file (a bundle chunk, or the source): the schema cache keys its entries by its bytes. */
export const ANALYZER_MODULE = import.meta.url;

export interface TableFact {
  /** Schema-qualified identity (public.users when written without a schema). */
  id: string;
  /** As written in the statement. */
  name: string;
  /** The replayed migrations define it. */
  known: boolean;
  /** Created earlier in the same migration file. */
  new: boolean;
}

export interface DefaultFact {
  volatility: Volatility;
  functions: string[];
  sql: string;
}

export type Facts = Record<string, unknown>;

export interface StatementFacts extends Facts {
  index: number;
  kind: string;
  in_transaction: boolean;
  transaction: number | null;
  explicit_transaction: boolean;
  lock_timeout_ms: number | null;
  statement_timeout_ms: number | null;
}

export interface ConnectionSettings {
  lockTimeoutMs: number | null;
  statementTimeoutMs: number | null;
}

type N = SqlNode;
const rec = (value: unknown): N | undefined => (typeof value === "object" && value !== null && !Array.isArray(value) ? (value as N) : undefined);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const str = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);
const num = (value: unknown): number | undefined => (typeof value === "number" ? value : undefined);
const inner = (value: unknown, type: string): N | undefined => rec(rec(value)?.[type]);
/** `[{String: {sval}}]` → the strings. */
const strings = (value: unknown): string[] => list(value).map((item) => str(inner(item, "String")?.sval) ?? "");
/** A node that may or may not be wrapped in `{Type: ...}`. */
const unwrapped = (value: unknown, type: string): N | undefined => inner(value, type) ?? rec(value);

const SERIAL: Record<string, string> = { serial: "int4", serial4: "int4", bigserial: "int8", serial8: "int8", smallserial: "int2", serial2: "int2" };
const TYPE_DISPLAY: Record<string, string> = {
  int2: "smallint",
  int4: "integer",
  int8: "bigint",
  float4: "real",
  float8: "double precision",
  bool: "boolean",
  bpchar: "char",
  varchar: "varchar",
};

/** Byte length of an identifier, the way PostgreSQL counts it (NAMEDATALEN - 1 = 63 bytes). */
const bytes = (name: string): number => Buffer.byteLength(name, "utf8");

export function durationMs(value: string | number): number | null {
  if (typeof value === "number") return Math.max(0, Math.round(value));
  const match = /^\s*(-?\d+(?:\.\d+)?)\s*(us|ms|s|min|h|d)?\s*$/i.exec(value);
  if (!match) return null;
  const factor: Record<string, number> = { us: 0.001, ms: 1, s: 1000, min: 60_000, h: 3_600_000, d: 86_400_000 };
  return Math.max(0, Math.round(Number(match[1]) * (factor[(match[2] ?? "ms").toLowerCase()] ?? 1)));
}

interface Transaction {
  id: number;
  explicit: boolean;
  /** The implicit block PostgreSQL opens for a simple-query message of several statements. */
  implicit: boolean;
  /** Opened by the runner (its BEGIN), not by the file. */
  runner: boolean;
  /** table.constraint of constraints added NOT VALID in this transaction. */
  notValid: Set<string>;
  /** The strongest lock the transaction holds on each table (by id), from its earlier statements. */
  held: Map<string, LockMode>;
  /** Objects dropped in this transaction (by "kind:id"): re-creating one there means nobody saw it missing. */
  dropped: Map<string, Facts>;
  sessionAtStart: Settings;
}

interface Settings {
  lock_timeout?: number | null;
  statement_timeout?: number | null;
}

const TIMEOUTS = new Set(["lock_timeout", "statement_timeout"]);

/**
 * Analyzes one file's statements in order against the shared schema. Facts come back for every statement;
 * the schema is updated as PostgreSQL would update it.
 */
export class FileAnalyzer {
  private readonly created = new Set<string>();
  private transaction: Transaction | null;
  private nextTransaction = 0;
  private session: Settings;
  private local: Settings = {};
  private texts = new Map<number, string>();
  /** The session TimeZone the file SETs (null: the connection's, unknown here). */
  private timeZone: string | null = null;
  /** The BEGIN statement of an explicit transaction still open. */
  openedBy: number | null = null;
  /** Whether the file has a word long enough to be a truncated identifier (most files do not). */
  private readonly hasLongWords: boolean;

  readonly model: TransactionModel;

  /**
   * `statementCount` is the file's number of statements: under `single-message`, one statement runs
   * outside any transaction block and several run in one implicit block.
   */
  constructor(
    private readonly schema: SchemaState,
    private readonly source: SqlText,
    private readonly execution: Execution,
    connection: ConnectionSettings,
    private readonly statementCount = 0,
  ) {
    this.model = execution.transaction;
    this.session = { lock_timeout: connection.lockTimeoutMs, statement_timeout: connection.statementTimeoutMs };
    this.hasLongWords = longIdentifiers(source.text).length > 0;
    this.transaction = this.model === "per-file" ? this.begin({ runner: true }) : this.implicitBlock();
  }

  private begin(kind: { explicit?: boolean; implicit?: boolean; runner?: boolean }): Transaction {
    return {
      id: this.nextTransaction++,
      explicit: kind.explicit ?? false,
      implicit: kind.implicit ?? false,
      runner: kind.runner ?? false,
      notValid: new Set(),
      held: new Map(),
      dropped: new Map(),
      sessionAtStart: { ...this.session },
    };
  }

  /** The implicit block of a multi-statement message, when the file travels as one. */
  private implicitBlock(): Transaction | null {
    return this.execution.oneMessage && this.statementCount > 1 ? this.begin({ implicit: true }) : null;
  }

  /** After COMMIT or ROLLBACK: what the next statement runs in depends on how the runner sends them. */
  private end(rollback: boolean): void {
    if (rollback && this.transaction) this.session = { ...this.transaction.sessionAtStart };
    this.local = {};
    if (this.execution.oneMessage) this.transaction = this.implicitBlock();
    else this.transaction = this.model === "per-file" && this.execution.reopens ? this.begin({ runner: true }) : null;
  }

  analyze(statement: SqlStatement): StatementFacts {
    const before = this.transaction;
    const base: StatementFacts = {
      index: statement.index,
      kind: "other",
      in_transaction: before !== null,
      transaction: before?.id ?? null,
      explicit_transaction: before?.explicit ?? false,
      implicit_transaction: before?.implicit ?? false,
      lock_timeout_ms: this.effective("lock_timeout"),
      statement_timeout_ms: this.effective("statement_timeout"),
    };
    Object.assign(base, this.facts(statement, base));
    const newer = newerSyntax(statement.node, statement.type, this.statementText(statement), statement.startByte, (name) =>
      [...this.schema.functions.keys()].some((defined) => defined === name || defined.endsWith(`.${name}`)),
    );
    if (newer.length > 0) base.newer_syntax = newer;
    if (this.hasLongWords) {
      const long = longIdentifiers(this.statementText(statement)).map((name) => ({ name, bytes: bytes(name) }));
      base.truncated_identifiers = long;
    }
    const locks = predictLocks(base);
    base.locks = locks;
    const held = this.transaction === before ? before?.held : undefined;
    if (held) {
      const table = base.table as TableFact | undefined;
      const already = table ? held.get(table.id) : undefined;
      if (already && (base.kind === "update" || base.kind === "delete" || base.kind === "insert")) base.held_lock = already;
      for (const lock of locks) {
        const previous = held.get(lock.id);
        if (!previous || lockRank(lock.mode) > lockRank(previous)) held.set(lock.id, lock.mode);
      }
    }
    return base;
  }

  private effective(name: keyof Settings): number | null {
    const local = this.local[name];
    if (local !== undefined) return local;
    return this.session[name] ?? null;
  }

  private set(name: keyof Settings, value: number | null, isLocal: boolean): void {
    if (isLocal) {
      // SET LOCAL outside a transaction block has no effect (PostgreSQL warns and ignores it).
      if (this.transaction) this.local[name] = value;
    } else {
      this.session[name] = value;
      delete this.local[name];
    }
  }

  private facts(statement: SqlStatement, base: StatementFacts): Facts {
    const node = statement.node;
    switch (statement.type) {
      case "AlterTableStmt":
        return this.alterTable(statement, node);
      case "CreateStmt":
        return this.createTable(statement, node);
      case "CreateTableAsStmt":
        return this.createTableAs(node);
      case "ViewStmt":
        return this.createView(node);
      case "IndexStmt":
        return this.createIndex(statement, node);
      case "DropStmt":
        return this.drop(node);
      case "DropdbStmt":
        return { kind: "drop", object_type: "database", objects: [{ name: str(node.dbname) ?? "", known: false, new: false }], cascade: false, if_exists: Boolean(node.missing_ok) };
      case "RenameStmt":
        return this.rename(node);
      case "AlterObjectSchemaStmt":
        return this.setSchema(node);
      case "TruncateStmt":
        return {
          kind: "truncate",
          tables: list(node.relations).map((relation) => this.tableFact(unwrapped(relation, "RangeVar"))),
          cascade: node.behavior === "DROP_CASCADE",
        };
      case "UpdateStmt":
      case "DeleteStmt":
        return {
          kind: statement.type === "UpdateStmt" ? "update" : "delete",
          table: this.tableFact(rec(node.relation)),
          has_where: node.whereClause !== undefined,
        };
      case "InsertStmt":
        return { kind: "insert", table: this.tableFact(rec(node.relation)) };
      case "VariableSetStmt":
        return this.variableSet(node);
      case "SelectStmt":
        return this.select(node);
      case "TransactionStmt":
        return this.transactionControl(statement, node, base);
      case "AlterEnumStmt":
        return this.alterEnum(node);
      case "CreateEnumStmt": {
        const name = qualified(strings(node.typeName));
        this.schema.enums.set(name, strings(node.vals));
        this.noteCreated("type", name);
        return { kind: "create_type", type: name };
      }
      case "CompositeTypeStmt": {
        const name = this.tableId(rec(node.typevar));
        this.noteCreated("type", name);
        return { kind: "create_type", type: name };
      }
      case "CreateDomainStmt": {
        const name = qualified(strings(node.domainname));
        this.noteCreated("domain", name);
        return { kind: "create_domain", type: name };
      }
      case "CreateFunctionStmt":
        return this.createFunction(node);
      case "ReindexStmt":
        return this.reindex(node);
      case "VacuumStmt": {
        const options = list(node.options).map((option) => str(inner(option, "DefElem")?.defname));
        return {
          kind: node.is_vacuumcmd ? "vacuum" : "analyze",
          full: options.includes("full"),
          tables: list(node.rels).map((relation) => this.tableFact(rec(inner(relation, "VacuumRelation")?.relation))),
        };
      }
      case "ClusterStmt":
        return { kind: "cluster", table: node.relation ? this.tableFact(rec(node.relation)) : null };
      case "RefreshMatViewStmt":
        return { kind: "refresh_materialized_view", view: this.tableFact(rec(node.relation)), concurrent: Boolean(node.concurrent), no_data: Boolean(node.skipData) };
      case "AlterDomainStmt":
        return this.alterDomain(node);
      case "CreateTrigStmt": {
        const table = this.tableFact(rec(node.relation));
        const id = `${table.id}.${str(node.trigname) ?? ""}`;
        this.schema.triggers.set(id, { table: table.id, function: qualified(strings(node.funcname)) });
        this.noteCreated("trigger", id);
        return { kind: "create_trigger", table, name: str(node.trigname) ?? "", replace: Boolean(node.replace) };
      }
      case "CreatePolicyStmt":
      case "AlterPolicyStmt":
        return { kind: statement.type === "CreatePolicyStmt" ? "create_policy" : "alter_policy", table: this.tableFact(rec(node.table)), name: str(node.policy_name) ?? "" };
      case "RuleStmt":
        return { kind: "create_rule", table: this.tableFact(rec(node.relation)), name: str(node.rulename) ?? "" };
      case "CommentStmt":
        return this.comment(node);
      case "CreateStatsStmt": {
        const table = this.tableFact(unwrapped(list(node.relations)[0], "RangeVar"));
        const name = strings(node.defnames);
        if (name.length > 0) this.schema.statistics.set(qualified(name), table.id);
        return { kind: "create_statistics", table };
      }
      case "AlterSeqStmt":
        return { kind: "alter_sequence", sequence: this.tableFact(rec(node.sequence)) };
      case "LockStmt":
        return {
          kind: "lock",
          tables: list(node.relations).map((relation) => this.tableFact(unwrapped(relation, "RangeVar"))),
          mode: lockModeName(num(node.mode) ?? 8),
        };
      default: {
        const relation = rec(node.relation);
        return {
          kind: snake(statement.type.replace(/Stmt$/, "")) || "other",
          ...(relation && typeof relation.relname === "string" ? { table: this.tableFact(relation) } : {}),
        };
      }
    }
  }

  // ---- objects dropped and re-created in one transaction ----

  private noteDropped(kind: string, id: string, fact: Facts): void {
    this.transaction?.dropped.set(`${kind}:${id}`, fact);
  }

  /** A CREATE of something this transaction dropped: the drop is undone before anyone sees it. */
  private noteCreated(kind: string, id: string): void {
    const key = `${kind}:${id}`;
    const dropped = this.transaction?.dropped.get(key);
    if (!dropped) return;
    dropped.recreated = true;
    this.transaction?.dropped.delete(key);
  }

  // ---- names ----

  private tableId(relation: N | undefined): string {
    const schema = str(relation?.schemaname) ?? "public";
    return `${schema}.${str(relation?.relname) ?? ""}`;
  }

  private tableFact(relation: N | undefined): TableFact {
    const id = this.tableId(relation);
    const schema = str(relation?.schemaname);
    const name = str(relation?.relname) ?? "";
    return { id, name: schema ? `${schema}.${name}` : name, known: this.schema.tables.has(id), new: this.created.has(id) };
  }

  private tableFactById(id: string): TableFact {
    const name = id.startsWith("public.") ? id.slice("public.".length) : id;
    return { id, name, known: this.schema.tables.has(id), new: this.created.has(id) };
  }

  // ---- tokens and source text ----

  private statementText(statement: SqlStatement): string {
    let text = this.texts.get(statement.index);
    if (text === undefined) {
      text = this.source.slice(statement.startByte, statement.endByte);
      this.texts.set(statement.index, text);
    }
    return text;
  }

  /**
   * The source of an expression or clause that starts at byte `from`: up to the first comma or closing
   * parenthesis at depth 0, or one of `stops` (keywords) at depth 0.
   */
  private extent(statement: SqlStatement, from: number, stops: ReadonlySet<string>): string {
    const text = this.statementText(statement);
    const offset = this.source.isAscii ? from - statement.startByte : this.source.slice(statement.startByte, from).length;
    const range = clauseExtent(text, Math.max(0, offset), stops);
    return range ? collapse(text.slice(range[0], range[1])) : "";
  }

  // ---- types and expressions ----

  private typeFact(typeName: N | undefined): TypeFact {
    const names = strings(typeName?.names);
    const last = names[names.length - 1] ?? "";
    const schema = names.length > 1 ? names[names.length - 2] : undefined;
    const builtIn = schema === undefined || schema === "pg_catalog";
    const serial = builtIn ? SERIAL[last] : undefined;
    const name = serial ?? (builtIn ? last : `${schema}.${last}`);
    const mods = list(typeName?.typmods)
      .map((mod) => num(rec(inner(mod, "A_Const")?.ival)?.ival))
      .filter((mod): mod is number => mod !== undefined);
    const array = list(typeName?.arrayBounds).length > 0;
    const base = serial ? last.replace(/^serial4$/, "serial").replace(/^serial8$/, "bigserial").replace(/^serial2$/, "smallserial") : (TYPE_DISPLAY[name] ?? name);
    const display = `${base}${mods.length > 0 ? `(${mods.join(",")})` : ""}${array ? "[]" : ""}`;
    return { name, display, mods, array };
  }

  /** Volatility of an expression: the least safe of the functions it calls. */
  private volatility(expression: unknown): { volatility: Volatility; functions: string[] } {
    let volatility: Volatility = "immutable";
    const functions: string[] = [];
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) {
        for (const item of value) walk(item);
        return;
      }
      const node = rec(value);
      if (!node) return;
      for (const [key, child] of Object.entries(node)) {
        if (key === "FuncCall") {
          const call = rec(child);
          const name = strings(call?.funcname).join(".");
          functions.push(name);
          const known = this.schema.functions.get(name) ?? this.schema.functions.get(`public.${name}`);
          volatility = worstVolatility(volatility, known ?? builtInVolatility(name));
        } else if (key === "SQLValueFunction") {
          volatility = worstVolatility(volatility, "stable");
        } else if (key === "SubLink") {
          volatility = worstVolatility(volatility, "volatile");
        }
        walk(child);
      }
    };
    walk(expression);
    return { volatility, functions: [...new Set(functions)] };
  }

  private defaultFact(statement: SqlStatement, expression: unknown, keywordAt: number | undefined): DefaultFact {
    const { volatility, functions } = this.volatility(expression);
    const from = keywordAt ?? num(rec(Object.values(rec(expression) ?? {})[0])?.location) ?? statement.startByte;
    let sql = this.extent(statement, from, DEFAULT_STOPS);
    if (keywordAt !== undefined) sql = sql.replace(/^DEFAULT\s+/i, "");
    return { volatility, functions, sql };
  }

  // ---- columns and constraints ----

  private columnFacts(statement: SqlStatement, tableId: string, definition: N): { facts: Facts; constraints: { facts: Facts; raw: N }[] } {
    const name = str(definition.colname) ?? "";
    const type = this.typeFact(rec(definition.typeName));
    let notNull = false;
    let fact: DefaultFact | null = null;
    let identity: string | null = null;
    let generatedStored = false;
    const inline: { facts: Facts; raw: N }[] = [];
    for (const item of list(definition.constraints)) {
      const constraint = inner(item, "Constraint") ?? {};
      switch (constraint.contype) {
        case "CONSTR_NOTNULL":
          notNull = true;
          break;
        case "CONSTR_DEFAULT":
          fact = this.defaultFact(statement, constraint.raw_expr, num(constraint.location));
          break;
        case "CONSTR_IDENTITY":
          identity = constraint.generated_when === "a" ? "always" : "by_default";
          break;
        case "CONSTR_GENERATED":
          generatedStored = constraint.generated_kind !== "v";
          break;
        case "CONSTR_NULL":
          break;
        default:
          if (constraint.contype === "CONSTR_PRIMARY") notNull = true;
          inline.push({ facts: this.constraintFacts(statement, tableId, constraint, [name]), raw: constraint });
      }
    }
    const serial = SERIAL[strings(rec(definition.typeName)?.names).pop() ?? ""] !== undefined;
    return {
      facts: {
        name,
        type,
        at: num(definition.location) ?? statement.startByte,
        not_null: notNull,
        default_expr: fact,
        identity,
        generated_stored: generatedStored,
        serial,
        constraints: inline.map((c) => c.facts),
      },
      constraints: inline,
    };
  }

  private constraintFacts(statement: SqlStatement, tableId: string, constraint: N, columns: string[] = []): Facts {
    const type = CONSTRAINT_TYPES[str(constraint.contype) ?? ""] ?? "other";
    const keys = strings(constraint.keys);
    const fkColumns = strings(constraint.fk_attrs);
    const ownColumns = type === "foreign_key" ? (fkColumns.length > 0 ? fkColumns : columns) : keys.length > 0 ? keys : columns;
    const name = str(constraint.conname) ?? autoConstraintName(tableId, type, ownColumns, constraint);
    const table = this.schema.table(tableId);
    const nullable = type === "primary_key" ? ownColumns.filter((column) => table?.columns.get(column)?.notNull === false) : [];
    const at = num(constraint.location) ?? statement.startByte;
    const references = rec(constraint.pktable);
    return {
      type,
      name,
      named: constraint.conname !== undefined,
      not_valid: Boolean(constraint.skip_validation),
      using_index: str(constraint.indexname) ?? null,
      columns: ownColumns,
      ...(type === "primary_key" && str(constraint.indexname) ? { nullable_columns: nullable } : {}),
      ...(references ? { references: this.tableFact(references) } : {}),
      at,
      sql: constraintBody(this.extent(statement, at, NO_STOPS)),
    };
  }

  private applyColumn(table: TableState | undefined, facts: Facts): void {
    if (!table) return;
    const identity = facts.identity !== null || facts.serial === true;
    // serial is a shorthand, not a type: later messages name the column's integer type.
    const type = facts.type as TypeFact;
    const stored = facts.serial === true ? { ...type, display: TYPE_DISPLAY[type.name] ?? type.name } : type;
    table.columns.set(String(facts.name), { type: stored, notNull: Boolean(facts.not_null) || identity });
  }

  private applyConstraint(tableId: string, facts: Facts, raw: N): void {
    const table = this.schema.table(tableId);
    if (!table) return;
    const type = String(facts.type);
    if (type === "primary_key") {
      for (const column of facts.columns as string[]) {
        const state = table.columns.get(column);
        if (state) state.notNull = true;
      }
    }
    if (type === "not_null" || type === "default") return;
    const notNullColumn = type === "check" ? notNullTestColumn(raw.raw_expr) : undefined;
    const references = type === "foreign_key" ? (facts.references as TableFact | undefined)?.id : undefined;
    table.constraints.set(String(facts.name), { type, validated: !facts.not_valid, ...(notNullColumn ? { notNullColumn } : {}), ...(references ? { references } : {}) });
  }

  // ---- statements ----

  private alterTable(statement: SqlStatement, node: N): Facts {
    const relation = rec(node.relation);
    const table = this.tableFact(relation);
    const objectType = str(node.objtype) ?? "OBJECT_TABLE";
    const state = this.schema.table(table.id);
    const actions: Facts[] = [];
    for (const item of list(node.cmds)) {
      const command = inner(item, "AlterTableCmd") ?? {};
      actions.push(this.alterTableCommand(statement, table, state, command));
    }
    return {
      kind: objectType === "OBJECT_TABLE" || objectType === "OBJECT_FOREIGN_TABLE" ? "alter_table" : `alter_${objectName(objectType)}`,
      table,
      only: relation?.inh !== true,
      if_exists: Boolean(node.missing_ok),
      actions,
    };
  }

  private alterTableCommand(statement: SqlStatement, table: TableFact, state: TableState | undefined, command: N): Facts {
    const subtype = str(command.subtype) ?? "";
    const column = str(command.name) ?? "";
    switch (subtype) {
      case "AT_AddColumn": {
        const definition = inner(command.def, "ColumnDef") ?? {};
        const { facts, constraints } = this.columnFacts(statement, table.id, definition);
        const exists = state?.columns.has(String(facts.name)) ?? false;
        if (!(exists && command.missing_ok)) {
          this.applyColumn(state, facts);
          for (const constraint of constraints) this.applyConstraint(table.id, constraint.facts, constraint.raw);
        }
        return { kind: "add_column", ...facts, if_not_exists: Boolean(command.missing_ok) };
      }
      case "AT_DropColumn": {
        state?.columns.delete(column);
        return { kind: "drop_column", column, cascade: command.behavior === "DROP_CASCADE", if_exists: Boolean(command.missing_ok) };
      }
      case "AT_AlterColumnType": {
        const definition = inner(command.def, "ColumnDef") ?? {};
        const newType = this.typeFact(rec(definition.typeName));
        const old = state?.columns.get(column);
        const using = definition.raw_default;
        const facts = {
          kind: "alter_column_type",
          column,
          old_type: old ? old.type : null,
          new_type: newType,
          // USING col (or col::newtype) converts exactly as no USING does: PostgreSQL decides the rewrite the same way.
          using: using !== undefined && !isColumnItself(using, column),
          ...(using !== undefined ? { using_sql: this.extent(statement, firstLocation(using) ?? statement.startByte, NO_STOPS) } : {}),
          session_time_zone: this.timeZone,
          at: num(definition.location) ?? statement.startByte,
        };
        if (old) old.type = newType;
        return facts;
      }
      case "AT_SetNotNull": {
        const current = state?.columns.get(column);
        const check = state ? [...state.constraints.entries()].find(([, c]) => c.notNullColumn === column && c.validated) : undefined;
        const already = current?.notNull === true;
        if (current) current.notNull = true;
        return { kind: "set_not_null", column, column_known: current !== undefined, already_not_null: already, validated_check: check ? check[0] : null };
      }
      case "AT_DropNotNull": {
        const current = state?.columns.get(column);
        const was = current?.notNull === true;
        if (current) current.notNull = false;
        return { kind: "drop_not_null", column, column_known: current !== undefined, was_not_null: was };
      }
      case "AT_ColumnDefault": {
        if (command.def === undefined) return { kind: "drop_default", column };
        return { kind: "set_default", column, default_expr: this.defaultFact(statement, command.def, undefined) };
      }
      case "AT_AddConstraint": {
        const raw = inner(command.def, "Constraint") ?? {};
        const facts = this.constraintFacts(statement, table.id, raw);
        if (facts.not_valid) this.transaction?.notValid.add(`${table.id}.${String(facts.name)}`);
        this.applyConstraint(table.id, facts, raw);
        return { kind: "add_constraint", constraint: facts };
      }
      case "AT_ValidateConstraint": {
        const existing = state?.constraints.get(column);
        const sameTransaction = this.transaction?.notValid.has(`${table.id}.${column}`) ?? false;
        if (existing) existing.validated = true;
        return { kind: "validate_constraint", name: column, type: existing?.type ?? null, not_valid_added_in_transaction: sameTransaction };
      }
      case "AT_DropConstraint": {
        const references = state?.constraints.get(column)?.references;
        state?.constraints.delete(column);
        return {
          kind: "drop_constraint",
          name: column,
          cascade: command.behavior === "DROP_CASCADE",
          if_exists: Boolean(command.missing_ok),
          ...(references ? { references: this.tableFactById(references) } : {}),
        };
      }
      case "AT_AddInherit":
      case "AT_DropInherit":
        return { kind: "other", subtype: snake(subtype.replace(/^AT_/, "")), parent: this.tableFact(inner(command.def, "RangeVar")) };
      case "AT_SetLogged":
        return { kind: "set_logged" };
      case "AT_SetUnLogged":
        return { kind: "set_unlogged" };
      case "AT_DetachPartition":
      case "AT_DetachPartitionFinalize":
      case "AT_AttachPartition": {
        const partition = inner(command.def, "PartitionCmd") ?? {};
        return {
          kind: subtype === "AT_AttachPartition" ? "attach_partition" : "detach_partition",
          partition: this.tableFact(rec(partition.name)),
          concurrent: Boolean(partition.concurrent),
          finalize: subtype === "AT_DetachPartitionFinalize",
        };
      }
      default:
        return { kind: "other", subtype: snake(subtype.replace(/^AT_/, "")), ...(column ? { column } : {}) };
    }
  }

  private createTable(statement: SqlStatement, node: N): Facts {
    const relation = rec(node.relation);
    const table = this.tableFact(relation);
    const existed = table.known;
    const partitionOf = node.partbound !== undefined ? list(node.inhRelations).map((parent) => this.tableFact(unwrapped(parent, "RangeVar")))[0] : undefined;
    const columns: Facts[] = [];
    const inlineConstraints: { facts: Facts; raw: N }[] = [];
    const constraints: { facts: Facts; raw: N }[] = [];
    const skip = existed && Boolean(node.if_not_exists);
    const state = skip ? undefined : this.schema.createTable(table.id);
    if (!skip) this.created.add(table.id);
    for (const element of list(node.tableElts)) {
      const definition = inner(element, "ColumnDef");
      if (definition) {
        const column = this.columnFacts(statement, table.id, definition);
        columns.push(column.facts);
        inlineConstraints.push(...column.constraints);
        this.applyColumn(state, column.facts);
        continue;
      }
      const constraint = inner(element, "Constraint");
      if (constraint) constraints.push({ facts: this.constraintFacts(statement, table.id, constraint), raw: constraint });
      const like = inner(element, "TableLikeClause");
      if (like && state) {
        const source = this.schema.table(this.tableId(rec(like.relation)));
        for (const [name, column] of source?.columns ?? []) state.columns.set(name, { ...column });
      }
    }
    if (!skip) for (const { facts, raw } of [...inlineConstraints, ...constraints]) this.applyConstraint(table.id, facts, raw);
    return {
      kind: "create_table",
      table: { ...table, new: !skip },
      if_not_exists: Boolean(node.if_not_exists),
      columns,
      constraints: constraints.map((c) => c.facts),
      partition_of: partitionOf ?? null,
      unlogged: relation?.relpersistence === "u",
    };
  }

  private createTableAs(node: N): Facts {
    const into = rec(node.into);
    const relation = rec(into?.rel);
    const table = this.tableFact(relation);
    const materialized = node.objtype === "OBJECT_MATVIEW";
    if (!(table.known && node.if_not_exists)) {
      this.schema.createTable(table.id, materialized ? "materialized_view" : "table");
      this.created.add(table.id);
      if (materialized) this.noteCreated("materialized_view", table.id);
    }
    return { kind: materialized ? "create_materialized_view" : "create_table_as", table: { ...table, new: true } };
  }

  private createView(node: N): Facts {
    const relation = rec(node.view);
    const view = this.tableFact(relation);
    this.schema.createTable(view.id, "view");
    this.created.add(view.id);
    this.noteCreated("view", view.id);
    return { kind: "create_view", view: { ...view, new: true }, replace: Boolean(node.replace) };
  }

  private createIndex(statement: SqlStatement, node: N): Facts {
    const relation = rec(node.relation);
    const table = this.tableFact(relation);
    const params = list(node.indexParams).map((param) => inner(param, "IndexElem") ?? {});
    const firstColumn = str(params[0]?.name) ?? "expr";
    const schema = str(relation?.schemaname) ?? "public";
    const name = str(node.idxname) ?? null;
    const generated = `${str(relation?.relname) ?? ""}_${params.map((p) => str(p.name) ?? "expr").join("_") || firstColumn}_idx`;
    this.schema.indexes.set(`${schema}.${name ?? generated}`, table.id);
    const relationAt = num(relation?.location) ?? statement.startByte;
    return {
      kind: "create_index",
      table,
      name,
      unique: Boolean(node.unique),
      concurrent: Boolean(node.concurrent),
      if_not_exists: Boolean(node.if_not_exists),
      only: relation?.inh !== true,
      column_count: params.length,
      definition_sql: collapse(this.source.slice(relationAt, statement.endByte)),
    };
  }

  private drop(node: N): Facts {
    const removeType = str(node.removeType) ?? "";
    const objectType = objectName(removeType);
    const names = list(node.objects).map(objectNameParts);
    const cascade = node.behavior === "DROP_CASCADE";
    const ifExists = Boolean(node.missing_ok);
    if (removeType === "OBJECT_INDEX") {
      const indexes = names.map((parts) => {
        const id = parts.length > 1 ? parts.join(".") : `public.${parts[0] ?? ""}`;
        const tableId = this.schema.indexes.get(id);
        this.schema.indexes.delete(id);
        return { name: parts.join("."), table: tableId ? this.tableFactById(tableId) : null };
      });
      return { kind: "drop_index", indexes, concurrent: Boolean(node.concurrent), cascade, if_exists: ifExists };
    }
    /** Tables whose triggers the drop removes too (ACCESS EXCLUSIVE on each): a DROP FUNCTION ... CASCADE's, a dropped table's foreign keys'. */
    const triggerTables: TableFact[] = [];
    const objects = names.map((parts): Facts => {
      if (["table", "view", "materialized_view", "foreign_table", "sequence"].includes(objectType)) {
        const id = parts.length > 1 ? parts.join(".") : `public.${parts[0] ?? ""}`;
        const fact: Facts = { ...this.tableFactById(id), name: parts.join(".") };
        // Its foreign keys' triggers on the referenced tables go with it.
        for (const constraint of this.schema.table(id)?.constraints.values() ?? []) {
          if (constraint.references && constraint.references !== id) triggerTables.push(this.tableFactById(constraint.references));
        }
        this.schema.dropTable(id);
        this.created.delete(id);
        this.noteDropped(objectType, id, fact);
        return fact;
      }
      if (["trigger", "policy", "rule"].includes(objectType)) {
        // ON table: the parts are the table's (schema and) name, then the object's.
        const own = parts[parts.length - 1] ?? "";
        const tableParts = parts.slice(0, -1);
        const tableId = tableParts.length > 1 ? tableParts.join(".") : `public.${tableParts[0] ?? ""}`;
        const table = { ...this.tableFactById(tableId), name: tableParts.join(".") };
        const fact: Facts = { id: `${tableId}.${own}`, name: `${own} on ${table.name}`, known: false, new: false, table };
        if (objectType === "trigger") this.schema.triggers.delete(`${tableId}.${own}`);
        this.noteDropped(objectType, `${tableId}.${own}`, fact);
        return fact;
      }
      const id = objectType === "schema" ? parts.join(".") : qualified(parts);
      if (objectType === "schema") {
        const prefix = `${parts[0] ?? ""}.`;
        for (const tableId of [...this.schema.tables.keys()]) if (tableId.startsWith(prefix)) this.schema.dropTable(tableId);
      }
      const fact: Facts = { id, name: parts.join("."), known: false, new: false };
      if (objectType === "function" || objectType === "procedure") {
        this.schema.functions.delete(parts.join("."));
        if (cascade) {
          for (const [trigger, state] of [...this.schema.triggers]) {
            if (state.function !== id) continue;
            triggerTables.push(this.tableFactById(state.table));
            this.schema.triggers.delete(trigger);
          }
        }
        this.noteDropped("function", id, fact);
      } else if (objectType === "statistic_ext") {
        const tableId = this.schema.statistics.get(id);
        this.schema.statistics.delete(id);
        if (tableId) fact.table = this.tableFactById(tableId);
      } else if (objectType === "type" || objectType === "domain") {
        this.schema.enums.delete(id);
        this.noteDropped(objectType, id, fact);
      }
      return fact;
    });
    return { kind: "drop", object_type: objectType, objects, cascade, if_exists: ifExists, ...(triggerTables.length > 0 ? { trigger_tables: triggerTables } : {}) };
  }

  private rename(node: N): Facts {
    const renameType = str(node.renameType) ?? "";
    const objectType = objectName(renameType);
    const relation = rec(node.relation);
    const to = str(node.newname) ?? "";
    const table = relation ? this.tableFact(relation) : null;
    let from = str(node.subname) ?? "";
    let columnType: string | null = null;
    if (table && (renameType === "OBJECT_TABLE" || renameType === "OBJECT_VIEW" || renameType === "OBJECT_MATVIEW" || renameType === "OBJECT_FOREIGN_TABLE")) {
      from = table.name;
      const schema = table.id.slice(0, table.id.indexOf("."));
      const target = `${schema}.${to}`;
      this.schema.renameTable(table.id, target);
      if (this.created.delete(table.id)) this.created.add(target);
    } else if (renameType === "OBJECT_COLUMN" && table) {
      const state = this.schema.table(table.id);
      const column = state?.columns.get(from);
      columnType = column?.type.display ?? null;
      if (state && column) {
        state.columns.delete(from);
        state.columns.set(to, column);
      }
    } else if (renameType === "OBJECT_TABCONSTRAINT" && table) {
      const state = this.schema.table(table.id);
      const constraint = state?.constraints.get(from);
      if (state && constraint) {
        state.constraints.delete(from);
        state.constraints.set(to, constraint);
      }
    } else if (renameType === "OBJECT_INDEX" && table) {
      const schema = table.id.slice(0, table.id.indexOf("."));
      const owner = this.schema.indexes.get(table.id);
      from = table.name;
      if (owner) {
        this.schema.indexes.delete(table.id);
        this.schema.indexes.set(`${schema}.${to}`, owner);
      }
    } else if (!from) {
      const parts = objectNameParts(node.object);
      from = parts.join(".");
      if (renameType === "OBJECT_TYPE" || renameType === "OBJECT_DOMAIN") {
        const id = qualified(parts);
        this.schema.renameType(id, `${id.slice(0, id.indexOf("."))}.${to}`);
      }
    }
    const relationType = objectName(str(node.relationType) ?? "");
    return {
      kind: "rename",
      object_type: objectType,
      ...(renameType === "OBJECT_COLUMN" ? { relation_type: relationType, column_type: columnType } : {}),
      table: renameType === "OBJECT_INDEX" ? null : table,
      from,
      to,
    };
  }

  private setSchema(node: N): Facts {
    const objectType = objectName(str(node.objectType) ?? "");
    const relation = rec(node.relation);
    const table = relation ? this.tableFact(relation) : null;
    const schema = str(node.newschema) ?? "";
    if (table) {
      const target = `${schema}.${table.id.slice(table.id.indexOf(".") + 1)}`;
      this.schema.renameTable(table.id, target);
      if (this.created.delete(table.id)) this.created.add(target);
    }
    return { kind: "set_schema", object_type: objectType, table, schema };
  }

  private variableSet(node: N): Facts {
    const name = str(node.name) ?? "";
    const kind = str(node.kind) ?? "";
    const isLocal = Boolean(node.is_local);
    let value: number | null = null;
    let raw: string | null = null;
    if (kind === "VAR_SET_VALUE") {
      const constant = inner(list(node.args)[0], "A_Const");
      const ival = num(rec(constant?.ival)?.ival) ?? (rec(constant?.ival) ? 0 : undefined);
      const sval = str(rec(constant?.sval)?.sval);
      const fval = str(rec(constant?.fval)?.fval);
      raw = sval ?? fval ?? (ival !== undefined ? String(ival) : null);
      value = ival !== undefined ? durationMs(ival) : raw !== null ? durationMs(raw) : null;
    }
    if (name === "timezone") this.timeZone = kind === "VAR_SET_VALUE" ? raw : null;
    if (TIMEOUTS.has(name) && (kind === "VAR_SET_VALUE" || kind === "VAR_SET_DEFAULT" || kind === "VAR_RESET")) {
      this.set(name as keyof Settings, kind === "VAR_SET_VALUE" ? value : null, isLocal);
    } else if (kind === "VAR_RESET_ALL") {
      this.session = {};
      this.local = {};
    }
    return { kind: "set", name, local: isLocal, action: snake(kind.replace(/^VAR_/, "")), value: raw, value_ms: TIMEOUTS.has(name) ? value : null };
  }

  /** `SELECT set_config('lock_timeout', '2s', false)` sets a timeout like SET does. */
  private select(node: N): Facts {
    const targets = list(node.targetList);
    for (const target of targets) {
      const call = inner(inner(target, "ResTarget")?.val, "FuncCall");
      if (!call || strings(call.funcname).join(".") !== "set_config") continue;
      const args = list(call.args).map((arg) => inner(arg, "A_Const"));
      const name = str(rec(args[0]?.sval)?.sval);
      const value = str(rec(args[1]?.sval)?.sval);
      const isLocal = rec(args[2]?.boolval)?.boolval === true;
      if (name && TIMEOUTS.has(name) && value !== undefined) {
        const ms = durationMs(value);
        this.set(name as keyof Settings, ms, isLocal);
        return { kind: "set", name, local: isLocal, action: "set_config", value, value_ms: ms };
      }
    }
    return { kind: "select", has_from: list(node.fromClause).length > 0 };
  }

  private transactionControl(statement: SqlStatement, node: N, base: StatementFacts): Facts {
    const kind = str(node.kind) ?? "";
    const action = snake(kind.replace(/^TRANS_STMT_/, ""));
    let nested = false;
    let noTransaction = false;
    if (kind === "TRANS_STMT_BEGIN" || kind === "TRANS_STMT_START") {
      // BEGIN inside a message's implicit block turns it into a regular block, without a warning.
      nested = this.transaction !== null && !this.transaction.implicit;
      if (this.transaction) {
        this.transaction.explicit = true;
        this.transaction.implicit = false;
      } else this.transaction = this.begin({ explicit: true });
      this.openedBy = statement.index;
    } else if (kind === "TRANS_STMT_COMMIT" || kind === "TRANS_STMT_ROLLBACK") {
      noTransaction = this.transaction === null;
      const endsRunner = this.transaction?.runner ?? false;
      const endsImplicit = this.transaction?.implicit ?? false;
      this.end(kind === "TRANS_STMT_ROLLBACK");
      this.openedBy = null;
      return {
        kind: "transaction",
        action,
        nested,
        outside_transaction: noTransaction,
        ends_runner_transaction: endsRunner,
        ends_implicit_block: endsImplicit,
        statements_after: this.statementCount - statement.index - 1,
        in_transaction: base.in_transaction,
      };
    }
    return { kind: "transaction", action, nested, outside_transaction: noTransaction, ends_runner_transaction: false };
  }

  /** COMMENT ON TABLE / COLUMN takes SHARE UPDATE EXCLUSIVE on the table. */
  private comment(node: N): Facts {
    const objectType = objectName(str(node.objtype) ?? "");
    const parts = objectNameParts(node.object);
    const relationParts = objectType === "column" ? parts.slice(0, -1) : ["table", "view", "materialized_view", "foreign_table"].includes(objectType) ? parts : [];
    const table = relationParts.length > 0 ? this.tableFactById(qualified(relationParts)) : null;
    return { kind: "comment", object_type: objectType, ...(table ? { table: { ...table, name: relationParts.join(".") } } : {}) };
  }

  private alterEnum(node: N): Facts {
    const written = strings(node.typeName).join(".");
    const type = qualified(strings(node.typeName));
    const values = this.schema.enums.get(type);
    const value = str(node.newVal) ?? "";
    if (node.oldVal !== undefined) {
      if (values) this.schema.enums.set(type, values.map((v) => (v === node.oldVal ? value : v)));
      return { kind: "alter_enum", action: "rename_value", type: written, type_id: type, value, from: str(node.oldVal) ?? "" };
    }
    const neighbor = str(node.newValNeighbor) ?? null;
    const exists = values?.includes(value) ?? false;
    const before = values ? [...values] : null;
    if (values && !exists) {
      const at = neighbor ? values.indexOf(neighbor) : -1;
      if (at === -1) values.push(value);
      else values.splice(node.newValIsAfter ? at + 1 : at, 0, value);
    }
    return {
      kind: "alter_enum",
      action: "add_value",
      type: written,
      type_id: type,
      value,
      position: neighbor ? (node.newValIsAfter === false ? "before" : "after") : null,
      neighbor,
      if_not_exists: Boolean(node.skipIfNewValExists),
      existing_values: before,
      exists,
    };
  }

  private createFunction(node: N): Facts {
    const name = strings(node.funcname).join(".");
    const volatilityOption = list(node.options)
      .map((option) => inner(option, "DefElem") ?? {})
      .find((option) => option.defname === "volatility");
    const volatility = (str(inner(volatilityOption?.arg, "String")?.sval) ?? "volatile") as Volatility;
    this.schema.functions.set(name, volatility);
    this.noteCreated("function", qualified(strings(node.funcname)));
    return { kind: "create_function", name, volatility, replace: Boolean(node.replace) };
  }

  private reindex(node: N): Facts {
    const kind = str(node.kind) ?? "";
    const target = snake(kind.replace(/^REINDEX_OBJECT_/, ""));
    const relation = rec(node.relation);
    const concurrent = list(node.params).some((param) => {
      const option = inner(param, "DefElem");
      return option?.defname === "concurrently" && rec(inner(option.arg, "Boolean"))?.boolval !== false;
    });
    let table: TableFact | null = null;
    if (target === "table" && relation) table = this.tableFact(relation);
    if (target === "index" && relation) {
      const owner = this.schema.indexes.get(this.tableId(relation));
      table = owner ? this.tableFactById(owner) : null;
    }
    const name = relation ? [str(relation.schemaname), str(relation.relname)].filter(Boolean).join(".") : (str(node.name) ?? "");
    return { kind: "reindex", target, name, concurrent, table };
  }

  private alterDomain(node: N): Facts {
    const actions: Record<string, string> = { T: "set_default", N: "drop_not_null", O: "set_not_null", C: "add_constraint", X: "drop_constraint", V: "validate_constraint" };
    const constraint = inner(node.def, "Constraint");
    return {
      kind: "alter_domain",
      domain: strings(node.typeName).join("."),
      action: actions[str(node.subtype) ?? ""] ?? "other",
      ...(constraint ? { constraint_type: CONSTRAINT_TYPES[str(constraint.contype) ?? ""] ?? "other", not_valid: Boolean(constraint.skip_validation) } : {}),
    };
  }
}

/** The name parts of a DROP's object: a List of Strings, a String, a function's ObjectWithArgs, a TypeName. */
function objectNameParts(object: unknown): string[] {
  const listed = inner(object, "List");
  if (listed) return strings(listed.items);
  const withArgs = inner(object, "ObjectWithArgs");
  if (withArgs) return strings(withArgs.objname);
  const typeName = inner(object, "TypeName");
  if (typeName) return strings(typeName.names);
  return [str(inner(object, "String")?.sval) ?? ""];
}

const CONSTRAINT_TYPES: Record<string, string> = {
  CONSTR_FOREIGN: "foreign_key",
  CONSTR_CHECK: "check",
  CONSTR_UNIQUE: "unique",
  CONSTR_PRIMARY: "primary_key",
  CONSTR_EXCLUSION: "exclusion",
  CONSTR_NOTNULL: "not_null",
  CONSTR_DEFAULT: "default",
};

const DEFAULT_STOPS = new Set(["NOT", "NULL", "CONSTRAINT", "CHECK", "REFERENCES", "UNIQUE", "PRIMARY", "GENERATED", "COLLATE", "DEFAULT"]);
const NO_STOPS = new Set<string>();

function qualified(parts: string[]): string {
  return parts.length > 1 ? parts.join(".") : `public.${parts[0] ?? ""}`;
}

function collapse(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 400 ? `${flat.slice(0, 397)}...` : flat;
}

function snake(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/^_+/, "")
    .toLowerCase();
}

function objectName(objectType: string): string {
  const name = objectType.replace(/^OBJECT_/, "").toLowerCase();
  return name === "matview" ? "materialized_view" : name;
}

/** The constraint's clause without a leading CONSTRAINT name and a trailing NOT VALID. */
function constraintBody(sql: string): string {
  return sql
    .replace(/^CONSTRAINT\s+("(?:[^"]|"")+"|\S+)\s+/i, "")
    .replace(/\s+NOT\s+VALID$/i, "")
    .trim();
}

/** The smallest byte offset in an expression's tree (a cast's own location is its `::`, after its operand). */
function firstLocation(expression: unknown): number | undefined {
  let first: number | undefined;
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    const node = rec(value);
    if (!node) return;
    for (const [key, child] of Object.entries(node)) {
      if (key === "location" && typeof child === "number" && child >= 0) first = first === undefined ? child : Math.min(first, child);
      else walk(child);
    }
  };
  walk(expression);
  return first;
}

/** `col`, or `col::type`: a USING expression that is just the column being retyped. */
function isColumnItself(expression: unknown, column: string): boolean {
  const cast = inner(expression, "TypeCast");
  const target = cast ? cast.arg : expression;
  const fields = strings(inner(target, "ColumnRef")?.fields);
  return fields.length >= 1 && fields[fields.length - 1] === column;
}

/** For CHECK (col IS NOT NULL), the column. */
function notNullTestColumn(expression: unknown): string | undefined {
  const test = inner(expression, "NullTest");
  if (!test || test.nulltesttype !== "IS_NOT_NULL") return undefined;
  const fields = strings(inner(test.arg, "ColumnRef")?.fields);
  return fields.length === 1 ? fields[0] : undefined;
}

/** PostgreSQL's default constraint names (ChooseConstraintName), without the collision suffix. */
function autoConstraintName(tableId: string, type: string, columns: string[], constraint: N): string {
  const table = tableId.slice(tableId.indexOf(".") + 1);
  switch (type) {
    case "primary_key":
      return `${table}_pkey`;
    case "foreign_key":
      return `${table}_${columns.join("_")}_fkey`;
    case "unique":
      return `${table}_${columns.join("_")}_key`;
    case "exclusion":
      return `${table}_${columns.join("_") || "excl"}_excl`;
    case "check": {
      const referenced = new Set<string>();
      const walk = (value: unknown): void => {
        if (Array.isArray(value)) return value.forEach(walk);
        const node = rec(value);
        if (!node) return;
        const ref = rec(node.ColumnRef);
        if (ref) {
          const fields = strings(ref.fields);
          if (fields.length > 0) referenced.add(fields[fields.length - 1] ?? "");
        }
        Object.values(node).forEach(walk);
      };
      walk(constraint.raw_expr);
      return referenced.size === 1 ? `${table}_${[...referenced][0]}_check` : `${table}_check`;
    }
    default:
      return `${table}_${type}`;
  }
}

const LOCK_MODES = ["", "ACCESS SHARE", "ROW SHARE", "ROW EXCLUSIVE", "SHARE UPDATE EXCLUSIVE", "SHARE", "SHARE ROW EXCLUSIVE", "EXCLUSIVE", "ACCESS EXCLUSIVE"];
function lockModeName(mode: number): string {
  return LOCK_MODES[mode] ?? "ACCESS EXCLUSIVE";
}

// The table locks each statement takes, from PostgreSQL's documentation of each command's lock level
// (ALTER TABLE's per-form levels, CREATE INDEX, REINDEX, ...). A fact about the statement, like a
// default's volatility; the trace tests check every mode here against a real PostgreSQL (pg_locks).
import type { Facts, TableFact } from "./facts.js";

export const LOCK_MODES = [
  "ACCESS SHARE",
  "ROW SHARE",
  "ROW EXCLUSIVE",
  "SHARE UPDATE EXCLUSIVE",
  "SHARE",
  "SHARE ROW EXCLUSIVE",
  "EXCLUSIVE",
  "ACCESS EXCLUSIVE",
] as const;
export type LockMode = (typeof LOCK_MODES)[number];

export const lockRank = (mode: LockMode): number => LOCK_MODES.indexOf(mode) + 1;

export interface TableLock {
  /** Table name as written (schema-qualified only when written so). */
  table: string;
  id: string;
  mode: LockMode;
  /** The table was created earlier in the same migration (no application uses it yet). */
  new: boolean;
}

/**
 * ALTER TABLE forms that take SHARE UPDATE EXCLUSIVE (PostgreSQL docs, ALTER TABLE). SET STORAGE and
 * SET COMPRESSION are not among them: PostgreSQL 15 takes ACCESS EXCLUSIVE for both (pg_locks).
 */
const SHARE_UPDATE_SUBTYPES = new Set([
  "set_statistics",
  "set_rel_options",
  "reset_rel_options",
  "cluster_on",
  "drop_cluster",
  "set_options",
  "reset_options",
]);

/** ALTER TABLE forms on triggers, which take SHARE ROW EXCLUSIVE. */
const SHARE_ROW_EXCLUSIVE_SUBTYPES = new Set([
  "enable_trig",
  "enable_always_trig",
  "enable_replica_trig",
  "disable_trig",
  "enable_trig_all",
  "disable_trig_all",
  "enable_trig_user",
  "disable_trig_user",
]);

/** The lock one ALTER TABLE subcommand takes on the altered table. */
export function actionLock(action: Facts): LockMode {
  switch (action.kind) {
    case "add_constraint":
      return (action.constraint as Facts | undefined)?.type === "foreign_key" ? "SHARE ROW EXCLUSIVE" : "ACCESS EXCLUSIVE";
    case "validate_constraint":
    case "attach_partition":
      return "SHARE UPDATE EXCLUSIVE";
    case "detach_partition":
      return action.concurrent ? "SHARE UPDATE EXCLUSIVE" : "ACCESS EXCLUSIVE";
    case "other":
      if (SHARE_UPDATE_SUBTYPES.has(String(action.subtype))) return "SHARE UPDATE EXCLUSIVE";
      if (SHARE_ROW_EXCLUSIVE_SUBTYPES.has(String(action.subtype))) return "SHARE ROW EXCLUSIVE";
      return "ACCESS EXCLUSIVE";
    default:
      return "ACCESS EXCLUSIVE";
  }
}

const isTable = (value: unknown): value is TableFact => typeof value === "object" && value !== null && typeof (value as TableFact).id === "string";

function constraintsOf(action: Facts): Facts[] {
  if (action.kind === "add_constraint") return [action.constraint as Facts];
  if (action.kind === "add_column") return (action.constraints as Facts[] | undefined) ?? [];
  return [];
}

/** Every [table, mode] the statement locks; the strongest mode per table. */
export function predictLocks(statement: Facts): TableLock[] {
  const locks = new Map<string, TableLock>();
  const add = (table: unknown, mode: LockMode) => {
    if (!isTable(table) || table.id === "") return;
    const previous = locks.get(table.id);
    if (!previous || lockRank(mode) > lockRank(previous.mode)) locks.set(table.id, { table: table.name, id: table.id, mode, new: table.new });
  };
  const list = (value: unknown): Facts[] => (Array.isArray(value) ? (value as Facts[]) : []);
  const concurrent = (weak: LockMode, strong: LockMode): LockMode => (statement.concurrent ? weak : strong);
  switch (statement.kind) {
    case "alter_table":
      for (const action of list(statement.actions)) {
        add(statement.table, actionLock(action));
        for (const constraint of constraintsOf(action)) {
          if (constraint.type === "foreign_key") add(constraint.references, "SHARE ROW EXCLUSIVE");
        }
        // Dropping a foreign key drops its triggers on the referenced table too.
        if (action.kind === "drop_constraint") add(action.references, "ACCESS EXCLUSIVE");
        // INHERIT / NO INHERIT: the parent gains or loses a child.
        if (action.kind === "other" && (action.subtype === "add_inherit" || action.subtype === "drop_inherit")) add(action.parent, "SHARE UPDATE EXCLUSIVE");
        if ((action.kind === "attach_partition" || action.kind === "detach_partition") && !action.concurrent) add(action.partition, "ACCESS EXCLUSIVE");
      }
      break;
    case "create_index":
      add(statement.table, concurrent("SHARE UPDATE EXCLUSIVE", "SHARE"));
      break;
    case "drop_index":
      for (const index of list(statement.indexes)) add(index.table, concurrent("SHARE UPDATE EXCLUSIVE", "ACCESS EXCLUSIVE"));
      break;
    case "reindex":
      add(statement.table, concurrent("SHARE UPDATE EXCLUSIVE", "SHARE"));
      break;
    case "drop":
      if (["table", "view", "materialized_view", "foreign_table", "sequence"].includes(String(statement.object_type))) {
        for (const object of list(statement.objects)) add(object, "ACCESS EXCLUSIVE");
      }
      // DROP TRIGGER / POLICY / RULE ... ON t, and the triggers a DROP FUNCTION ... CASCADE takes along.
      if (["trigger", "policy", "rule"].includes(String(statement.object_type))) for (const object of list(statement.objects)) add(object.table, "ACCESS EXCLUSIVE");
      if (statement.object_type === "statistic_ext") for (const object of list(statement.objects)) add(object.table, "SHARE UPDATE EXCLUSIVE");
      for (const table of list(statement.trigger_tables)) add(table, "ACCESS EXCLUSIVE");
      break;
    case "rename":
    case "set_schema":
      if (["table", "view", "materialized_view", "column", "foreign_table", "tabconstraint", "trigger", "policy"].includes(String(statement.object_type))) {
        add(statement.table, "ACCESS EXCLUSIVE");
      }
      break;
    case "create_policy":
    case "alter_policy":
    case "create_rule":
      add(statement.table, "ACCESS EXCLUSIVE");
      break;
    case "comment":
    case "create_statistics":
      add(statement.table, "SHARE UPDATE EXCLUSIVE");
      break;
    case "analyze":
      for (const table of list(statement.tables)) add(table, "SHARE UPDATE EXCLUSIVE");
      break;
    case "alter_sequence":
      add(statement.sequence, "SHARE ROW EXCLUSIVE");
      break;
    case "truncate":
      for (const table of list(statement.tables)) add(table, "ACCESS EXCLUSIVE");
      break;
    case "update":
    case "delete":
    case "insert":
      add(statement.table, "ROW EXCLUSIVE");
      break;
    case "vacuum":
      for (const table of list(statement.tables)) add(table, statement.full ? "ACCESS EXCLUSIVE" : "SHARE UPDATE EXCLUSIVE");
      break;
    case "cluster":
      add(statement.table, "ACCESS EXCLUSIVE");
      break;
    case "refresh_materialized_view":
      add(statement.view, concurrent("EXCLUSIVE", "ACCESS EXCLUSIVE"));
      break;
    case "create_trigger":
      add(statement.table, "SHARE ROW EXCLUSIVE");
      break;
    case "lock":
      for (const table of list(statement.tables)) add(table, statement.mode as LockMode);
      break;
    case "create_table": {
      const constraints = [...list(statement.constraints), ...list(statement.columns).flatMap((column) => list(column.constraints))];
      for (const constraint of constraints) if (constraint.type === "foreign_key") add(constraint.references, "SHARE ROW EXCLUSIVE");
      add(statement.partition_of, "ACCESS EXCLUSIVE");
      break;
    }
    default:
      break;
  }
  return [...locks.values()];
}

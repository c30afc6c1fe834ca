// The schema as the replayed migrations leave it: tables, columns with types, constraints, indexes, enum
// values and function volatility. Only what the rules need to judge a later statement.
import type { Volatility } from "./volatility.js";

export interface TypeFact {
  /** Canonical name: int4, int8, varchar, bpchar, text, timestamptz, numeric, jsonb, or schema.name for user types. */
  name: string;
  /** How to write it in SQL: integer, varchar(100), numeric(10,2), text[]. */
  display: string;
  /** Type modifiers (length, precision and scale). */
  mods: number[];
  array: boolean;
}

export interface ColumnState {
  type: TypeFact;
  notNull: boolean;
}

export interface ConstraintState {
  type: string;
  validated: boolean;
  /** For CHECK (col IS NOT NULL): the column it proves not null. */
  notNullColumn?: string;
  /** For a foreign key: the referenced table's id. */
  references?: string;
}

export interface TableState {
  kind: "table" | "view" | "materialized_view";
  columns: Map<string, ColumnState>;
  constraints: Map<string, ConstraintState>;
}

export interface TriggerState {
  /** The table's id. */
  table: string;
  /** The trigger function, schema-qualified. */
  function: string;
}

export class SchemaState {
  readonly tables = new Map<string, TableState>();
  /** Index id (schema.name) → table id. */
  readonly indexes = new Map<string, string>();
  readonly enums = new Map<string, string[]>();
  readonly functions = new Map<string, Volatility>();
  /** Trigger id (table id + "." + trigger name) → its table and function. */
  readonly triggers = new Map<string, TriggerState>();
  /** Extended statistics id (schema.name) → table id. */
  readonly statistics = new Map<string, string>();

  table(id: string): TableState | undefined {
    return this.tables.get(id);
  }

  createTable(id: string, kind: TableState["kind"] = "table"): TableState {
    const table: TableState = { kind, columns: new Map(), constraints: new Map() };
    this.tables.set(id, table);
    return table;
  }

  dropTable(id: string): void {
    this.tables.delete(id);
    for (const [index, table] of this.indexes) if (table === id) this.indexes.delete(index);
    for (const [trigger, state] of this.triggers) if (state.table === id) this.triggers.delete(trigger);
    for (const [statistics, table] of this.statistics) if (table === id) this.statistics.delete(statistics);
  }

  renameTable(from: string, to: string): void {
    const table = this.tables.get(from);
    if (!table) return;
    this.tables.delete(from);
    this.tables.set(to, table);
    for (const [index, owner] of this.indexes) if (owner === from) this.indexes.set(index, to);
    for (const [statistics, owner] of this.statistics) if (owner === from) this.statistics.set(statistics, to);
    for (const [trigger, state] of [...this.triggers]) {
      if (state.table !== from) continue;
      this.triggers.delete(trigger);
      this.triggers.set(`${to}.${trigger.slice(from.length + 1)}`, { ...state, table: to });
    }
  }

  /**
   * ALTER TYPE ... RENAME TO: the enum's values and every column of that type follow the new name.
   * Ids are schema-qualified; columns name a type in the public schema without it, as written.
   */
  renameType(from: string, to: string): void {
    const values = this.enums.get(from);
    if (values) {
      this.enums.delete(from);
      this.enums.set(to, values);
    }
    const unqualified = (id: string) => (id.startsWith("public.") ? id.slice("public.".length) : id);
    const renamed = new Map([
      [from, to],
      [unqualified(from), unqualified(to)],
    ]);
    for (const table of this.tables.values()) {
      for (const column of table.columns.values()) {
        const name = renamed.get(column.type.name);
        if (name === undefined) continue;
        column.type = { ...column.type, name, display: column.type.display.replace(column.type.name, name) };
      }
    }
  }

  /**
   * After a statement that does not parse: forgets every table, enum and function it may name, so later
   * statements treat them as existing objects of unknown shape (never as known facts). Returns the
   * tables forgotten.
   */
  forget(identifiers: readonly string[]): string[] {
    const named = new Set(identifiers);
    const mentioned = (id: string) => named.has(id) || named.has(id.slice(id.lastIndexOf(".") + 1));
    const tables = [...this.tables.keys()].filter(mentioned);
    for (const id of tables) this.dropTable(id);
    for (const id of [...this.enums.keys()].filter(mentioned)) this.enums.delete(id);
    for (const id of [...this.functions.keys()].filter(mentioned)) this.functions.delete(id);
    return tables;
  }
}

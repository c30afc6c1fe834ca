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
}

export interface TableState {
  kind: "table" | "view" | "materialized_view";
  columns: Map<string, ColumnState>;
  constraints: Map<string, ConstraintState>;
}

export class SchemaState {
  readonly tables = new Map<string, TableState>();
  /** Index id (schema.name) → table id. */
  readonly indexes = new Map<string, string>();
  readonly enums = new Map<string, string[]>();
  readonly functions = new Map<string, Volatility>();

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
  }

  renameTable(from: string, to: string): void {
    const table = this.tables.get(from);
    if (!table) return;
    this.tables.delete(from);
    this.tables.set(to, table);
    for (const [index, owner] of this.indexes) if (owner === from) this.indexes.set(index, to);
  }
}

// Syntax that only newer PostgreSQL releases accept. The parser is PostgreSQL 18's grammar, so a
// statement that parses here may be a syntax error on the production server: each construct below is
// found in the parse tree (or, for numeric literals, in the statement's tokens) with the release that
// added it. What is not detected is listed in docs/migrations.md#mig-070.
import { numericLiterals, type SqlNode } from "../../sources/sql.js";

export interface NewerSyntax {
  construct: string;
  /** The first PostgreSQL major version that accepts it. */
  version: number;
  /** UTF-8 byte offset of the construct, when the tree records one. */
  at?: number;
}

type N = SqlNode;
const rec = (value: unknown): N | undefined => (typeof value === "object" && value !== null && !Array.isArray(value) ? (value as N) : undefined);
const nonEmpty = (value: unknown): boolean => Array.isArray(value) && value.length > 0;

/** [version, construct, test]: a node of that type is the construct when the test holds (always, without one). */
type NodeRule = [number, string, ((node: N) => boolean)?];

const NODE_RULES: Record<string, NodeRule[]> = {
  CallStmt: [[11, "CALL"]],
  CreateFunctionStmt: [
    [11, "CREATE PROCEDURE", (n) => n.is_procedure === true],
    [14, "a SQL-standard function body (BEGIN ATOMIC or RETURN)", (n) => n.sql_body !== undefined],
  ],
  IndexStmt: [
    [11, "INCLUDE columns in an index", (n) => nonEmpty(n.indexIncludingParams)],
    [15, "NULLS NOT DISTINCT", (n) => n.nulls_not_distinct === true],
  ],
  CommonTableExpr: [
    [12, "WITH ... AS [NOT] MATERIALIZED", (n) => n.ctematerialized === "CTEMaterializeAlways" || n.ctematerialized === "CTEMaterializeNever"],
    [14, "SEARCH in a recursive WITH", (n) => n.search_clause !== undefined],
    [14, "CYCLE in a recursive WITH", (n) => n.cycle_clause !== undefined],
  ],
  SelectStmt: [[13, "FETCH FIRST ... WITH TIES", (n) => n.limitOption === "LIMIT_OPTION_WITH_TIES"]],
  CreateTrigStmt: [[14, "CREATE OR REPLACE TRIGGER", (n) => n.replace === true]],
  PartitionCmd: [[14, "DETACH PARTITION ... CONCURRENTLY", (n) => n.concurrent === true]],
  ColumnDef: [
    [14, "a column's COMPRESSION", (n) => typeof n.compression === "string" && n.compression !== ""],
    [16, "STORAGE in a column definition", (n) => typeof n.storage_name === "string" && n.storage_name !== ""],
  ],
  Constraint: [
    [12, "a generated column (GENERATED ALWAYS AS ... STORED)", (n) => n.contype === "CONSTR_GENERATED" && n.generated_kind !== "v"],
    [15, "UNIQUE NULLS NOT DISTINCT", (n) => n.nulls_not_distinct === true],
    [15, "ON DELETE SET NULL / SET DEFAULT with a column list", (n) => nonEmpty(n.fk_del_set_cols)],
    [18, "a virtual generated column (GENERATED ALWAYS AS ... without STORED, or VIRTUAL)", (n) => n.contype === "CONSTR_GENERATED" && n.generated_kind === "v"],
    [18, "NOT ENFORCED", (n) => ENFORCEABLE.has(String(n.contype)) && n.is_enforced !== true],
    [18, "WITHOUT OVERLAPS", (n) => n.without_overlaps === true],
    [18, "PERIOD in a foreign key", (n) => n.fk_with_period === true || n.pk_with_period === true],
    [18, "a NOT NULL constraint NOT VALID", (n) => n.contype === "CONSTR_NOTNULL" && n.skip_validation === true],
  ],
  AlterTableCmd: [
    [13, "ALTER COLUMN ... DROP EXPRESSION", (n) => n.subtype === "AT_DropExpression"],
    [14, "ALTER COLUMN ... SET COMPRESSION", (n) => n.subtype === "AT_SetCompression"],
    [15, "ALTER TABLE ... SET ACCESS METHOD", (n) => n.subtype === "AT_SetAccessMethod" && typeof n.name === "string" && n.name !== ""],
    [17, "ALTER TABLE ... SET ACCESS METHOD DEFAULT", (n) => n.subtype === "AT_SetAccessMethod" && (typeof n.name !== "string" || n.name === "")],
    [17, "ALTER COLUMN ... SET EXPRESSION", (n) => n.subtype === "AT_SetExpression"],
  ],
  MergeStmt: [
    [15, "MERGE"],
    [17, "MERGE ... RETURNING", (n) => nonEmpty(n.returningList) || nonEmpty(rec(n.returningClause)?.exprs)],
  ],
  MergeWhenClause: [[17, "MERGE ... WHEN NOT MATCHED BY SOURCE", (n) => n.matchKind === "MERGE_WHEN_NOT_MATCHED_BY_SOURCE"]],
  JsonObjectConstructor: [[16, "JSON_OBJECT(...)"]],
  JsonArrayConstructor: [[16, "JSON_ARRAY(...)"]],
  JsonArrayQueryConstructor: [[16, "JSON_ARRAY(SELECT ...)"]],
  JsonObjectAgg: [[16, "JSON_OBJECTAGG(...)"]],
  JsonArrayAgg: [[16, "JSON_ARRAYAGG(...)"]],
  JsonIsPredicate: [[16, "IS JSON"]],
  JsonTable: [[17, "JSON_TABLE(...)"]],
  JsonFuncExpr: [[17, "JSON_EXISTS / JSON_QUERY / JSON_VALUE"]],
  JsonParseExpr: [[17, "JSON(...)"]],
  JsonScalarExpr: [[17, "JSON_SCALAR(...)"]],
  JsonSerializeExpr: [[17, "JSON_SERIALIZE(...)"]],
  ReturningOption: [[18, "RETURNING OLD / NEW"]],
};

/** Constraint types that PostgreSQL 18 lets be NOT ENFORCED (its grammar marks the others enforced). */
const ENFORCEABLE = new Set(["CONSTR_CHECK", "CONSTR_FOREIGN"]);

/**
 * Built-in functions by the release that added them; a function of that name the replayed migrations
 * define is the project's own. Only names no common extension defines.
 */
const FUNCTIONS: Record<string, number> = {
  regexp_count: 15,
  regexp_instr: 15,
  regexp_like: 15,
  regexp_substr: 15,
  any_value: 16,
  system_user: 16,
  pg_input_is_valid: 16,
  random_normal: 16,
  uuidv7: 18,
  casefold: 18,
};

/**
 * The constructs of one statement that need a PostgreSQL newer than `oldest` (nothing when the parser's
 * grammar is not newer than the target). `known` says whether the replayed schema defines a function.
 */
export function newerSyntax(node: N, type: string, text: string, textStart: number, known: (name: string) => boolean): NewerSyntax[] {
  const found: NewerSyntax[] = [];
  const seen = new Set<string>();
  const add = (construct: string, version: number, at: unknown) => {
    if (seen.has(construct)) return;
    seen.add(construct);
    found.push({ construct, version, ...(typeof at === "number" && at >= 0 ? { at } : {}) });
  };
  const visit = (value: unknown, nodeType: string | undefined, location: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item, undefined, location);
      return;
    }
    const fields = rec(value);
    if (!fields) return;
    if (nodeType === undefined) {
      // A wrapped node: { TypeName: { ...fields } }.
      const keys = Object.keys(fields);
      const [only] = keys;
      if (keys.length === 1 && only !== undefined && /^[A-Z]/.test(only)) return visit(fields[only], only, location);
    }
    const at = typeof fields.location === "number" ? fields.location : location;
    if (nodeType) {
      for (const [version, construct, test] of NODE_RULES[nodeType] ?? []) if (!test || test(fields)) add(construct, version, at);
      if (nodeType === "FuncCall") {
        const names = Array.isArray(fields.funcname) ? fields.funcname : [];
        const last = rec(rec(names[names.length - 1])?.String)?.sval;
        const version = typeof last === "string" ? FUNCTIONS[last] : undefined;
        if (version !== undefined && typeof last === "string" && !known(last)) add(`${last === "system_user" ? "SYSTEM_USER" : `${last}()`}`, version, at);
      }
    }
    for (const [key, child] of Object.entries(fields)) if (typeof child === "object" && child !== null) visit(child, /^[A-Z]/.test(key) ? key : undefined, at);
  };
  visit(node, type, undefined);
  for (const literal of numericLiterals(text)) {
    const underscores = literal.text.includes("_");
    add(underscores ? "an underscore in a numeric literal" : "a hexadecimal, octal or binary integer literal", 16, textStart + literal.startByte);
  }
  return found;
}

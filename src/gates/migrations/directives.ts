// Comment directives in migration files, read from PostgreSQL's scanner (comments are not in the parse tree):
//   -- resilience-gates-ignore MIG-007, MIG-022: reason        the next statement
//   -- resilience-gates-ignore-file MIG-023: reason            the whole file
//   -- resilience-gates-rollback: how to undo this migration   an expand/contract or rollback note
// The collector only reads them; policies/migrations decides what they suppress and whether they are valid.
import { sqlComments, type ParsedSql } from "../../sources/sql.js";

export interface IgnoreDirective {
  index: number;
  scope: "statement" | "file";
  /** The statement it applies to (scope statement), or null. */
  statement: number | null;
  rules: string[];
  reason: string;
  /** Byte offset of the comment, for its location. */
  at: number;
  /** What is wrong with the directive itself, or null. */
  problem: string | null;
}

export interface RollbackNote {
  text: string;
  at: number;
}

export interface Directives {
  ignores: IgnoreDirective[];
  rollbackNotes: RollbackNote[];
}

const PREFIX = "resilience-gates-";
const RULE_ID = /^[A-Z][A-Z0-9]*-[A-Z0-9-]+$/;

function commentBody(text: string): string {
  if (text.startsWith("--")) return text.slice(2).trim();
  return text.replace(/^\/\*+/, "").replace(/\*+\/$/, "").trim();
}

export function readDirectives(parsed: ParsedSql): Directives {
  const result: Directives = { ignores: [], rollbackNotes: [] };
  if (!parsed.source.text.includes(PREFIX)) return result;
  const statements = parsed.statements;
  for (const comment of sqlComments(parsed.source)) {
    const body = commentBody(comment.text);
    if (!body.startsWith(PREFIX)) continue;
    const word = /^resilience-gates-([a-z-]+)/.exec(body)?.[1] ?? "";
    const rest = body.slice(PREFIX.length + word.length);
    if (word === "rollback") {
      const text = rest.replace(/^\s*:/, "").trim();
      result.rollbackNotes.push({ text, at: comment.startByte });
      continue;
    }
    const scope = word === "ignore" ? "statement" : word === "ignore-file" ? "file" : undefined;
    const problems: string[] = [];
    if (!scope) problems.push(`unknown directive resilience-gates-${word}; use resilience-gates-ignore, resilience-gates-ignore-file or resilience-gates-rollback`);
    const colon = rest.indexOf(":");
    const rulesPart = colon === -1 ? rest : rest.slice(0, colon);
    const reason = colon === -1 ? "" : rest.slice(colon + 1).trim();
    const rules = rulesPart.split(/[\s,]+/).filter(Boolean);
    if (scope) {
      if (rules.length === 0) problems.push("it names no rule");
      const malformed = rules.filter((rule) => !RULE_ID.test(rule));
      if (malformed.length > 0) problems.push(`${malformed.join(", ")} is not a rule id (like MIG-007)`);
      if (reason === "") problems.push('it gives no reason (write "RULE: why this is safe")');
    }
    let statement: number | null = null;
    if (scope === "statement") {
      const target =
        statements.find((s) => s.startByte < comment.startByte && comment.startByte < s.endByte) ??
        statements.find((s) => s.startByte >= comment.endByte);
      if (target) statement = target.index;
      else problems.push("no statement follows it");
    }
    result.ignores.push({
      index: result.ignores.length,
      scope: scope ?? "statement",
      statement,
      rules: rules.filter((rule) => RULE_ID.test(rule)),
      reason,
      at: comment.startByte,
      problem: problems.length > 0 ? problems.join("; ") : null,
    });
  }
  return result;
}

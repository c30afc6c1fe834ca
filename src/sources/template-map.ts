import type { PathSegment } from "./yaml.js";

const directiveOnly = /^\s*({{.*}}\s*)+$/;
const blankOrComment = /^\s*(#.*)?$/;

/**
 * Finds where a path of a rendered object is written in a Helm template, by following its keys down the
 * template's indentation. Keys a template does not spell out (a `toYaml` of values, say) are skipped,
 * so the answer is the line that emits the value. Returns undefined when not even the first key is found.
 */
export function findInTemplate(lines: readonly string[], path: readonly PathSegment[]): { line: number; column: number } | undefined {
  let from = 0;
  let parentColumn = -1;
  let found: { line: number; column: number } | undefined;
  for (const segment of path) {
    const hit = typeof segment === "number" ? findItem(lines, from, parentColumn, segment) : findKey(lines, from, parentColumn, segment);
    if (!hit) break;
    found = { line: hit.index + 1, column: hit.column + 1 };
    from = typeof segment === "number" ? hit.index : hit.index + 1;
    parentColumn = typeof segment === "number" ? hit.column - 2 : hit.column;
  }
  return found;
}

function keyColumn(line: string): number {
  const match = /^(\s*)(- )?/.exec(line);
  return (match?.[1]?.length ?? 0) + (match?.[2] ? 2 : 0);
}

function skippable(line: string): boolean {
  return blankOrComment.test(line) || directiveOnly.test(line);
}

function findKey(lines: readonly string[], from: number, parentColumn: number, key: string): { index: number; column: number } | undefined {
  const escaped = key.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  const pattern = new RegExp(`^\\s*(?:- )?["']?${escaped}["']?\\s*:(\\s|$)`);
  for (let index = from; index < lines.length; index++) {
    const line = lines[index] ?? "";
    if (skippable(line)) continue;
    const column = keyColumn(line);
    if (column <= parentColumn) return undefined;
    if (pattern.test(line)) return { index, column };
  }
  return undefined;
}

function findItem(lines: readonly string[], from: number, parentColumn: number, position: number): { index: number; column: number } | undefined {
  let dashColumn = -1;
  let seen = -1;
  for (let index = from; index < lines.length; index++) {
    const line = lines[index] ?? "";
    if (skippable(line)) continue;
    const match = /^(\s*)- /.exec(line);
    const indent = match ? (match[1]?.length ?? 0) : keyColumn(line);
    if (indent < parentColumn || (!match && indent <= parentColumn)) return undefined;
    if (!match) continue;
    if (dashColumn === -1) dashColumn = indent;
    if (indent !== dashColumn) continue;
    seen++;
    if (seen === position) return { index, column: dashColumn + 2 };
  }
  return undefined;
}

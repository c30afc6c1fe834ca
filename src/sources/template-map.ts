import type { PathSegment } from "./yaml.js";

export interface TemplateMatch {
  line: number;
  column: number;
  /** How many segments of the path were found spelled out in the template. */
  matched: number;
}

const directiveOnly = /^\s*({{.*}}\s*)+$/;
const blankOrComment = /^\s*(#.*)?$/;

/**
 * Finds where a path of an object of `kind` is written in a template that may hold several documents
 * (`---`): the documents that declare that kind are searched, and the deepest match wins.
 */
export function findInTemplateOfKind(lines: readonly string[], kind: unknown, path: readonly PathSegment[]): TemplateMatch | undefined {
  const segments = documentsOf(lines);
  const kindLine = typeof kind === "string" ? new RegExp(`^kind:\\s*["']?${kind}["']?\\s*$`) : undefined;
  const ofKind = segments.filter((segment) => kindLine && lines.slice(segment.start, segment.end).some((line) => kindLine.test(line)));
  let best: TemplateMatch | undefined;
  for (const segment of ofKind.length > 0 ? ofKind : segments) {
    const found = findInTemplate(lines.slice(segment.start, segment.end), path);
    if (found && (!best || found.matched > best.matched)) best = { ...found, line: found.line + segment.start };
  }
  return best;
}

/** The documents of a template (line ranges between `---`), found once per template: every finding asks. */
const documents = new WeakMap<readonly string[], { start: number; end: number }[]>();

function documentsOf(lines: readonly string[]): { start: number; end: number }[] {
  let segments = documents.get(lines);
  if (!segments) {
    segments = [];
    let start = 0;
    lines.forEach((line, index) => {
      if (/^---\s*$/.test(line)) {
        segments?.push({ start, end: index });
        start = index + 1;
      }
    });
    segments.push({ start, end: lines.length });
    documents.set(lines, segments);
  }
  return segments;
}

/**
 * Finds where a path of a rendered object is written in a Helm template, by following its keys down the
 * template's indentation. Keys a template does not spell out (a `toYaml` of values, say) are skipped,
 * so the answer is the line that emits the value. Returns undefined when not even the first key is found.
 */
export function findInTemplate(lines: readonly string[], path: readonly PathSegment[]): TemplateMatch | undefined {
  let from = 0;
  let parentColumn = -1;
  let found: TemplateMatch | undefined;
  for (const segment of path) {
    const hit = typeof segment === "number" ? findItem(lines, from, parentColumn, segment) : findKey(lines, from, parentColumn, segment);
    if (!hit) break;
    found = { line: hit.index + 1, column: hit.column + 1, matched: (found?.matched ?? 0) + 1 };
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

/**
 * The `.Values.x.y` a template emits at or right below a line (`{{- toYaml .Values.x.y | nindent 8 }}`),
 * so a value that the template does not spell out can be found in the values file that set it.
 */
export function valuesReferenceNear(lines: readonly string[], line: number): string[] | undefined {
  for (const index of [line - 1, line]) {
    const match = /\.Values\.([A-Za-z0-9_.]+)/.exec(lines[index] ?? "");
    if (match?.[1]) return match[1].split(".");
  }
  return undefined;
}

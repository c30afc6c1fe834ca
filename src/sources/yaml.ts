import { parseEvents, YAMLException, type Event } from "js-yaml";
import { ConfigurationError } from "../engine/errors.js";
import { readTextFile, type Workspace } from "./files.js";
import { LineIndex } from "./lines.js";
import { constructDocuments, EventStream, YamlDecodeError, type Located, type PathSegment } from "./yaml-events.js";

export type { PathSegment };

export interface Position {
  line: number;
  column: number;
  /** The alias or merge key (`<<`) that brought the node in from an anchor written elsewhere. */
  via?: { line: number; column: number; merge: boolean };
}

/** One YAML document with its value and a way back from a path in the value to the source text. */
export interface YamlDocument {
  file: string;
  /** 0-based index of the document within its file. */
  index: number;
  value: unknown;
  /** Position of the deepest node along `path` that exists in the source (see policies/README.md). */
  locate(path: readonly PathSegment[]): Position;
}

export function readYamlFile(workspace: Workspace, file: string, displayPath: string): YamlDocument[] {
  return parseYamlDocuments(readTextFile(workspace, file, displayPath), displayPath);
}

/**
 * Parses every document of a YAML stream as Kubernetes does (YAML 1.1 scalars and merge keys, see
 * yaml-events.ts; duplicate keys are an error). Values are built straight from js-yaml's event stream;
 * positions are found lazily in that same flat stream when a finding asks for one, so a large manifest
 * set keeps no syntax tree in memory.
 */
export function parseYamlDocuments(text: string, displayPath: string): YamlDocument[] {
  let events: Event[];
  let values: unknown[];
  const lines = new LineIndex(text);
  try {
    events = parseEvents(text, { filename: displayPath });
  } catch (error) {
    throw yamlError(error, displayPath, "invalid YAML");
  }
  try {
    values = constructDocuments(text, events);
  } catch (error) {
    if (error instanceof YamlDecodeError) {
      const { line, column } = lines.position(error.offset);
      throw new ConfigurationError(`invalid YAML: ${error.message}`, { file: displayPath, line, column });
    }
    throw yamlError(error, displayPath, "cannot expand YAML");
  }
  const stream = new EventStream(text, events);
  const position = (located: Located): Position => {
    const at = lines.position(located.offset);
    return located.via ? { ...at, via: { ...lines.position(located.via.offset), merge: located.via.merge } } : at;
  };
  return values.map((value, index) => {
    const root = (stream.documentStarts[index] ?? 0) + 1;
    if (stream.hasAlias(root)) checkExpansion(value, () => lines.position(stream.nodeStart(root)), displayPath);
    return {
      file: displayPath,
      index,
      value,
      locate: (path) => position(stream.locate(root, path)),
    };
  });
}

/** The value of a YAML (or JSON) text that is not a file of its own, such as an annotation; null when empty. */
export function parseYamlValue(text: string, shown: string): unknown {
  return parseYamlDocuments(text, shown)[0]?.value ?? null;
}

function yamlError(error: unknown, displayPath: string, what: string): ConfigurationError {
  if (error instanceof YAMLException && error.mark) {
    const reason = /duplicated mapping key/.test(error.reason) ? "duplicate key: keys in a mapping must be unique" : error.reason;
    return new ConfigurationError(`${what}: ${firstLine(reason)}`, { file: displayPath, line: error.mark.line + 1, column: error.mark.column + 1 });
  }
  // A self-referencing alias (`&a [*a]`) makes the constructor fail without a position.
  const reason = error instanceof YAMLException ? error.reason : "an alias refers to a node that contains it";
  return new ConfigurationError(`${what}: ${firstLine(reason)}`, { file: displayPath, line: 1 });
}

function firstLine(message: string): string {
  return message.split("\n")[0] ?? message;
}

/** Aliases share nodes, so a few of them can stand for an exponential tree: refuse what expands too far. */
export const MAX_EXPANDED_NODES = 1_000_000;

function checkExpansion(value: unknown, where: () => Position, displayPath: string): void {
  const sizes = new Map<object, number>();
  const size = (node: unknown): number => {
    if (node === null || typeof node !== "object") return 1;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    let total = 1;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      total += size(child);
      if (total > MAX_EXPANDED_NODES) break;
    }
    sizes.set(node, total);
    return total;
  };
  if (size(value) > MAX_EXPANDED_NODES) {
    throw new ConfigurationError(
      `cannot expand YAML: its aliases expand to more than ${MAX_EXPANDED_NODES.toLocaleString("en")} nodes (an alias bomb?); write the values out or use fewer aliases`,
      { file: displayPath, line: where().line },
    );
  }
}

import { closeSync, fstatSync, openSync, readFileSync } from "node:fs";
import { parseEvents, YAMLException, type Event } from "js-yaml";
import { ConfigurationError } from "../engine/errors.js";
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

export const MAX_YAML_FILE_BYTES = 16 * 1024 * 1024;

/** Reads a file as UTF-8 text, refusing oversize, binary and non-UTF-8 content with a clear error. */
export function readTextFile(file: string, displayPath: string, maxBytes = MAX_YAML_FILE_BYTES): string {
  let bytes: Buffer;
  let descriptor: number | undefined;
  try {
    descriptor = openSync(file, "r");
    const size = fstatSync(descriptor).size;
    if (size > maxBytes) {
      throw new ConfigurationError(
        `${displayPath} is ${(size / 1024 / 1024).toFixed(1)} MiB; files larger than ${maxBytes / 1024 / 1024} MiB are refused`,
        { file: displayPath, line: 1 },
      );
    }
    bytes = readFileSync(descriptor);
  } catch (error) {
    if (error instanceof ConfigurationError) throw error;
    throw new ConfigurationError(`cannot read ${displayPath}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new ConfigurationError(`binary content (a NUL byte) where text was expected`, {
      file: displayPath,
      line: lineOfByte(bytes, nul),
    });
  }
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    throw new ConfigurationError(`not valid UTF-8 text`, { file: displayPath, line: lineOfByte(bytes, firstInvalidUtf8(bytes)) });
  }
}

const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true });

function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let low = 0;
  let high = bytes.length;
  // The longest valid prefix, by bisection; close enough to name the line.
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    try {
      decoder.decode(bytes.subarray(0, mid), { stream: true });
      low = mid;
    } catch {
      high = mid - 1;
    }
  }
  return low;
}

export function readYamlFile(file: string, displayPath: string): YamlDocument[] {
  return parseYamlDocuments(readTextFile(file, displayPath), displayPath);
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

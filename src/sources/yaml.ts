import { readFileSync, statSync } from "node:fs";
import {
  constructFromEvents,
  CORE_SCHEMA,
  EVENT_ID,
  getScalarValue,
  parseEvents,
  SCALAR_STYLE,
  YAMLException,
  type AliasEvent,
  type Event,
} from "js-yaml";
import { ConfigurationError } from "../engine/errors.js";
import { LineIndex } from "./lines.js";

export type PathSegment = string | number;

export interface Position {
  line: number;
  column: number;
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
  let size: number;
  try {
    size = statSync(file).size;
  } catch (error) {
    throw new ConfigurationError(`cannot read ${displayPath}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  if (size > maxBytes) {
    throw new ConfigurationError(
      `${displayPath} is ${(size / 1024 / 1024).toFixed(1)} MiB; files larger than ${maxBytes / 1024 / 1024} MiB are refused`,
      { file: displayPath, line: 1 },
    );
  }
  const bytes = readFileSync(file);
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new ConfigurationError(`binary content (a NUL byte) where text was expected`, {
      file: displayPath,
      line: lineOfByte(bytes, nul),
    });
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ConfigurationError(`not valid UTF-8 text`, { file: displayPath, line: lineOfByte(bytes, firstInvalidUtf8(bytes)) });
  }
}

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
 * Parses every document of a YAML stream (YAML 1.2 core schema; duplicate keys are an error). Values are
 * built straight from js-yaml's event stream; positions are found lazily in that same flat stream when a
 * finding asks for one, so a large manifest set keeps no syntax tree in memory.
 */
export function parseYamlDocuments(text: string, displayPath: string): YamlDocument[] {
  let events: Event[];
  let values: unknown[];
  try {
    events = parseEvents(text, { filename: displayPath });
  } catch (error) {
    throw yamlError(error, displayPath, "invalid YAML");
  }
  const documentStarts: number[] = [];
  events.forEach((event, index) => {
    if (event.type === EVENT_ID.DOCUMENT) documentStarts.push(index);
  });
  const lines = new LineIndex(text);
  try {
    values = constructFromEvents(events, { source: text, filename: displayPath, schema: CORE_SCHEMA });
  } catch (error) {
    throw yamlError(error, displayPath, error instanceof YAMLException ? "invalid YAML" : "cannot expand YAML");
  }
  const stream: EventStream = { text, events };
  return values.map((value, index) => {
    const root = (documentStarts[index] ?? 0) + 1;
    if (hasAlias(events, root)) checkExpansion(value, () => lines.position(nodeStart(stream, root)), displayPath);
    return {
      file: displayPath,
      index,
      value,
      locate: (path) => lines.position(locateOffset(stream, root, path)),
    };
  });
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

function hasAlias(events: readonly Event[], root: number): boolean {
  for (let i = root, depth = 0; i < events.length; i++) {
    const event = events[i] as Event;
    if (event.type === EVENT_ID.ALIAS) return true;
    if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) depth++;
    else if (event.type === EVENT_ID.POP && --depth < 0) return false;
  }
  return false;
}

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

interface EventStream {
  text: string;
  events: readonly Event[];
}

/** Index of the event after the node that starts at `index`. */
function skipNode(events: readonly Event[], index: number): number {
  const event = events[index];
  if (event?.type !== EVENT_ID.MAPPING && event?.type !== EVENT_ID.SEQUENCE) return index + 1;
  let depth = 0;
  for (let i = index; i < events.length; i++) {
    const type = (events[i] as Event).type;
    if (type === EVENT_ID.MAPPING || type === EVENT_ID.SEQUENCE) depth++;
    else if (type === EVENT_ID.POP && --depth === 0) return i + 1;
  }
  return events.length;
}

function nodeStart(stream: EventStream, index: number): number {
  const event = stream.events[index];
  if (!event) return 0;
  switch (event.type) {
    case EVENT_ID.MAPPING:
    case EVENT_ID.SEQUENCE:
      return event.start;
    case EVENT_ID.SCALAR: {
      // Anchors, tags and quotes are written before the value; -1 marks what is absent.
      const quoted = event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED;
      const starts = [event.anchorStart - 1, event.tagStart - 1, quoted ? event.valueStart - 1 : event.valueStart].filter((offset) => offset >= 0);
      return starts.length > 0 ? Math.min(...starts) : 0;
    }
    case EVENT_ID.ALIAS:
      return event.anchorStart - 1;
    default:
      return 0;
  }
}

/** The node an alias names: the last anchor of that name defined before it. */
function resolveAlias(stream: EventStream, index: number): number {
  const alias = stream.events[index] as AliasEvent;
  const name = stream.text.slice(alias.anchorStart, alias.anchorEnd);
  for (let i = index - 1; i >= 0; i--) {
    const event = stream.events[i] as Event;
    if ("anchorStart" in event && event.type !== EVENT_ID.ALIAS && event.anchorStart >= 0 && stream.text.slice(event.anchorStart, event.anchorEnd) === name) return i;
  }
  return index;
}

/** Offset of the deepest node along `path` that exists in the source (see policies/README.md). */
function locateOffset(stream: EventStream, root: number, path: readonly PathSegment[]): number {
  const { events, text } = stream;
  let node = root;
  let offset = nodeStart(stream, node);
  for (const segment of path) {
    if (events[node]?.type === EVENT_ID.ALIAS) node = resolveAlias(stream, node);
    const event = events[node];
    let found: { key: number; value: number } | undefined;
    if (event?.type === EVENT_ID.MAPPING) {
      for (let key = node + 1; events[key] && (events[key] as Event).type !== EVENT_ID.POP; ) {
        const value = skipNode(events, key);
        const keyEvent = events[key] as Event;
        if (keyEvent.type === EVENT_ID.SCALAR && getScalarValue(text, keyEvent) === String(segment)) {
          found = { key, value };
          break;
        }
        key = skipNode(events, value);
      }
    } else if (event?.type === EVENT_ID.SEQUENCE && typeof segment === "number") {
      let item = node + 1;
      for (let i = 0; i < segment && events[item] && (events[item] as Event).type !== EVENT_ID.POP; i++) item = skipNode(events, item);
      if (events[item] && (events[item] as Event).type !== EVENT_ID.POP) found = { key: item, value: item };
    }
    if (!found) break;
    offset = nodeStart(stream, found.key);
    node = found.value;
  }
  return offset;
}

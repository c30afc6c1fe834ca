import {
  constructFromEvents,
  CORE_SCHEMA,
  EVENT_ID,
  getScalarValue,
  parseEvents,
  SCALAR_STYLE,
  YAMLException,
  type Event,
  type ScalarEvent,
} from "js-yaml";
import { ConfigurationError } from "../engine/errors.js";
import { readTextFile, type Workspace } from "./files.js";
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

export function readYamlFile(workspace: Workspace, file: string, displayPath: string): YamlDocument[] {
  return parseYamlDocuments(readTextFile(workspace, file, displayPath), displayPath);
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
  try {
    values = constructFromEvents(events, { source: text, filename: displayPath, schema: CORE_SCHEMA });
  } catch (error) {
    throw yamlError(error, displayPath, error instanceof YAMLException ? "invalid YAML" : "cannot expand YAML");
  }
  const stream = new EventStream(text, events);
  const lines = new LineIndex(text);
  return values.map((value, index) => {
    const root = (stream.documentStarts[index] ?? 0) + 1;
    if (stream.hasAlias(root)) checkExpansion(value, () => lines.position(stream.nodeStart(root)), displayPath);
    return {
      file: displayPath,
      index,
      value,
      locate: (path) => lines.position(stream.locate(root, path)),
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

const MAPPING = EVENT_ID.MAPPING;
const SEQUENCE = EVENT_ID.SEQUENCE;
const SCALAR = EVENT_ID.SCALAR;
const ALIAS = EVENT_ID.ALIAS;
const POP = EVENT_ID.POP;

/**
 * js-yaml's events, packed four integers each, which is what finding positions needs: a manifest set of
 * a million events then costs 16 MB instead of the 100 MB of event objects. Per event: the type with the
 * scalar's style, chomping, fast flag and indent packed into the first integer; the node's first offset
 * (its anchor, tag or opening quote); and the scalar value's range. Anchors are kept aside: few nodes have one.
 */
class EventStream {
  readonly documentStarts: number[] = [];
  private readonly packed: Int32Array;
  private readonly anchors = new Map<number, string>();
  readonly length: number;

  constructor(
    private readonly text: string,
    events: readonly Event[],
  ) {
    this.length = events.length;
    this.packed = new Int32Array(events.length * 4);
    events.forEach((event, index) => {
      const at = index * 4;
      switch (event.type) {
        case EVENT_ID.DOCUMENT:
          this.documentStarts.push(index);
          this.packed[at] = event.type;
          break;
        case MAPPING:
        case SEQUENCE:
          this.packed[at] = event.type;
          this.packed[at + 1] = event.start;
          break;
        case SCALAR: {
          // Anchors, tags and quotes are written before the value; -1 marks what is absent.
          const quoted = event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED;
          const starts = [event.anchorStart - 1, event.tagStart - 1, quoted ? event.valueStart - 1 : event.valueStart].filter((offset) => offset >= 0);
          this.packed[at] = event.type | (event.style << 3) | (event.chomping << 6) | ((event.fast ? 1 : 0) << 8) | ((event.indent + 1) << 9);
          this.packed[at + 1] = starts.length > 0 ? Math.min(...starts) : 0;
          this.packed[at + 2] = event.valueStart;
          this.packed[at + 3] = event.valueEnd;
          break;
        }
        case ALIAS:
          this.packed[at] = event.type;
          this.packed[at + 1] = event.anchorStart - 1;
          this.anchors.set(index, `*${text.slice(event.anchorStart, event.anchorEnd)}`);
          break;
        default:
          this.packed[at] = event.type;
      }
      if (event.type !== ALIAS && "anchorStart" in event && event.anchorStart >= 0) {
        this.anchors.set(index, `&${text.slice(event.anchorStart, event.anchorEnd)}`);
      }
    });
  }

  type(index: number): number {
    return index < this.length ? (this.packed[index * 4] as number) & 7 : POP;
  }

  nodeStart(index: number): number {
    return index < this.length ? (this.packed[index * 4 + 1] as number) : 0;
  }

  private scalarValue(index: number): string {
    const head = this.packed[index * 4] as number;
    const event: ScalarEvent = {
      type: SCALAR,
      valueStart: this.packed[index * 4 + 2] as number,
      valueEnd: this.packed[index * 4 + 3] as number,
      anchorStart: -1,
      anchorEnd: -1,
      tagStart: -1,
      tagEnd: -1,
      style: ((head >> 3) & 7) as ScalarEvent["style"],
      chomping: ((head >> 6) & 3) as ScalarEvent["chomping"],
      fast: ((head >> 8) & 1) === 1,
      indent: (head >> 9) - 1,
    };
    return getScalarValue(this.text, event);
  }

  /** Whether the document whose root node is at `root` uses an alias. */
  hasAlias(root: number): boolean {
    for (let i = root, depth = 0; i < this.length; i++) {
      const type = this.type(i);
      if (type === ALIAS) return true;
      if (type === MAPPING || type === SEQUENCE) depth++;
      else if (type === POP && --depth < 0) return false;
    }
    return false;
  }

  /** Index of the event after the node that starts at `index`. */
  private skipNode(index: number): number {
    const first = this.type(index);
    if (first !== MAPPING && first !== SEQUENCE) return index + 1;
    let depth = 0;
    for (let i = index; i < this.length; i++) {
      const type = this.type(i);
      if (type === MAPPING || type === SEQUENCE) depth++;
      else if (type === POP && --depth === 0) return i + 1;
    }
    return this.length;
  }

  /** The node an alias names: the last anchor of that name defined before it. */
  private resolveAlias(index: number): number {
    const name = this.anchors.get(index)?.slice(1);
    for (let i = index - 1; i >= 0; i--) {
      if (this.type(i) !== ALIAS && this.anchors.get(i) === `&${name}`) return i;
    }
    return index;
  }

  /** Offset of the deepest node along `path` that exists in the source (see policies/README.md). */
  locate(root: number, path: readonly PathSegment[]): number {
    let node = root;
    let offset = this.nodeStart(node);
    for (const segment of path) {
      if (this.type(node) === ALIAS) node = this.resolveAlias(node);
      const type = this.type(node);
      let found: { key: number; value: number } | undefined;
      if (type === MAPPING) {
        for (let key = node + 1; this.type(key) !== POP; ) {
          const value = this.skipNode(key);
          if (this.type(key) === SCALAR && this.scalarValue(key) === String(segment)) {
            found = { key, value };
            break;
          }
          key = this.skipNode(value);
        }
      } else if (type === SEQUENCE && typeof segment === "number") {
        let item = node + 1;
        for (let i = 0; i < segment && this.type(item) !== POP; i++) item = this.skipNode(item);
        if (this.type(item) !== POP) found = { key: item, value: item };
      }
      if (!found) break;
      offset = this.nodeStart(found.key);
      node = found.value;
    }
    return offset;
  }
}

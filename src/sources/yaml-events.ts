// Values and positions from js-yaml's event stream, decoded the way Kubernetes decodes YAML
// (sigs.k8s.io/yaml v1.6.0 YAMLToJSON over go.yaml.in/yaml/v2 v2.4.4): scalars by yaml-scalars.ts,
// merge keys `<<` in go-yaml v2's order (each pair of a mapping written in turn, a merge writing the
// merged mapping's pairs over what is there, a sequence of merges from its last item to its first, so
// earlier ones win; a key after a merge overrides it, a merge after a key overrides the key), aliases
// as the value of the anchor before them. Duplicate keys written in one mapping are an error, as in the
// API server's strict decoding; a key only set again by a merge is not.
import { EVENT_ID, getScalarValue, SCALAR_STYLE, type Event, type ScalarEvent } from "js-yaml";
import { isMergeKey, jsonKey, longTag, resolveScalar, type Decoded } from "./yaml-scalars.js";

export type PathSegment = string | number;

/** A decoding error at an offset of the source text. */
export class YamlDecodeError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const MAPPING = EVENT_ID.MAPPING;
const SEQUENCE = EVENT_ID.SEQUENCE;
const SCALAR = EVENT_ID.SCALAR;
const ALIAS = EVENT_ID.ALIAS;
const POP = EVENT_ID.POP;
const DOCUMENT = EVENT_ID.DOCUMENT;

/** Most keys a document's merges may copy in all: merges of merges otherwise grow without bound. */
export const MAX_MERGED_KEYS = 1_000_000;

function tagOf(text: string, event: { tagStart: number; tagEnd: number }): string {
  return event.tagStart >= 0 ? longTag(text.slice(event.tagStart, event.tagEnd)) : "";
}

function startOf(event: Event): number {
  switch (event.type) {
    case SCALAR: {
      const quoted = event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED;
      const starts = [event.anchorStart - 1, event.tagStart, quoted ? event.valueStart - 1 : event.valueStart].filter((offset) => offset >= 0);
      return starts.length > 0 ? Math.min(...starts) : 0;
    }
    case MAPPING:
    case SEQUENCE:
      return event.start;
    case ALIAS:
      return event.anchorStart - 1;
    default:
      return 0;
  }
}

interface Anchored {
  value: unknown;
  /** For a scalar: what it decoded to, which a key needs. */
  scalar?: Decoded;
  mapping: boolean;
}

/** Builds each document's value from the events, as sigs.k8s.io/yaml's YAMLToJSON would see it. */
export function constructDocuments(text: string, events: readonly Event[]): unknown[] {
  const documents: unknown[] = [];
  // go-yaml binds an alias to the anchor that starts last before it: a nested anchor of the same name
  // started inside the outer one wins, and an alias inside its own anchor's node is an error.
  let anchors = new Map<string, Anchored & { started: number }>();
  let started = new Map<string, number>();
  let starts = 0;
  let merged = 0;
  let at = 0;
  // The YAML type of each key of the mappings built (go-yaml's keys are typed; JSON's are strings).
  const keyTypes = new WeakMap<object, Map<string, string>>();

  const fail = (message: string, event: Event): never => {
    throw new YamlDecodeError(message, startOf(event));
  };

  const anchorName = (event: Event): string | undefined =>
    "anchorStart" in event && event.type !== ALIAS && event.anchorStart >= 0 ? text.slice(event.anchorStart, event.anchorEnd) : undefined;

  const scalar = (event: ScalarEvent): Decoded => {
    const resolved = resolveScalar(getScalarValue(text, event), event.style === SCALAR_STYLE.PLAIN, tagOf(text, event));
    if ("error" in resolved) return fail(resolved.error, event);
    return resolved;
  };

  /** The next node: its value, and for a scalar what it decoded to. */
  const node = (): Anchored => {
    const event = events[at] as Event;
    const name = anchorName(event);
    const start = ++starts;
    if (name !== undefined) started.set(name, start);
    let result: Anchored;
    switch (event.type) {
      case SCALAR: {
        at++;
        const decoded = scalar(event);
        result = { value: decoded.value, scalar: decoded, mapping: false };
        break;
      }
      case ALIAS: {
        at++;
        const target = text.slice(event.anchorStart, event.anchorEnd);
        const found = anchors.get(target);
        const latest = started.get(target);
        if (latest === undefined) fail(`unknown anchor '${target}' referenced`, event);
        if (!found || found.started !== latest) fail(`anchor '${target}' value contains itself`, event);
        result = found as Anchored;
        break;
      }
      case SEQUENCE: {
        at++;
        const items: unknown[] = [];
        while ((events[at] as Event).type !== POP) items.push(value());
        at++;
        result = { value: items, mapping: false };
        break;
      }
      case MAPPING:
        result = { value: mapping(), mapping: true };
        break;
      default:
        return fail("unexpected YAML event", event);
    }
    if (name !== undefined && started.get(name) === start) anchors.set(name, { ...result, started: start });
    return result;
  };

  const value = (): unknown => {
    const event = events[at] as Event;
    const result = node();
    if (result.scalar?.nonFinite !== undefined) {
      fail(`${result.scalar.nonFinite} is not a number JSON can carry: Kubernetes (sigs.k8s.io/yaml) refuses the document; quote it if a string is meant`, event);
    }
    return result.value;
  };

  const mapping = (): Record<string, unknown> => {
    const object: Record<string, unknown> = {};
    const written = new Set<string>();
    const types = new Map<string, string>();
    keyTypes.set(object, types);
    at++;
    while ((events[at] as Event).type !== POP) {
      const keyEvent = events[at] as Event;
      if (keyEvent.type === SCALAR && isMergeKey(getScalarValue(text, keyEvent), keyEvent.style === SCALAR_STYLE.PLAIN, tagOf(text, keyEvent))) {
        at++;
        merge(object, events[at] as Event);
        continue;
      }
      const key = node();
      if (!key.scalar) fail("invalid map key: a mapping or sequence cannot be a key in Kubernetes YAML", keyEvent);
      const name = jsonKey(key.scalar as Decoded);
      if (name === undefined) fail(`unsupported map key ${JSON.stringify(key.value)}: JSON object keys must be strings`, keyEvent);
      const tag = (key.scalar as Decoded).tag;
      if (written.has(name as string) && types.get(name as string) === tag) fail(`duplicate key ${JSON.stringify(name)}: keys in a mapping must be unique`, keyEvent);
      checkKeyType(types, name as string, tag, keyEvent);
      written.add(name as string);
      assign(object, name as string, value());
    }
    at++;
    return object;
  };

  /** go-yaml keeps an int key and a string key apart; sigs.k8s.io/yaml then keeps one of them at random. */
  const checkKeyType = (types: Map<string, string>, name: string, tag: string, event: Event): void => {
    const earlier = types.get(name);
    if (earlier !== undefined && earlier !== tag) {
      fail(`keys of different types both become the JSON key ${JSON.stringify(name)} (Kubernetes would keep one of them at random); write the key once`, event);
    }
    types.set(name, tag);
  };

  const merge = (into: Record<string, unknown>, event: Event): void => {
    const intoTypes = keyTypes.get(into) as Map<string, string>;
    const mergedValue = node();
    const sources: Record<string, unknown>[] = [];
    if (mergedValue.mapping) sources.push(mergedValue.value as Record<string, unknown>);
    else if (event.type === SEQUENCE) {
      // go-yaml checks each item is a mapping (or an alias of one); items are then applied last first.
      const items = mergedValue.value as unknown[];
      for (const item of items) {
        if (typeof item !== "object" || item === null || Array.isArray(item)) fail("map merge requires map or sequence of maps as the value", event);
      }
      for (let i = items.length - 1; i >= 0; i--) sources.push(items[i] as Record<string, unknown>);
    } else fail("map merge requires map or sequence of maps as the value", event);
    for (const source of sources) {
      const sourceTypes = keyTypes.get(source);
      for (const key of Object.keys(source)) {
        checkKeyType(intoTypes, key, sourceTypes?.get(key) ?? "", event);
        if (++merged > MAX_MERGED_KEYS) fail(`merge keys copy more than ${MAX_MERGED_KEYS.toLocaleString("en")} keys (a merge bomb?)`, event);
        assign(into, key, source[key]);
      }
    }
  };

  while (at < events.length) {
    const event = events[at] as Event;
    if (event.type !== DOCUMENT) {
      at++;
      continue;
    }
    at++;
    anchors = new Map();
    started = new Map();
    documents.push((events[at] as Event | undefined)?.type === POP || at >= events.length ? null : value());
    at++;
  }
  return documents;
}

function assign(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}

/** Where a path leads in the source: the deepest node found, and the last alias or merge key that led there. */
export interface Located {
  offset: number;
  /** The alias or merge key that brought the node in, when it was written elsewhere (in an anchor). */
  via?: { offset: number; merge: boolean };
}

/**
 * js-yaml's events, packed four integers each, which is what finding positions needs: a manifest set of
 * a million events then costs 16 MB instead of the 100 MB of event objects. Per event: the type with the
 * scalar's style, chomping, fast flag and indent packed into the first integer; the node's first offset
 * (its anchor, tag or opening quote); and the scalar value's range. Anchors and tags are kept aside: few
 * nodes have one.
 */
export class EventStream {
  readonly documentStarts: number[] = [];
  private readonly packed: Int32Array;
  private readonly anchors = new Map<number, string>();
  private readonly tags = new Map<number, string>();
  readonly length: number;

  constructor(
    private readonly text: string,
    events: readonly Event[],
  ) {
    this.length = events.length;
    this.packed = new Int32Array(events.length * 4);
    events.forEach((event, index) => {
      const at = index * 4;
      this.packed[at] = event.type;
      switch (event.type) {
        case DOCUMENT:
          this.documentStarts.push(index);
          break;
        case MAPPING:
        case SEQUENCE:
          this.packed[at + 1] = event.start;
          break;
        case SCALAR:
          this.packed[at] = event.type | (event.style << 3) | (event.chomping << 6) | ((event.fast ? 1 : 0) << 8) | ((event.indent + 1) << 9);
          this.packed[at + 1] = startOf(event);
          this.packed[at + 2] = event.valueStart;
          this.packed[at + 3] = event.valueEnd;
          if (event.tagStart >= 0) this.tags.set(index, tagOf(text, event));
          break;
        case ALIAS:
          this.packed[at + 1] = event.anchorStart - 1;
          this.anchors.set(index, `*${text.slice(event.anchorStart, event.anchorEnd)}`);
          break;
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

  private scalarText(index: number): { text: string; plain: boolean; tag: string } {
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
    return { text: getScalarValue(this.text, event), plain: event.style === SCALAR_STYLE.PLAIN, tag: this.tags.get(index) ?? "" };
  }

  /** The JSON key a key node stands for (through an alias), or undefined for one that is not a scalar. */
  private keyName(index: number): string | undefined {
    const node = this.type(index) === ALIAS ? this.resolveAlias(index) : index;
    if (this.type(node) !== SCALAR) return undefined;
    const { text, plain, tag } = this.scalarText(node);
    const resolved = resolveScalar(text, plain, tag);
    return "error" in resolved ? undefined : jsonKey(resolved);
  }

  private isMerge(index: number): boolean {
    if (this.type(index) !== SCALAR) return false;
    const { text, plain, tag } = this.scalarText(index);
    return isMergeKey(text, plain, tag);
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

  /**
   * The pair that sets `name` in the mapping at `node`: the last one written in go-yaml's order, with
   * the merge key of this mapping that brought it in, if a merge did.
   */
  private winningPair(node: number, name: string): { key: number; value: number; merge?: number } | undefined {
    let found: { key: number; value: number; merge?: number } | undefined;
    const visit = (mapping: number, merge: number | undefined, depth: number) => {
      if (depth > 64) return;
      for (let key = mapping + 1; this.type(key) !== POP && key < this.length; ) {
        const value = this.skipNode(key);
        const next = this.skipNode(value);
        if (this.isMerge(key)) {
          const via = merge ?? key;
          const target = this.type(value) === ALIAS ? this.resolveAlias(value) : value;
          if (this.type(target) === MAPPING) visit(target, via, depth + 1);
          else if (this.type(target) === SEQUENCE) {
            const items: number[] = [];
            for (let item = target + 1; this.type(item) !== POP && item < this.length; item = this.skipNode(item)) items.push(item);
            for (const item of items.reverse()) {
              const mapped = this.type(item) === ALIAS ? this.resolveAlias(item) : item;
              if (this.type(mapped) === MAPPING) visit(mapped, via, depth + 1);
            }
          }
        } else if (this.keyName(key) === name) {
          found = merge === undefined ? { key, value } : { key, value, merge };
        }
        key = next;
      }
    };
    visit(node, undefined, 0);
    return found;
  }

  /** The deepest node along `path` that exists in the source (see policies/README.md). */
  locate(root: number, path: readonly PathSegment[]): Located {
    let node = root;
    let located: Located = { offset: this.nodeStart(node) };
    let via: Located["via"];
    for (const segment of path) {
      if (this.type(node) === ALIAS) {
        via = { offset: this.nodeStart(node), merge: false };
        node = this.resolveAlias(node);
      }
      const type = this.type(node);
      let found: { key: number; value: number; merge?: number } | undefined;
      if (type === MAPPING) found = this.winningPair(node, String(segment));
      else if (type === SEQUENCE && typeof segment === "number") {
        let item = node + 1;
        for (let i = 0; i < segment && this.type(item) !== POP; i++) item = this.skipNode(item);
        if (this.type(item) !== POP) found = { key: item, value: item };
      }
      if (!found) break;
      if (found.merge !== undefined) via = { offset: this.nodeStart(found.merge), merge: true };
      located = via ? { offset: this.nodeStart(found.key), via } : { offset: this.nodeStart(found.key) };
      node = found.value;
    }
    return located;
  }
}

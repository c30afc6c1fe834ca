import { readFileSync, statSync } from "node:fs";
import { LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document, type Node } from "yaml";
import { ConfigurationError } from "../engine/errors.js";

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
/** More alias expansions than this in one document is treated as a "billion laughs" attack. */
export const MAX_ALIAS_COUNT = 1000;

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

export function parseYamlDocuments(text: string, displayPath: string): YamlDocument[] {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const list = Array.isArray(documents) ? documents : [documents];
  const result: YamlDocument[] = [];
  list.forEach((document, index) => {
    const [firstError] = document.errors;
    if (firstError) {
      const position = lineCounter.linePos(firstError.pos[0]);
      throw new ConfigurationError(`invalid YAML: ${firstLine(firstError.message)}`, {
        file: displayPath,
        line: position.line,
        column: position.col,
      });
    }
    let value: unknown;
    try {
      value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      const position = lineCounter.linePos(document.contents?.range?.[0] ?? 0);
      throw new ConfigurationError(`cannot expand YAML: ${firstLine((error as Error).message)}`, {
        file: displayPath,
        line: position.line,
      });
    }
    result.push({
      file: displayPath,
      index,
      value,
      locate: (path) => {
        const offset = locateOffset(document, path);
        const position = lineCounter.linePos(offset);
        return { line: position.line, column: position.col };
      },
    });
  });
  return result;
}

function firstLine(message: string): string {
  return message.split("\n")[0] ?? message;
}

function locateOffset(document: Document, path: readonly PathSegment[]): number {
  let node: Node | null | undefined = document.contents as Node | null;
  let offset = node?.range?.[0] ?? 0;
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(document) as Node | undefined;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) break;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value as Node | null;
    } else if (isSeq(node) && typeof segment === "number") {
      const item = node.items[segment] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset;
}

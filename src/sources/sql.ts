// PostgreSQL SQL source: the real parser (libpg-query, PostgreSQL's own grammar compiled to WebAssembly),
// statement positions from its UTF-8 byte offsets, and comments found by a lexer that follows its scanner.
import { join } from "node:path";
import { ConfigurationError } from "../engine/errors.js";
import { packageRoot } from "../engine/package-root.js";
import { lineIndexOf } from "./lines.js";
import type { SourceLocation } from "../engine/types.js";

/** A parse-tree node as libpg-query returns it: `{ NodeName: { ...fields } }`. Fields are read loosely. */
export type SqlNode = Record<string, unknown>;

export interface SqlStatement {
  /** 0-based index of the statement in its file. */
  index: number;
  /** The node's type name, e.g. `AlterTableStmt`. */
  type: string;
  /** The node's fields. */
  node: SqlNode;
  /** UTF-8 byte offset of the statement's first token, and one past its last (without the `;`). */
  startByte: number;
  endByte: number;
}

export interface SqlComment {
  /** The comment text including its `--` or slash-star delimiters. */
  text: string;
  startByte: number;
  endByte: number;
}

export interface SqlPosition {
  line: number;
  column: number;
}

/** Maps UTF-8 byte offsets (what libpg-query reports) to 1-based lines and UTF-16 columns (what editors show). */
export class SqlText {
  readonly bytes: Buffer;
  private readonly ascii: boolean;
  private lineStarts?: number[];

  constructor(readonly text: string) {
    this.bytes = Buffer.from(text, "utf8");
    this.ascii = this.bytes.length === text.length;
  }

  /** True when every character is one byte, so byte offsets are string indexes. */
  get isAscii(): boolean {
    return this.ascii;
  }

  get byteLength(): number {
    return this.bytes.length;
  }

  /** The source between two byte offsets. */
  slice(startByte: number, endByte: number): string {
    return this.ascii ? this.text.slice(startByte, endByte) : this.bytes.toString("utf8", startByte, endByte);
  }

  position(byteOffset: number): SqlPosition {
    const offset = Math.max(0, Math.min(byteOffset, this.bytes.length));
    const starts = this.starts();
    const low = lineIndexOf(starts, offset);
    const lineStart = starts[low] as number;
    const column = this.ascii ? offset - lineStart : this.bytes.toString("utf8", lineStart, offset).length;
    return { line: low + 1, column: column + 1 };
  }

  /** Position of a code-point offset (PostgreSQL's error cursor counts characters, not bytes). */
  positionOfCodePoint(codePoint: number): SqlPosition {
    let index = 0;
    let seen = 0;
    while (seen < codePoint && index < this.text.length) {
      const code = this.text.charCodeAt(index);
      index += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
      seen++;
    }
    return this.position(Buffer.byteLength(this.text.slice(0, index), "utf8"));
  }

  private starts(): number[] {
    if (!this.lineStarts) {
      const starts = [0];
      let from = 0;
      for (;;) {
        const next = this.bytes.indexOf(0x0a, from);
        if (next === -1) break;
        starts.push(next + 1);
        from = next + 1;
      }
      this.lineStarts = starts;
    }
    return this.lineStarts;
  }
}

export interface ParsedSql {
  source: SqlText;
  statements: SqlStatement[];
}

/** A syntax error with the parser's message and where it points. */
export class SqlSyntaxError extends ConfigurationError {
  constructor(
    readonly sqlMessage: string,
    readonly at: SourceLocation,
  ) {
    super(`SQL syntax error: ${sqlMessage}`, at);
  }
}

/** The parts of libpg-query's Emscripten module that parsing uses. */
interface PgQueryModule {
  _malloc(size: number): number;
  _free(pointer: number): void;
  _wasm_parse_query_raw(query: number): number;
  _wasm_free_parse_result(result: number): void;
  getValue(pointer: number, type: "i32"): number;
  UTF8ToString(pointer: number): string;
  lengthBytesUTF8(text: string): number;
  stringToUTF8(text: string, pointer: number, size: number): void;
}

let loaded: Promise<void> | undefined;
let parser: PgQueryModule | undefined;

/**
 * Loads the WebAssembly parser once per thread; parseSql needs it. Imported lazily, so that gates that
 * never read SQL do not pay for compiling it. This is libpg-query's own Emscripten build, called the way
 * its parseSync calls it, but stopping at the tree's JSON text: a worker thread hands that text on
 * without parsing it twice.
 */
export function loadSqlParser(): Promise<void> {
  loaded ??= (async () => {
    const { default: createModule } = await import("libpg-query/wasm/libpg-query.js");
    const wasm = sqlParserWasm();
    parser = (await createModule({ locateFile: () => wasm })) as PgQueryModule;
  })();
  return loaded;
}

/** The parser's WebAssembly file: beside the bundle, or in node_modules when running from source. */
export function sqlParserWasm(): string {
  return import.meta.url.endsWith(".ts")
    ? join(packageRoot(), "node_modules", "libpg-query", "wasm", "libpg-query.wasm")
    : join(packageRoot(), "dist", "chunks", "libpg-query.wasm");
}

/** A syntax error as the parser reports it: its message and the 0-based character offset it points at. */
export class PgParseError extends Error {
  constructor(
    message: string,
    readonly cursorPosition: number,
  ) {
    super(message);
  }
}

/** The parse tree of `text` as libpg-query's JSON text. Throws PgParseError on a syntax error. */
export function parseSqlToJson(text: string): string {
  if (!parser) throw new Error("the SQL parser is not loaded; await loadSqlParser() first");
  const module = parser;
  const size = module.lengthBytesUTF8(text) + 1;
  const query = module._malloc(size);
  let result = 0;
  try {
    module.stringToUTF8(text, query, size);
    result = module._wasm_parse_query_raw(query);
    if (!result) throw new Error("the SQL parser could not allocate memory");
    // PgQueryParseResult { char *parse_tree; char *stderr_buffer; PgQueryError *error }
    const tree = module.getValue(result, "i32");
    const error = module.getValue(result + 8, "i32");
    if (error) {
      // PgQueryError { char *message; char *funcname; char *filename; int lineno; int cursorpos }
      const message = module.getValue(error, "i32");
      const cursor = module.getValue(error + 16, "i32");
      throw new PgParseError(message ? module.UTF8ToString(message) : "unknown syntax error", cursor > 0 ? cursor - 1 : 0);
    }
    if (!tree) throw new Error("the SQL parser returned no parse tree");
    return module.UTF8ToString(tree);
  } finally {
    module._free(query);
    if (result) module._wasm_free_parse_result(result);
  }
}

/**
 * Parses a file's SQL with PostgreSQL's grammar. Throws SqlSyntaxError with the file, line and column the
 * parser points at. An empty list means the text holds no statements (only comments or whitespace).
 */
export function parseSql(text: string, displayPath: string): ParsedSql {
  return statementsOf(text, text.trim() === "" ? "{}" : parseSqlToJsonAt(text, displayPath));
}

/** parseSqlToJson, with a syntax error as SqlSyntaxError at the file, line and column it points at. */
export function parseSqlToJsonAt(text: string, displayPath: string): string {
  try {
    return parseSqlToJson(text);
  } catch (error) {
    if (!(error instanceof PgParseError)) throw error;
    const position = new SqlText(text).positionOfCodePoint(error.cursorPosition);
    throw new SqlSyntaxError(error.message, { file: displayPath, line: position.line, column: position.column });
  }
}

function isRecord(value: unknown): value is SqlNode {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The statements of a parse tree's JSON text, with their byte extents in `text`. */
export function statementsOf(text: string, treeJson: string): ParsedSql {
  const source = new SqlText(text);
  const statements: SqlStatement[] = [];
  addStatements(source, treeJson, 0, source.byteLength, statements);
  return { source, statements };
}

/** Appends the statements of a tree parsed from the bytes [offset, end) of `source`. */
function addStatements(source: SqlText, treeJson: string, offset: number, end: number, statements: SqlStatement[]): void {
  // Node locations in a tree parsed from a part of the file count from that part's start.
  const shifted = (key: string, value: unknown) => (key === "location" && typeof value === "number" && value >= 0 ? value + offset : value);
  const tree = (offset === 0 ? JSON.parse(treeJson) : JSON.parse(treeJson, shifted)) as { stmts?: unknown[] };
  for (const raw of tree.stmts ?? []) {
    if (!isRecord(raw) || !isRecord(raw.stmt)) continue;
    const [type] = Object.keys(raw.stmt);
    const node = type ? raw.stmt[type] : undefined;
    if (!type || !isRecord(node)) continue;
    const location = offset + (typeof raw.stmt_location === "number" ? raw.stmt_location : 0);
    const length = typeof raw.stmt_len === "number" && raw.stmt_len > 0 ? raw.stmt_len : end - location;
    const [startByte, endByte] = trimStatement(source, location, location + length);
    statements.push({ index: statements.length, type, node, startByte, endByte });
  }
}

/** A statement PostgreSQL's grammar refuses, in a file parsed statement by statement. */
export interface StatementSyntaxError {
  message: string;
  line: number;
  column: number;
  /** UTF-8 byte extent of the refused statement. */
  startByte: number;
  endByte: number;
  /** The statement's identifiers (unquoted ones folded to lower case): what it may have changed. */
  identifiers: string[];
  /** A likely cause the parser's message does not name. */
  hint?: string;
}

/**
 * A file that does not parse as a whole, parsed statement by statement (split at each `;` outside
 * parentheses, strings, dollar quotes, comments and BEGIN ATOMIC bodies, as psql splits a script): the
 * statements that parse, and each one that does not with the parser's message and position. The parser
 * must be loaded.
 */
export function parseSqlRecovering(text: string): ParsedSql & { errors: StatementSyntaxError[] } {
  const source = new SqlText(text);
  const statements: SqlStatement[] = [];
  const errors: StatementSyntaxError[] = [];
  let byteOffset = 0;
  let consumed = 0;
  for (const [start, end] of splitStatements(text)) {
    byteOffset += Buffer.byteLength(text.slice(consumed, start), "utf8");
    consumed = start;
    const chunk = text.slice(start, end);
    const chunkBytes = Buffer.byteLength(chunk, "utf8");
    try {
      addStatements(source, chunk.trim() === "" ? "{}" : parseSqlToJson(chunk), byteOffset, byteOffset + chunkBytes, statements);
    } catch (error) {
      if (!(error instanceof PgParseError)) throw error;
      const position = source.positionOfCodePoint(codePoints(text.slice(0, start)) + error.cursorPosition);
      const [startByte, endByte] = trimStatement(source, byteOffset, byteOffset + chunkBytes);
      const space = UNICODE_SPACE.exec(chunk)?.[0];
      const hint = space
        ? `the statement holds a U+${(space.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")} space character, which PostgreSQL reads as part of a word: replace it with an ordinary space`
        : undefined;
      errors.push({ message: error.message, ...position, startByte, endByte, identifiers: sqlIdentifiers(chunk), ...(hint ? { hint } : {}) });
    }
  }
  return { source, statements, errors };
}

const codePoints = (text: string): number => {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xd800 || code > 0xdbff) count++;
  }
  return count;
};

/** [start, end) string indexes of each top-level statement, its `;` included. */
function splitStatements(text: string): [number, number][] {
  const parts: [number, number][] = [];
  let start = 0;
  let parens = 0;
  let atomic = 0;
  let previous = "";
  lexSql(text, {
    token(tokenStart, tokenEnd, isWord) {
      const c = text.charCodeAt(tokenStart);
      const word = isWord ? text.slice(tokenStart, tokenEnd).toUpperCase() : "";
      if (c === 40) parens++;
      else if (c === 41 && parens > 0) parens--;
      else if (word === "ATOMIC" && previous === "BEGIN") atomic++;
      else if (atomic > 0 && word === "CASE") atomic++;
      else if (atomic > 0 && word === "END") atomic--;
      else if (c === 59 && parens === 0 && atomic === 0) {
        parts.push([start, tokenEnd]);
        start = tokenEnd;
      }
      previous = word;
    },
  });
  if (text.slice(start).trim() !== "") parts.push([start, text.length]);
  return parts;
}

/** The identifiers of SQL text (unquoted ones folded to lower case, as PostgreSQL folds them), and its other words. */
export function sqlIdentifiers(text: string): string[] {
  const found = new Set<string>();
  lexSql(text, {
    quotedIdentifier(start, end) {
      found.add(text.slice(start, end).replace(/""/g, '"'));
    },
    word(start, end) {
      const word = text.slice(start, end).toLowerCase();
      found.add(word);
      // A no-break or other Unicode space is a word character to PostgreSQL: the parts are what was meant.
      for (const part of word.split(UNICODE_SPACE)) if (part !== "") found.add(part);
    },
  });
  return [...found];
}

const UNICODE_SPACE = /[\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]/;

/**
 * PostgreSQL 18's grammar starts a statement at its first token, but older releases (and some inputs)
 * start it right after the previous `;`, before whitespace and comments. Skip those, so the location is
 * the statement's first keyword.
 */
function trimStatement(source: SqlText, start: number, end: number): [number, number] {
  const bytes = source.bytes;
  let i = start;
  for (;;) {
    while (i < end && isSpace(bytes[i] as number)) i++;
    if (bytes[i] === 0x2d && bytes[i + 1] === 0x2d) {
      while (i < end && bytes[i] !== 0x0a) i++;
      continue;
    }
    if (bytes[i] === 0x2f && bytes[i + 1] === 0x2a) {
      let depth = 1;
      i += 2;
      while (i < end && depth > 0) {
        if (bytes[i] === 0x2f && bytes[i + 1] === 0x2a) {
          depth++;
          i += 2;
        } else if (bytes[i] === 0x2a && bytes[i + 1] === 0x2f) {
          depth--;
          i += 2;
        } else i++;
      }
      continue;
    }
    break;
  }
  let j = end;
  while (j > i && isSpace(bytes[j - 1] as number)) j--;
  return [i, j];
}

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === 0x0c || byte === 0x0b;
}

/**
 * The comments of a file: what the parse tree leaves out. Found by `lexSql`, which the tests check
 * against libpg-query's own scanner (scanSync); far faster than asking the WebAssembly scanner for
 * every token.
 */
export function sqlComments(source: SqlText): SqlComment[] {
  const text = source.text;
  const comments: SqlComment[] = [];
  // Byte offsets are counted incrementally: comments come in order.
  let counted = 0;
  let countedBytes = 0;
  lexSql(text, {
    comment(start, end) {
      const body = text.slice(start, end);
      if (source.isAscii) {
        comments.push({ text: body, startByte: start, endByte: end });
        return;
      }
      countedBytes += Buffer.byteLength(text.slice(counted, start), "utf8");
      counted = start;
      comments.push({ text: body, startByte: countedBytes, endByte: countedBytes + Buffer.byteLength(body, "utf8") });
    },
  });
  return comments;
}

interface SqlLexVisitor {
  comment?(start: number, end: number): void;
  /** The inside of a "quoted identifier" (its "" escapes still doubled). */
  quotedIdentifier?(start: number, end: number): void;
  word?(start: number, end: number): void;
  /** Every token but comments and whitespace: a string, identifier, word or one other character. `false` stops. */
  token?(start: number, end: number, word: boolean): boolean | void;
}

/**
 * A lexer that follows PostgreSQL's scanner (scan.l) for everything that can hide a comment marker or an
 * identifier: 'strings' with '' escapes, E'strings' with backslash escapes, $tag$ dollar quotes $tag$,
 * "quoted identifiers", -- line comments and nested slash-star comments. Offsets are string indexes.
 */
function lexSql(text: string, visit: SqlLexVisitor, from = 0): void {
  const length = text.length;
  let i = from;
  let previousWord = false;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c === 45 && text.charCodeAt(i + 1) === 45) {
      const newline = text.indexOf("\n", i);
      const end = newline === -1 ? length : newline;
      visit.comment?.(i, end);
      i = end;
      previousWord = false;
      continue;
    }
    if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const start = i;
      let nesting = 1;
      i += 2;
      while (i < length && nesting > 0) {
        if (text.charCodeAt(i) === 47 && text.charCodeAt(i + 1) === 42) {
          nesting++;
          i += 2;
        } else if (text.charCodeAt(i) === 42 && text.charCodeAt(i + 1) === 47) {
          nesting--;
          i += 2;
        } else i++;
      }
      visit.comment?.(start, i);
      previousWord = false;
      continue;
    }
    const start = i;
    let word = false;
    if (c === 39) {
      // 'string', or E'string' when the previous token was the single letter E (or e)
      const escapes = previousWord && i > 0 && (text.charCodeAt(i - 1) === 69 || text.charCodeAt(i - 1) === 101) && !isWordChar(text.charCodeAt(i - 2));
      i++;
      while (i < length) {
        const d = text.charCodeAt(i);
        if (escapes && d === 92) i += 2;
        else if (d === 39 && text.charCodeAt(i + 1) === 39) i += 2;
        else if (d === 39) {
          i++;
          break;
        } else i++;
      }
    } else if (c === 34) {
      i++;
      while (i < length) {
        if (text.charCodeAt(i) === 34 && text.charCodeAt(i + 1) === 34) i += 2;
        else if (text.charCodeAt(i) === 34) break;
        else i++;
      }
      visit.quotedIdentifier?.(start + 1, i);
      i = Math.min(i + 1, length);
    } else if (c === 36 && !previousWord && DOLLAR_TAG.test(text.slice(i, i + 66))) {
      const tag = DOLLAR_TAG.exec(text.slice(i, i + 66))?.[0] ?? "$$";
      const close = text.indexOf(tag, i + tag.length);
      i = close === -1 ? length : close + tag.length;
    } else if (isWordChar(c)) {
      while (i < length && (isWordChar(text.charCodeAt(i)) || text.charCodeAt(i) === 36)) i++;
      visit.word?.(start, i);
      word = true;
    } else {
      i++;
      previousWord = false;
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12) continue;
    }
    previousWord = word;
    if (visit.token?.(start, i, word) === false) return;
  }
}

const DOLLAR_TAG = /^\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/;

function isWordChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c > 127;
}

/**
 * The extent of one clause or expression of SQL text that starts at `from` (a string index): up to the
 * first `,`, `)` or `;` at parenthesis depth 0, or one of `stops` (upper-case keywords) at depth 0.
 * Skips strings (including E'' and dollar quotes), quoted identifiers and comments the way PostgreSQL's
 * lexer does. Returns [start, end) string indexes, or undefined when nothing is there.
 */
export function clauseExtent(text: string, from: number, stops: ReadonlySet<string>): [number, number] | undefined {
  let depth = 0;
  let start = -1;
  let end = from;
  lexSql(
    text,
    {
      token(tokenStart, tokenEnd, isWord) {
        const c = text.charCodeAt(tokenStart);
        if (depth === 0 && start !== -1) {
          if (c === 44 || c === 41 || c === 59) return false;
          if (isWord && stops.has(text.slice(tokenStart, tokenEnd).toUpperCase())) return false;
        }
        if (c === 40 || c === 91) depth++;
        else if (c === 41 || c === 93) {
          if (depth === 0) return false;
          depth--;
        }
        if (start === -1) start = tokenStart;
        end = tokenEnd;
        return true;
      },
    },
    from,
  );
  return start === -1 ? undefined : [start, end];
}

/**
 * Identifiers in SQL text longer than `maxBytes` UTF-8 bytes, as written (PostgreSQL truncates them to
 * NAMEDATALEN - 1 = 63 bytes, and so does the parse tree, so only the source shows the original).
 * Skips strings, dollar quotes and comments.
 */
export function longIdentifiers(text: string, maxBytes = 63): string[] {
  if (!mayHoldLongIdentifier(text, maxBytes)) return [];
  const found: string[] = [];
  lexSql(text, {
    quotedIdentifier(start, end) {
      const name = text.slice(start, end).replace(/""/g, '"');
      if (Buffer.byteLength(name, "utf8") > maxBytes) found.push(name);
    },
    word(start, end) {
      const first = text.charCodeAt(start);
      if (first >= 48 && first <= 57) return;
      const word = text.slice(start, end);
      if (Buffer.byteLength(word, "utf8") > maxBytes) found.push(word.toLowerCase());
    },
  });
  return [...new Set(found)];
}

/** Characters that end an unquoted word (and some that cannot be in one): whitespace , ; ( ) . ' " = < > + * / - */
const WORD_END = new Uint8Array(128);
for (const c of " \t\n\r\f\v,;().'\"=<>+*/-") WORD_END[c.charCodeAt(0)] = 1;

/**
 * A cheap test before the lexer: is there a run of word characters, or a "quoted" stretch, of more than
 * maxBytes UTF-8 bytes? Most files have none. One pass over the text; a character is at most 3 bytes
 * (4 for a surrogate pair, which is 2 characters), so shorter runs than maxBytes / 3 cannot qualify.
 */
function mayHoldLongIdentifier(text: string, maxBytes: number): boolean {
  const minChars = Math.floor(maxBytes / 3) + 1;
  const long = (start: number, end: number) => end - start >= minChars && Buffer.byteLength(text.slice(start, end), "utf8") > maxBytes;
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || WORD_END[c] === 0) continue;
    if (long(runStart, i)) return true;
    runStart = i + 1;
    if (c === 34) {
      const close = text.indexOf('"', i + 1);
      if (close !== -1 && long(i + 1, close)) return true;
    }
  }
  return long(runStart, text.length);
}

/**
 * Numeric literals PostgreSQL 16 added: underscores between digits (1_000_000) and hexadecimal, octal
 * and binary integers (0x1F, 0o17, 0b101). Byte offsets in `text`; strings and comments skipped.
 */
export function numericLiterals(text: string): { text: string; startByte: number }[] {
  if (!/\d_\d|\b0[xXoObB][0-9a-fA-F_]/.test(text)) return [];
  const found: { text: string; startByte: number }[] = [];
  lexSql(text, {
    word(start, end) {
      const word = text.slice(start, end);
      if (/^\d/.test(word) && (/^0[xob][0-9a-f_]+$/i.test(word) || /^\d[\d_]*_\d/.test(word))) {
        found.push({ text: word, startByte: Buffer.byteLength(text.slice(0, start), "utf8") });
      }
    },
  });
  return found;
}

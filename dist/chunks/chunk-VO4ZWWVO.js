import { createRequire as __createRequire } from "node:module"; import { dirname as __pathDirname } from "node:path"; import { fileURLToPath as __fileURLToPath } from "node:url"; const require = __createRequire(import.meta.url); const __dirname = __pathDirname(__fileURLToPath(import.meta.url));
import {
  startWorker,
  workersEnabled,
  workersForced
} from "./chunk-UIAEBAOP.js";
import {
  admitFile,
  decodeText,
  lineIndexOf,
  readAdmittedBytes
} from "./chunk-HDD5QP5V.js";
import {
  ConfigurationError,
  describeThrown,
  packageRoot
} from "./chunk-2GHCG2EG.js";

// src/sources/sql.ts
import { join } from "node:path";
var SqlText = class {
  constructor(text) {
    this.text = text;
    this.bytes = Buffer.from(text, "utf8");
    this.ascii = this.bytes.length === text.length;
  }
  text;
  bytes;
  ascii;
  lineStarts;
  /** True when every character is one byte, so byte offsets are string indexes. */
  get isAscii() {
    return this.ascii;
  }
  get byteLength() {
    return this.bytes.length;
  }
  /** The source between two byte offsets. */
  slice(startByte, endByte) {
    return this.ascii ? this.text.slice(startByte, endByte) : this.bytes.toString("utf8", startByte, endByte);
  }
  position(byteOffset) {
    const offset = Math.max(0, Math.min(byteOffset, this.bytes.length));
    const starts = this.starts();
    const low = lineIndexOf(starts, offset);
    const lineStart = starts[low];
    const column = this.ascii ? offset - lineStart : this.bytes.toString("utf8", lineStart, offset).length;
    return { line: low + 1, column: column + 1 };
  }
  /** Position of a code-point offset (PostgreSQL's error cursor counts characters, not bytes). */
  positionOfCodePoint(codePoint) {
    let index = 0;
    let seen = 0;
    while (seen < codePoint && index < this.text.length) {
      const code = this.text.charCodeAt(index);
      index += code >= 55296 && code <= 56319 ? 2 : 1;
      seen++;
    }
    return this.position(Buffer.byteLength(this.text.slice(0, index), "utf8"));
  }
  starts() {
    if (!this.lineStarts) {
      const starts = [0];
      let from = 0;
      for (; ; ) {
        const next = this.bytes.indexOf(10, from);
        if (next === -1) break;
        starts.push(next + 1);
        from = next + 1;
      }
      this.lineStarts = starts;
    }
    return this.lineStarts;
  }
};
var SqlSyntaxError = class extends ConfigurationError {
  constructor(sqlMessage, at) {
    super(`SQL syntax error: ${sqlMessage}`, at);
    this.sqlMessage = sqlMessage;
    this.at = at;
  }
  sqlMessage;
  at;
};
var loaded;
var parser;
function loadSqlParser() {
  loaded ??= (async () => {
    const { default: createModule } = await import("./libpg-query-NODXJKFR.js");
    const wasm = sqlParserWasm();
    parser = await createModule({ locateFile: () => wasm });
  })();
  return loaded;
}
function sqlParserWasm() {
  return import.meta.url.endsWith(".ts") ? join(packageRoot(), "node_modules", "libpg-query", "wasm", "libpg-query.wasm") : join(packageRoot(), "dist", "chunks", "libpg-query.wasm");
}
var PgParseError = class extends Error {
  constructor(message, cursorPosition) {
    super(message);
    this.cursorPosition = cursorPosition;
  }
  cursorPosition;
};
function parseSqlToJson(text) {
  if (!parser) throw new Error("the SQL parser is not loaded; await loadSqlParser() first");
  const module = parser;
  const size = module.lengthBytesUTF8(text) + 1;
  const query = module._malloc(size);
  let result = 0;
  try {
    module.stringToUTF8(text, query, size);
    result = module._wasm_parse_query_raw(query);
    if (!result) throw new Error("the SQL parser could not allocate memory");
    const tree = module.getValue(result, "i32");
    const error = module.getValue(result + 8, "i32");
    if (error) {
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
function parseSqlToJsonAt(text, displayPath) {
  try {
    return parseSqlToJson(text);
  } catch (error) {
    if (!(error instanceof PgParseError)) throw error;
    const position = new SqlText(text).positionOfCodePoint(error.cursorPosition);
    throw new SqlSyntaxError(error.message, { file: displayPath, line: position.line, column: position.column });
  }
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function statementsOf(text, treeJson) {
  const source = new SqlText(text);
  const statements = [];
  addStatements(source, treeJson, 0, source.byteLength, statements);
  return { source, statements };
}
function addStatements(source, treeJson, offset, end, statements) {
  const shifted = (key, value) => key === "location" && typeof value === "number" && value >= 0 ? value + offset : value;
  const tree = offset === 0 ? JSON.parse(treeJson) : JSON.parse(treeJson, shifted);
  for (const raw of tree.stmts ?? []) {
    if (!isRecord(raw) || !isRecord(raw.stmt)) continue;
    const [type] = Object.keys(raw.stmt);
    const node = type ? raw.stmt[type] : void 0;
    if (!type || !isRecord(node)) continue;
    const location = offset + (typeof raw.stmt_location === "number" ? raw.stmt_location : 0);
    const length = typeof raw.stmt_len === "number" && raw.stmt_len > 0 ? raw.stmt_len : end - location;
    const [startByte, endByte] = trimStatement(source, location, location + length);
    statements.push({ index: statements.length, type, node, startByte, endByte });
  }
}
function parseSqlRecovering(text) {
  const source = new SqlText(text);
  const statements = [];
  const errors = [];
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
      const hint = space ? `the statement holds a U+${(space.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")} space character, which PostgreSQL reads as part of a word: replace it with an ordinary space` : void 0;
      errors.push({ message: error.message, ...position, startByte, endByte, identifiers: sqlIdentifiers(chunk), ...hint ? { hint } : {} });
    }
  }
  return { source, statements, errors };
}
var codePoints = (text) => {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 55296 || code > 56319) count++;
  }
  return count;
};
function splitStatements(text) {
  const parts = [];
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
    }
  });
  if (text.slice(start).trim() !== "") parts.push([start, text.length]);
  return parts;
}
function sqlIdentifiers(text) {
  const found = /* @__PURE__ */ new Set();
  lexSql(text, {
    quotedIdentifier(start, end) {
      found.add(text.slice(start, end).replace(/""/g, '"'));
    },
    word(start, end) {
      const word = text.slice(start, end).toLowerCase();
      found.add(word);
      for (const part of word.split(UNICODE_SPACE)) if (part !== "") found.add(part);
    }
  });
  return [...found];
}
var UNICODE_SPACE = /[\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]/;
function trimStatement(source, start, end) {
  const bytes = source.bytes;
  let i = start;
  for (; ; ) {
    while (i < end && isSpace(bytes[i])) i++;
    if (bytes[i] === 45 && bytes[i + 1] === 45) {
      while (i < end && bytes[i] !== 10) i++;
      continue;
    }
    if (bytes[i] === 47 && bytes[i + 1] === 42) {
      let depth = 1;
      i += 2;
      while (i < end && depth > 0) {
        if (bytes[i] === 47 && bytes[i + 1] === 42) {
          depth++;
          i += 2;
        } else if (bytes[i] === 42 && bytes[i + 1] === 47) {
          depth--;
          i += 2;
        } else i++;
      }
      continue;
    }
    break;
  }
  let j = end;
  while (j > i && isSpace(bytes[j - 1])) j--;
  return [i, j];
}
function isSpace(byte) {
  return byte === 32 || byte === 9 || byte === 10 || byte === 13 || byte === 12 || byte === 11;
}
function sqlComments(source) {
  const text = source.text;
  const comments = [];
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
    }
  });
  return comments;
}
function lexSql(text, visit, from = 0) {
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
      const start2 = i;
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
      visit.comment?.(start2, i);
      previousWord = false;
      continue;
    }
    const start = i;
    let word = false;
    if (c === 39) {
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
var DOLLAR_TAG = /^\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/;
function isWordChar(c) {
  return c >= 65 && c <= 90 || c >= 97 && c <= 122 || c >= 48 && c <= 57 || c === 95 || c > 127;
}
function clauseExtent(text, from, stops) {
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
      }
    },
    from
  );
  return start === -1 ? void 0 : [start, end];
}
function longIdentifiers(text, maxBytes = 63) {
  if (!mayHoldLongIdentifier(text, maxBytes)) return [];
  const found = [];
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
    }
  });
  return [...new Set(found)];
}
var WORD_END = new Uint8Array(128);
for (const c of ` 	
\r\f\v,;().'"=<>+*/-`) WORD_END[c.charCodeAt(0)] = 1;
function mayHoldLongIdentifier(text, maxBytes) {
  const minChars = Math.floor(maxBytes / 3) + 1;
  const long = (start, end) => end - start >= minChars && Buffer.byteLength(text.slice(start, end), "utf8") > maxBytes;
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
function numericLiterals(text) {
  if (!/\d_\d|\b0[xXoObB][0-9a-fA-F_]/.test(text)) return [];
  const found = [];
  lexSql(text, {
    word(start, end) {
      const word = text.slice(start, end);
      if (/^\d/.test(word) && (/^0[xob][0-9a-f_]+$/i.test(word) || /^\d[\d_]*_\d/.test(word))) {
        found.push({ text: word, startByte: Buffer.byteLength(text.slice(0, start), "utf8") });
      }
    }
  });
  return found;
}

// src/sources/sql-files.ts
var MIN_FILES_FOR_WORKER = 64;
var BATCH = 16;
var BATCHES_AHEAD = 32;
function readSqlFileTree(request) {
  if (request.refused) return { failure: request.refused };
  let text;
  try {
    text = decodeText(readAdmittedBytes({ path: request.path, shown: request.shown, limit: request.maxBytes ?? Infinity }), request.shown);
  } catch (error) {
    return { failure: failureOf(error) };
  }
  try {
    return { text, treeJson: text.trim() === "" ? "{}" : parseSqlToJsonAt(text, request.shown) };
  } catch (error) {
    return { text, failure: failureOf(error) };
  }
}
function failureOf(error) {
  if (error instanceof SqlSyntaxError) return { kind: "syntax", reason: error.sqlMessage, ...error.at ? { location: error.at } : {} };
  if (error instanceof ConfigurationError) return { kind: "configuration", reason: error.reason, ...error.location ? { location: error.location } : {} };
  return { kind: "internal", reason: describeThrown(error) };
}
function failureError(failure) {
  if (failure.kind === "syntax") return new SqlSyntaxError(failure.reason, failure.location ?? { file: "(unknown)", line: 1 });
  if (failure.kind === "configuration") return new ConfigurationError(failure.reason, failure.location);
  return new Error(failure.reason);
}
async function* readSqlFiles(workspace, given, pacing = { batch: BATCH, ahead: BATCHES_AHEAD }) {
  const requests = given.map((request) => {
    try {
      return { ...request, maxBytes: admitFile(workspace, request.path, request.shown, request.maxBytes).limit };
    } catch (error) {
      return { ...request, refused: failureOf(error) };
    }
  });
  if (!workersEnabled() || requests.length < MIN_FILES_FOR_WORKER && !workersForced()) {
    await loadSqlParser();
    for (const request of requests) yield readSqlFileTree(request);
    return;
  }
  yield* fromWorker(requests, pacing);
}
async function* fromWorker(requests, pacing) {
  const taken = new SharedArrayBuffer(4);
  const takenCount = new Int32Array(taken);
  const worker = startWorker("sql-worker", { requests: [...requests], ...pacing, taken });
  const batches = [];
  let received = 0;
  let failure;
  let wake;
  const notify = () => {
    wake?.();
    wake = void 0;
  };
  worker.on("message", (batch) => {
    batches.push(batch.results);
    received += batch.results.length;
    notify();
  });
  worker.on("error", (error) => {
    failure ??= new Error(`the SQL parsing worker failed: ${describeThrown(error)}`);
    notify();
  });
  worker.on("exit", (code) => {
    if (received < requests.length) failure ??= new Error(`the SQL parsing worker exited (code ${code}) before it parsed every file`);
    notify();
  });
  try {
    let delivered = 0;
    while (delivered < requests.length) {
      const batch = batches.shift();
      if (batch) {
        Atomics.add(takenCount, 0, 1);
        Atomics.notify(takenCount, 0);
        for (const result of batch) yield result;
        delivered += batch.length;
        continue;
      }
      if (failure) throw failure;
      await new Promise((resolve) => wake = resolve);
    }
  } finally {
    worker.removeAllListeners();
    void worker.terminate();
  }
}

export {
  SqlText,
  loadSqlParser,
  sqlParserWasm,
  statementsOf,
  parseSqlRecovering,
  sqlIdentifiers,
  sqlComments,
  clauseExtent,
  longIdentifiers,
  numericLiterals,
  readSqlFileTree,
  failureError,
  readSqlFiles
};

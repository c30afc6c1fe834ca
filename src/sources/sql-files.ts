// Reads and parses SQL files in the order given, ahead of the caller: on a machine with more than one
// core a worker thread reads and parses while the caller works through the files already parsed.
import type { Worker } from "node:worker_threads";
import { ConfigurationError, describeThrown } from "../engine/errors.js";
import type { SourceLocation } from "../engine/types.js";
import { startWorker, workersEnabled, workersForced } from "../engine/workers.js";
import { loadSqlParser, parseSqlToJsonAt, SqlSyntaxError } from "./sql.js";
import { admitFile, decodeText, readAdmittedBytes, type Workspace } from "./files.js";

export interface SqlFileRequest {
  path: string;
  /** The path as messages show it. */
  shown: string;
  maxBytes?: number;
  /** Set when the file was refused before reading (outside the repository, not a regular file, too large). */
  refused?: SqlFileFailure;
}

/** Why a file could not be read or parsed, as plain data (it may cross from a worker thread). */
export interface SqlFileFailure {
  kind: "syntax" | "configuration" | "internal";
  reason: string;
  location?: SourceLocation;
}

/**
 * A file's text and parse tree (libpg-query's JSON text; `statementsOf` reads it), or `failure` when it
 * does not parse (and no text either when it cannot be read).
 */
export interface SqlFileResult {
  text?: string;
  treeJson?: string;
  failure?: SqlFileFailure;
}

/** Below this many files, parsing here is quicker than starting a worker. */
const MIN_FILES_FOR_WORKER = 64;
/** Files per message from the worker. */
const BATCH = 16;
/** Batches the worker may run ahead of the reader, which bounds the memory a long history takes. */
const BATCHES_AHEAD = 32;

/** Reads and parses one file; never throws (failures are data). The SQL parser must be loaded. */
export function readSqlFileTree(request: SqlFileRequest): SqlFileResult {
  if (request.refused) return { failure: request.refused };
  let text: string;
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

function failureOf(error: unknown): SqlFileFailure {
  if (error instanceof SqlSyntaxError) return { kind: "syntax", reason: error.sqlMessage, ...(error.at ? { location: error.at } : {}) };
  if (error instanceof ConfigurationError) return { kind: "configuration", reason: error.reason, ...(error.location ? { location: error.location } : {}) };
  return { kind: "internal", reason: describeThrown(error) };
}

/** The error a failure stands for, as the code that read the file in this thread would have thrown it. */
export function failureError(failure: SqlFileFailure): Error {
  if (failure.kind === "syntax") return new SqlSyntaxError(failure.reason, failure.location ?? { file: "(unknown)", line: 1 });
  if (failure.kind === "configuration") return new ConfigurationError(failure.reason, failure.location);
  return new Error(failure.reason);
}

/** How the worker batches its results; the defaults suit long histories (the tests use small ones). */
export interface SqlWorkerPacing {
  /** Files per message. */
  batch: number;
  /** Messages the worker may run ahead of the reader. */
  ahead: number;
}

/**
 * The files' results in the order of `requests`. Each file is admitted here, on the calling thread
 * (boundary, regular file, byte budgets: src/sources/files.ts), before the worker may read it.
 */
export async function* readSqlFiles(
  workspace: Workspace,
  given: readonly SqlFileRequest[],
  pacing: SqlWorkerPacing = { batch: BATCH, ahead: BATCHES_AHEAD },
): AsyncGenerator<SqlFileResult> {
  const requests = given.map((request): SqlFileRequest => {
    try {
      return { ...request, maxBytes: admitFile(workspace, request.path, request.shown, request.maxBytes).limit };
    } catch (error) {
      return { ...request, refused: failureOf(error) };
    }
  });
  if (!workersEnabled() || (requests.length < MIN_FILES_FOR_WORKER && !workersForced())) {
    await loadSqlParser();
    for (const request of requests) yield readSqlFileTree(request);
    return;
  }
  yield* fromWorker(requests, pacing);
}

export interface SqlWorkerData {
  requests: SqlFileRequest[];
  batch: number;
  ahead: number;
  /** One Int32: the batches the reader has taken; the worker waits on it when `ahead` batches are unread. */
  taken: SharedArrayBuffer;
}

/** A batch of results; the trees stay JSON text, which crosses threads far faster than an object graph. */
export interface SqlWorkerBatch {
  results: SqlFileResult[];
}

async function* fromWorker(requests: readonly SqlFileRequest[], pacing: SqlWorkerPacing): AsyncGenerator<SqlFileResult> {
  const taken = new SharedArrayBuffer(4);
  const takenCount = new Int32Array(taken);
  const worker: Worker = startWorker("sql-worker", { requests: [...requests], ...pacing, taken } satisfies SqlWorkerData);
  const batches: SqlFileResult[][] = [];
  let received = 0;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  worker.on("message", (batch: SqlWorkerBatch) => {
    batches.push(batch.results);
    received += batch.results.length;
    notify();
  });
  worker.on("error", (error) => {
    failure ??= new Error(`the SQL parsing worker failed: ${describeThrown(error)}`);
    notify();
  });
  // Node delivers a worker's messages before its exit event: an exit with files missing is a crash.
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
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    worker.removeAllListeners();
    void worker.terminate();
  }
}

import { createRequire as __createRequire } from "node:module"; import { dirname as __pathDirname } from "node:path"; import { fileURLToPath as __fileURLToPath } from "node:url"; const require = __createRequire(import.meta.url); const __dirname = __pathDirname(__fileURLToPath(import.meta.url));
import {
  loadSqlParser,
  readSqlFileTree
} from "../chunks/chunk-VO4ZWWVO.js";
import "../chunks/chunk-UIAEBAOP.js";
import "../chunks/chunk-HDD5QP5V.js";
import "../chunks/chunk-2GHCG2EG.js";
import "../chunks/chunk-JPIEGBNI.js";

// src/sources/sql-worker.ts
import { parentPort, workerData } from "node:worker_threads";
var { requests, batch, ahead, taken } = workerData;
var takenCount = new Int32Array(taken);
var port = parentPort;
if (!port) throw new Error("sql-worker runs only as a worker thread");
await loadSqlParser();
for (let start = 0, posted = 0; start < requests.length; start += batch, posted++) {
  for (let seen = Atomics.load(takenCount, 0); posted - seen >= ahead; seen = Atomics.load(takenCount, 0)) Atomics.wait(takenCount, 0, seen);
  port.postMessage({ results: requests.slice(start, start + batch).map(readSqlFileTree) });
}

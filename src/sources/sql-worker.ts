// Worker entry: reads and parses SQL files in order and posts the results in batches (see sql-files.ts).
import { parentPort, workerData } from "node:worker_threads";
import { readSqlFileTree, type SqlWorkerBatch, type SqlWorkerData } from "./sql-files.js";
import { loadSqlParser } from "./sql.js";

const { requests, batch, ahead, taken } = workerData as SqlWorkerData;
const takenCount = new Int32Array(taken);
const port = parentPort;
if (!port) throw new Error("sql-worker runs only as a worker thread");
await loadSqlParser();
for (let start = 0, posted = 0; start < requests.length; start += batch, posted++) {
  // Wait while the reader has `ahead` batches still to take.
  for (let seen = Atomics.load(takenCount, 0); posted - seen >= ahead; seen = Atomics.load(takenCount, 0)) Atomics.wait(takenCount, 0, seen);
  port.postMessage({ results: requests.slice(start, start + batch).map(readSqlFileTree) } satisfies SqlWorkerBatch);
}

// Worker entry: reads and parses SQL files in order and posts the results in batches (see sql-files.ts).
import { parentPort, workerData } from "node:worker_threads";
import { readSqlFileTree, type SqlWorkerBatch, type SqlWorkerData } from "./sql-files.js";
import { loadSqlParser } from "./sql.js";

const { requests, batch } = workerData as SqlWorkerData;
const port = parentPort;
if (!port) throw new Error("sql-worker runs only as a worker thread");
await loadSqlParser();
for (let start = 0; start < requests.length; start += batch) {
  port.postMessage({ results: requests.slice(start, start + batch).map(readSqlFileTree) } satisfies SqlWorkerBatch);
}

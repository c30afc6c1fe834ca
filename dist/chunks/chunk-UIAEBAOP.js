import { createRequire as __createRequire } from "node:module"; import { dirname as __pathDirname } from "node:path"; import { fileURLToPath as __fileURLToPath } from "node:url"; const require = __createRequire(import.meta.url); const __dirname = __pathDirname(__fileURLToPath(import.meta.url));
import {
  packageRoot
} from "./chunk-2GHCG2EG.js";

// src/engine/workers.ts
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
var WORKER_SOURCES = {
  "policy-worker": "src/engine/policy-worker.ts",
  "sql-worker": "src/sources/sql-worker.ts"
};
function workersEnabled() {
  const setting = process.env.RESILIENCE_GATES_WORKERS;
  if (setting === "off") return false;
  if (setting === "on") return true;
  return availableParallelism() > 1;
}
function workersForced() {
  return process.env.RESILIENCE_GATES_WORKERS === "on";
}
function startWorker(name, workerData) {
  if (import.meta.url.endsWith(".ts")) {
    const entry = pathToFileURL(join(packageRoot(), WORKER_SOURCES[name])).href;
    const bootstrap = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
    return new Worker(bootstrap, { eval: true, workerData });
  }
  return new Worker(join(packageRoot(), "dist", "workers", `${name}.js`), { workerData });
}

export {
  workersEnabled,
  workersForced,
  startWorker
};

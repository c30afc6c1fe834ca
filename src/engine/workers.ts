// Worker threads for the long, parallel parts of a gate (parsing SQL files ahead, evaluating policy
// slices), started only where they pay off: more than one core, and enough work.
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { packageRoot } from "./package-root.js";

/** The worker entry files, by name: their source under src/, their bundle under dist/workers/. */
const WORKER_SOURCES = {
  "policy-worker": "src/engine/policy-worker.ts",
  "sql-worker": "src/sources/sql-worker.ts",
} as const;

export type WorkerName = keyof typeof WORKER_SOURCES;

/**
 * Whether to use worker threads: `RESILIENCE_GATES_WORKERS=off` never, `on` always (the tests use both to
 * hold the two paths to the same results), otherwise when the machine has more than one core.
 */
export function workersEnabled(): boolean {
  const setting = process.env.RESILIENCE_GATES_WORKERS;
  if (setting === "off") return false;
  if (setting === "on") return true;
  return availableParallelism() > 1;
}

/** True when RESILIENCE_GATES_WORKERS=on asks for workers even for small inputs. */
export function workersForced(): boolean {
  return process.env.RESILIENCE_GATES_WORKERS === "on";
}

/** Starts a worker from the bundle, or from source through tsx when this module runs from source (tests). */
export function startWorker(name: WorkerName, workerData: unknown): Worker {
  if (import.meta.url.endsWith(".ts")) {
    // From source (the tests): register tsx in the worker first, then load the TypeScript entry.
    const entry = pathToFileURL(join(packageRoot(), WORKER_SOURCES[name])).href;
    const bootstrap = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
    return new Worker(bootstrap, { eval: true, workerData });
  }
  return new Worker(join(packageRoot(), "dist", "workers", `${name}.js`), { workerData });
}

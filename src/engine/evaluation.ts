// Evaluates a gate's input that comes in slices (each judged on its own), either here or, for inputs
// of more than one slice on a machine with more than one core, in a worker thread, so that evaluation
// overlaps the collection of the next slices.
import type { Worker } from "node:worker_threads";
import { validate } from "../config/schemas.js";
import { describeThrown, PolicyEvaluationError } from "./errors.js";
import { findingsOf, type PolicyBundle } from "./policy.js";
import type { PolicyWorkerData, PolicyWorkerReply, PolicyWorkerRequest } from "./policy-worker.js";
import type { PolicyFinding } from "./types.js";
import { startWorker, workersEnabled, workersForced } from "./workers.js";

export interface SliceEvaluator {
  /** Queues one slice of the input; its findings are in what `finish` returns. */
  submit(input: Record<string, unknown>): void;
  /** The findings of every slice, merged (see `mergeSliceFindings`). */
  finish(): Promise<PolicyFinding[]>;
  /** Stops the worker, if any; the engine calls it once it is done with the evaluator, whatever happened. */
  close(): void;
}

/**
 * The collector's output must match schemas/<gate>-input.schema.json; a mismatch is a bug in the
 * collector (an internal error), not the user's.
 */
export function checkInput(gate: string, input: unknown): void {
  const problems = validate(`${gate}-input`, input);
  if (problems.length > 0) {
    throw new Error(`collector of ${gate} produced an input that violates schemas/${gate}-input.schema.json: ${problems.slice(0, 3).map((p) => p.message).join("; ")}`);
  }
}

/** Evaluates slices of one gate's input; `inputSchema` is the gate whose input schema each slice is checked against. */
export function sliceEvaluator(bundle: PolicyBundle, entrypoint: string, inputSchema: string | undefined): SliceEvaluator {
  const results: (PolicyFinding[] | Promise<PolicyFinding[]>)[] = [];
  let held: Record<string, unknown> | undefined;
  let worker: WorkerEvaluation | undefined;
  const useWorker = workersEnabled();
  const here = (input: Record<string, unknown>): PolicyFinding[] => {
    if (inputSchema) checkInput(inputSchema, input);
    return bundle.evaluate(entrypoint, input);
  };
  return {
    submit(input) {
      if (!useWorker) {
        results.push(here(input));
        return;
      }
      // A single slice is evaluated here: a worker costs more to start than it saves.
      if (!worker && held === undefined && !workersForced()) {
        held = input;
        return;
      }
      worker ??= new WorkerEvaluation(bundle, entrypoint, inputSchema);
      if (held !== undefined) {
        results.push(worker.evaluate(held));
        held = undefined;
      }
      results.push(worker.evaluate(input));
    },
    async finish() {
      if (held !== undefined) results.push(here(held));
      held = undefined;
      return mergeSliceFindings(await Promise.all(results));
    },
    close() {
      worker?.close();
    },
  };
}

/**
 * Concatenates the slices' findings, except those a policy marks `every_slice: true`: a statement about
 * the whole input (a configured ignore that suppressed nothing) is true only if every slice found it,
 * and is then reported once.
 */
export function mergeSliceFindings(slices: readonly PolicyFinding[][]): PolicyFinding[] {
  const merged: PolicyFinding[] = [];
  const wholeInput = new Map<string, { finding: PolicyFinding; slices: number }>();
  for (const findings of slices) {
    for (const finding of findings) {
      if (finding.every_slice !== true) {
        merged.push(finding);
        continue;
      }
      const key = JSON.stringify(finding);
      const seen = wholeInput.get(key);
      if (seen) seen.slices++;
      else wholeInput.set(key, { finding, slices: 1 });
    }
  }
  for (const { finding, slices: count } of wholeInput.values()) if (count === slices.length) merged.push(finding);
  return merged;
}

class WorkerEvaluation {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve(findings: PolicyFinding[]): void; reject(error: Error): void }>();
  private nextId = 0;
  private failure: Error | undefined;

  constructor(bundle: PolicyBundle, entrypoint: string, inputSchema: string | undefined) {
    this.worker = startWorker("policy-worker", { module: bundle.module, entrypoint, ...(inputSchema ? { inputSchema } : {}) } satisfies PolicyWorkerData);
    this.worker.on("message", (reply: PolicyWorkerReply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if ("invalidInput" in reply) waiting.reject(new Error(reply.invalidInput));
      else if ("error" in reply) waiting.reject(new PolicyEvaluationError(entrypoint, reply.error));
      else {
        try {
          waiting.resolve(findingsOf(entrypoint, reply.resultSet));
        } catch (error) {
          waiting.reject(error as Error);
        }
      }
    });
    this.worker.on("error", (error) => this.fail(new PolicyEvaluationError(entrypoint, `the evaluation worker failed: ${describeThrown(error)}`)));
    this.worker.on("exit", (code) => this.fail(new PolicyEvaluationError(entrypoint, `the evaluation worker exited (code ${code}) before it answered`)));
  }

  evaluate(input: Record<string, unknown>): Promise<PolicyFinding[]> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    // As JSON text: copying a string to the worker is cheap, and the worker encodes it for the policy.
    const request: PolicyWorkerRequest = { id, input: JSON.stringify(input) };
    const answer = new Promise<PolicyFinding[]>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    // Awaited in finish(); until then a rejection must not count as unhandled (which ends the process).
    answer.catch(() => undefined);
    this.worker.postMessage(request);
    return answer;
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.pending.values()) waiting.reject(this.failure);
    this.pending.clear();
  }

  close(): void {
    this.worker.removeAllListeners("exit");
    void this.worker.terminate();
  }
}

// Worker entry: evaluates slices of a gate's input with its own instance of the policy bundle, while
// the main thread goes on collecting. Inputs arrive as JSON text.
import { parentPort, workerData } from "node:worker_threads";
import { describeThrown } from "./errors.js";
import { checkInput } from "./evaluation.js";
import { loadPolicyModule } from "./policy.js";

export interface PolicyWorkerData {
  /** The bundle as the main thread compiled it (a WebAssembly.Module crosses threads without recompiling). */
  module: WebAssembly.Module;
  entrypoint: string;
  /** The gate whose input schema each input is checked against first. */
  inputSchema?: string;
}

export type PolicyWorkerRequest = { id: number; input: string };
/** `invalidInput`: the input does not match its schema (checkInput's message); `error`: the policy failed. */
export type PolicyWorkerReply = { id: number; resultSet: unknown } | { id: number; error: string } | { id: number; invalidInput: string };

const { module, entrypoint, inputSchema } = workerData as PolicyWorkerData;
const encoder = new TextEncoder();
const port = parentPort;
if (!port) throw new Error("policy-worker runs only as a worker thread");
const loaded = loadPolicyModule(module);

port.on("message", (request: PolicyWorkerRequest) => {
  loaded.then(
    (policy) => {
      let reply: PolicyWorkerReply;
      try {
        if (inputSchema) checkInput(inputSchema, JSON.parse(request.input));
      } catch (error) {
        port.postMessage({ id: request.id, invalidInput: describeThrown(error) } satisfies PolicyWorkerReply);
        return;
      }
      try {
        // opa-wasm takes an ArrayBuffer as UTF-8 JSON and copies it into the policy's memory as it is.
        const bytes = encoder.encode(request.input);
        reply = { id: request.id, resultSet: policy.evaluate(bytes.buffer.byteLength === bytes.byteLength ? bytes.buffer : bytes.slice().buffer, entrypoint) };
      } catch (error) {
        reply = { id: request.id, error: describeThrown(error) };
      }
      port.postMessage(reply);
    },
    (error: unknown) => port.postMessage({ id: request.id, error: `loading the bundle: ${describeThrown(error)}` } satisfies PolicyWorkerReply),
  );
});

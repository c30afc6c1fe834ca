import { createRequire as __createRequire } from "node:module"; import { dirname as __pathDirname } from "node:path"; import { fileURLToPath as __fileURLToPath } from "node:url"; const require = __createRequire(import.meta.url); const __dirname = __pathDirname(__fileURLToPath(import.meta.url));
import {
  checkInput,
  loadPolicyModule
} from "../chunks/chunk-7R4QGSKL.js";
import "../chunks/chunk-UIAEBAOP.js";
import "../chunks/chunk-QSZOVTT4.js";
import {
  describeThrown
} from "../chunks/chunk-2GHCG2EG.js";
import "../chunks/chunk-JPIEGBNI.js";

// src/engine/policy-worker.ts
import { parentPort, workerData } from "node:worker_threads";
var { module, entrypoint, inputSchema } = workerData;
var encoder = new TextEncoder();
var port = parentPort;
if (!port) throw new Error("policy-worker runs only as a worker thread");
var loaded = loadPolicyModule(module);
port.on("message", (request) => {
  loaded.then(
    (policy) => {
      let reply;
      try {
        if (inputSchema) checkInput(inputSchema, JSON.parse(request.input));
      } catch (error) {
        port.postMessage({ id: request.id, invalidInput: describeThrown(error) });
        return;
      }
      try {
        const bytes = encoder.encode(request.input);
        reply = { id: request.id, resultSet: policy.evaluate(bytes.buffer.byteLength === bytes.byteLength ? bytes.buffer : bytes.slice().buffer, entrypoint) };
      } catch (error) {
        reply = { id: request.id, error: describeThrown(error) };
      }
      port.postMessage(reply);
    },
    (error) => port.postMessage({ id: request.id, error: `loading the bundle: ${describeThrown(error)}` })
  );
});

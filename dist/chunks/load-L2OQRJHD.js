import { createRequire as __createRequire } from "node:module"; import { dirname as __pathDirname } from "node:path"; import { fileURLToPath as __fileURLToPath } from "node:url"; const require = __createRequire(import.meta.url); const __dirname = __pathDirname(__fileURLToPath(import.meta.url));
import {
  DEFAULT_CONFIG,
  loadConfig,
  readSingleDocument
} from "./chunk-NKQ4EWYS.js";
import "./chunk-OPKJURYK.js";
import "./chunk-QSZOVTT4.js";
import "./chunk-BAQO6P5L.js";
import "./chunk-2GHCG2EG.js";
import "./chunk-JPIEGBNI.js";
export {
  DEFAULT_CONFIG,
  loadConfig,
  readSingleDocument
};

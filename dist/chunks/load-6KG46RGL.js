import { createRequire as __createRequire } from "node:module"; import { dirname as __pathDirname } from "node:path"; import { fileURLToPath as __fileURLToPath } from "node:url"; const require = __createRequire(import.meta.url); const __dirname = __pathDirname(__fileURLToPath(import.meta.url));
import {
  DEFAULT_CONFIG,
  loadConfig,
  readSingleDocument,
  readValidatedDocument
} from "./chunk-2WGWLA3Q.js";
import "./chunk-CWLLBQX2.js";
import "./chunk-QSZOVTT4.js";
import "./chunk-HDD5QP5V.js";
import "./chunk-2GHCG2EG.js";
import "./chunk-JPIEGBNI.js";
export {
  DEFAULT_CONFIG,
  loadConfig,
  readSingleDocument,
  readValidatedDocument
};

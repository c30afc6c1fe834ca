import { createRequire as __createRequire } from "node:module"; import { dirname as __pathDirname } from "node:path"; import { fileURLToPath as __fileURLToPath } from "node:url"; const require = __createRequire(import.meta.url); const __dirname = __pathDirname(__fileURLToPath(import.meta.url));
import {
  DEFAULT_CONFIG,
  loadConfig,
  readSingleDocument
} from "./chunk-F7O2VXKP.js";
import "./chunk-K5VVQ2NH.js";
import "./chunk-XI6Y4Q6H.js";
import "./chunk-4MMK2NZR.js";
import "./chunk-SYHSNYPK.js";
import "./chunk-TPY7VXDW.js";
import "./chunk-JPIEGBNI.js";
export {
  DEFAULT_CONFIG,
  loadConfig,
  readSingleDocument
};

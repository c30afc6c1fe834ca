import { createRequire as __createRequire } from "node:module"; import { dirname as __pathDirname } from "node:path"; import { fileURLToPath as __fileURLToPath } from "node:url"; const require = __createRequire(import.meta.url); const __dirname = __pathDirname(__fileURLToPath(import.meta.url));
import {
  DEFAULT_CONFIG,
  loadConfig,
  readSingleDocument
} from "./chunk-R6I4ZH4V.js";
import "./chunk-7DD7PTBS.js";
import "./chunk-HZH67PRY.js";
import "./chunk-JPIEGBNI.js";
export {
  DEFAULT_CONFIG,
  loadConfig,
  readSingleDocument
};

import { createRequire as __createRequire } from "node:module"; import { dirname as __pathDirname } from "node:path"; import { fileURLToPath as __fileURLToPath } from "node:url"; const require = __createRequire(import.meta.url); const __dirname = __pathDirname(__fileURLToPath(import.meta.url));
import {
  DEFAULT_CONFIG,
  loadConfig,
  readSingleDocument,
  readValidatedDocument
} from "./chunk-TOQCFF6U.js";
import "./chunk-2AFNVZHP.js";
import "./chunk-XI6Y4Q6H.js";
import "./chunk-ZLKJCLDS.js";
import "./chunk-SYHSNYPK.js";
import "./chunk-TPY7VXDW.js";
import "./chunk-JPIEGBNI.js";
export {
  DEFAULT_CONFIG,
  loadConfig,
  readSingleDocument,
  readValidatedDocument
};

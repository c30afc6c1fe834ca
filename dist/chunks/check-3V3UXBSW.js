import { createRequire as __createRequire } from "node:module"; import { dirname as __pathDirname } from "node:path"; import { fileURLToPath as __fileURLToPath } from "node:url"; const require = __createRequire(import.meta.url); const __dirname = __pathDirname(__fileURLToPath(import.meta.url));
import {
  check,
  defaultGates,
  exitCodeFor,
  planGates,
  spreadListFlags
} from "./chunk-WFGMKIS7.js";
import "./chunk-647UBY3D.js";
import "./chunk-YKVI7FDI.js";
import "./chunk-R6I4ZH4V.js";
import "./chunk-LXEHR5AG.js";
import "./chunk-7MT4MXLN.js";
import "./chunk-5272LKSC.js";
import "./chunk-HX6U3LLJ.js";
import "./chunk-3U2DUXYO.js";
import "./chunk-7DD7PTBS.js";
import "./chunk-HZH67PRY.js";
import "./chunk-JPIEGBNI.js";
export {
  check,
  defaultGates,
  exitCodeFor,
  planGates,
  spreadListFlags
};

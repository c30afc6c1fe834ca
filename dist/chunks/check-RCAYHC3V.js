import { createRequire as __createRequire } from "node:module"; import { dirname as __pathDirname } from "node:path"; import { fileURLToPath as __fileURLToPath } from "node:url"; const require = __createRequire(import.meta.url); const __dirname = __pathDirname(__fileURLToPath(import.meta.url));
import {
  check,
  defaultGates,
  exitCodeFor,
  planGates,
  spreadListFlags
} from "./chunk-2BCQLSQZ.js";
import "./chunk-6CORR3EF.js";
import "./chunk-O3EV6H7H.js";
import "./chunk-RAZZC44N.js";
import "./chunk-Q7LDHUEM.js";
import "./chunk-647UBY3D.js";
import "./chunk-BFPQ6HZ4.js";
import "./chunk-6FWGGQGR.js";
import "./chunk-XIZQFOMP.js";
import "./chunk-2MOTBTTX.js";
import "./chunk-HD6LMWO3.js";
import "./chunk-7R4QGSKL.js";
import "./chunk-BPWUKDGH.js";
import "./chunk-UIAEBAOP.js";
import "./chunk-V3D72YVE.js";
import "./chunk-C6KPP36A.js";
import "./chunk-QSZOVTT4.js";
import "./chunk-OPYNEBYB.js";
import "./chunk-WWQ44ZA7.js";
import "./chunk-S2KBQMLG.js";
import "./chunk-2GHCG2EG.js";
import "./chunk-JPIEGBNI.js";
export {
  check,
  defaultGates,
  exitCodeFor,
  planGates,
  spreadListFlags
};

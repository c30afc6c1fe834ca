import { createRequire as __createRequire } from "node:module"; import { dirname as __pathDirname } from "node:path"; import { fileURLToPath as __fileURLToPath } from "node:url"; const require = __createRequire(import.meta.url); const __dirname = __pathDirname(__fileURLToPath(import.meta.url));
import {
  check,
  defaultGates,
  exitCodeFor,
  planGates,
  spreadListFlags
} from "./chunk-A54Z3C5M.js";
import "./chunk-22FXOKJT.js";
import "./chunk-6XJCI72K.js";
import "./chunk-O5ZEMYER.js";
import "./chunk-XWMP5C5J.js";
import "./chunk-647UBY3D.js";
import "./chunk-VF2QWSIO.js";
import "./chunk-3ONCGH4O.js";
import "./chunk-XIZQFOMP.js";
import "./chunk-JVGNGV63.js";
import "./chunk-HD6LMWO3.js";
import "./chunk-7R4QGSKL.js";
import "./chunk-VO4ZWWVO.js";
import "./chunk-UIAEBAOP.js";
import "./chunk-2WGWLA3Q.js";
import "./chunk-CWLLBQX2.js";
import "./chunk-QSZOVTT4.js";
import "./chunk-HDD5QP5V.js";
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

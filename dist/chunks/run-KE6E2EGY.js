import { createRequire as __createRequire } from "node:module"; import { dirname as __pathDirname } from "node:path"; import { fileURLToPath as __fileURLToPath } from "node:url"; const require = __createRequire(import.meta.url); const __dirname = __pathDirname(__fileURLToPath(import.meta.url));
import {
  evaluateInSlices,
  loadBundle,
  runGates,
  worstVerdict
} from "./chunk-SWAEQKGI.js";
import "./chunk-ICKWOVW2.js";
import "./chunk-GJOUNQ3O.js";
import "./chunk-2NJK4QDR.js";
import "./chunk-45FGFFNV.js";
import "./chunk-PGBLLVI7.js";
import "./chunk-NUD3GI67.js";
import "./chunk-7R4QGSKL.js";
import "./chunk-VO3G2N2V.js";
import "./chunk-UIAEBAOP.js";
import "./chunk-IVIJ4RNO.js";
import "./chunk-QSZOVTT4.js";
import "./chunk-I5GRNHRJ.js";
import "./chunk-UJ6WTITS.js";
import "./chunk-2GHCG2EG.js";
import "./chunk-JPIEGBNI.js";
export {
  evaluateInSlices,
  loadBundle,
  runGates,
  worstVerdict
};

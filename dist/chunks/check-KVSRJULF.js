import { createRequire as __createRequire } from "node:module"; import { dirname as __pathDirname } from "node:path"; import { fileURLToPath as __fileURLToPath } from "node:url"; const require = __createRequire(import.meta.url); const __dirname = __pathDirname(__fileURLToPath(import.meta.url));
import {
  check,
  defaultGates,
  exitCodeFor,
  planGates,
  spreadListFlags
} from "./chunk-XLTRQS6F.js";
import "./chunk-QV7A4ZVC.js";
import "./chunk-TOT33RUI.js";
import "./chunk-QLYWWAAS.js";
import "./chunk-JEPAHEEN.js";
import "./chunk-647UBY3D.js";
import "./chunk-S63MBXB7.js";
import "./chunk-525K4M5I.js";
import "./chunk-J5TTHCYF.js";
import "./chunk-NUD3GI67.js";
import "./chunk-RZEBD3HU.js";
import "./chunk-WQQHA2IA.js";
import "./chunk-SOQPJMEU.js";
import "./chunk-TOQCFF6U.js";
import "./chunk-2AFNVZHP.js";
import "./chunk-XI6Y4Q6H.js";
import "./chunk-ZLKJCLDS.js";
import "./chunk-SYHSNYPK.js";
import "./chunk-SEVPFPOZ.js";
import "./chunk-TPY7VXDW.js";
import "./chunk-JPIEGBNI.js";
export {
  check,
  defaultGates,
  exitCodeFor,
  planGates,
  spreadListFlags
};

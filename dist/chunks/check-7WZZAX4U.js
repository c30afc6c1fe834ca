import { createRequire as __createRequire } from "node:module"; import { dirname as __pathDirname } from "node:path"; import { fileURLToPath as __fileURLToPath } from "node:url"; const require = __createRequire(import.meta.url); const __dirname = __pathDirname(__fileURLToPath(import.meta.url));
import {
  check,
  defaultGates,
  exitCodeFor,
  planGates,
  spreadListFlags
} from "./chunk-UHH4VIWG.js";
import "./chunk-DX5CWFXE.js";
import "./chunk-KXP3JKP3.js";
import "./chunk-647UBY3D.js";
import "./chunk-WGKKRTE3.js";
import "./chunk-WGETQMF3.js";
import "./chunk-IRHUGHDA.js";
import "./chunk-3U2DUXYO.js";
import "./chunk-RZEBD3HU.js";
import "./chunk-5EGQPAS2.js";
import "./chunk-SOQPJMEU.js";
import "./chunk-F7O2VXKP.js";
import "./chunk-K5VVQ2NH.js";
import "./chunk-XI6Y4Q6H.js";
import "./chunk-4MMK2NZR.js";
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

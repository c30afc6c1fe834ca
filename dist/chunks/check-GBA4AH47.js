import { createRequire as __createRequire } from "node:module"; import { dirname as __pathDirname } from "node:path"; import { fileURLToPath as __fileURLToPath } from "node:url"; const require = __createRequire(import.meta.url); const __dirname = __pathDirname(__fileURLToPath(import.meta.url));
import {
  check,
  defaultGates,
  exitCodeFor,
  planGates,
  spreadListFlags
} from "./chunk-RWDDCPVK.js";
import "./chunk-647UBY3D.js";
import "./chunk-NLD72YNS.js";
import "./chunk-NUGVMG7S.js";
import "./chunk-5AIR6SY7.js";
import "./chunk-PH466S2G.js";
import "./chunk-US5CIGWE.js";
import "./chunk-NMWGVD36.js";
import "./chunk-STBUGIW6.js";
import "./chunk-MQ6RLJAI.js";
import "./chunk-HZH67PRY.js";
import "./chunk-JPIEGBNI.js";
export {
  check,
  defaultGates,
  exitCodeFor,
  planGates,
  spreadListFlags
};

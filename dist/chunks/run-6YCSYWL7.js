import { createRequire as __createRequire } from "node:module"; import { dirname as __pathDirname } from "node:path"; import { fileURLToPath as __fileURLToPath } from "node:url"; const require = __createRequire(import.meta.url); const __dirname = __pathDirname(__fileURLToPath(import.meta.url));
import {
  loadBundle,
  runGates,
  worstVerdict
} from "./chunk-FGAN5JKN.js";
import "./chunk-KDWTG5VX.js";
import "./chunk-24P7URO2.js";
import "./chunk-JI36L2OI.js";
import "./chunk-NMWGVD36.js";
import "./chunk-MQ6RLJAI.js";
import "./chunk-HZH67PRY.js";
import "./chunk-JPIEGBNI.js";
export {
  loadBundle,
  runGates,
  worstVerdict
};

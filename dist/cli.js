import { createRequire as __createRequire } from "node:module"; import { dirname as __pathDirname } from "node:path"; import { fileURLToPath as __fileURLToPath } from "node:url"; const require = __createRequire(import.meta.url); const __dirname = __pathDirname(__fileURLToPath(import.meta.url));
import {
  EXIT,
  UsageError,
  gateFlagOptions,
  main,
  parseCommandLine
} from "./chunks/chunk-JVGNGV63.js";
import "./chunks/chunk-HD6LMWO3.js";
import "./chunks/chunk-S2KBQMLG.js";
import "./chunks/chunk-2GHCG2EG.js";
import "./chunks/chunk-JPIEGBNI.js";
export {
  EXIT,
  UsageError,
  gateFlagOptions,
  main,
  parseCommandLine
};

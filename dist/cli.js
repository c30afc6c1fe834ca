import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  EXIT,
  UsageError,
  gateFlagOptions,
  main,
  parseCommandLine
} from "./chunks/chunk-24VORXGX.js";
export {
  EXIT,
  UsageError,
  gateFlagOptions,
  main,
  parseCommandLine
};

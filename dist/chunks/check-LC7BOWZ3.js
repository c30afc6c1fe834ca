import { createRequire as __createRequire } from "node:module"; import { dirname as __pathDirname } from "node:path"; import { fileURLToPath as __fileURLToPath } from "node:url"; const require = __createRequire(import.meta.url); const __dirname = __pathDirname(__fileURLToPath(import.meta.url));
import {
  check,
  defaultGates,
  exitCodeFor,
  planGates,
  spreadListFlags
} from "./chunk-243CHIAD.js";
import "./chunk-647UBY3D.js";
import "./chunk-QLI2ALF2.js";
import "./chunk-NKQ4EWYS.js";
import "./chunk-2HAPWCPB.js";
import "./chunk-C6DXFVMQ.js";
import "./chunk-IKDVPR4L.js";
import "./chunk-NFM7WX42.js";
import "./chunk-3U2DUXYO.js";
import "./chunk-MHGBQX2I.js";
import "./chunk-STUTO7QB.js";
import "./chunk-UIAEBAOP.js";
import "./chunk-OPKJURYK.js";
import "./chunk-QSZOVTT4.js";
import "./chunk-BAQO6P5L.js";
import "./chunk-2GHCG2EG.js";
import "./chunk-JPIEGBNI.js";
export {
  check,
  defaultGates,
  exitCodeFor,
  planGates,
  spreadListFlags
};

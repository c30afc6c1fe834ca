import { createRequire as __createRequire } from "node:module"; import { dirname as __pathDirname } from "node:path"; import { fileURLToPath as __fileURLToPath } from "node:url"; const require = __createRequire(import.meta.url); const __dirname = __pathDirname(__fileURLToPath(import.meta.url));
import {
  loadBundle
} from "./chunk-SWAEQKGI.js";
import "./chunk-ICKWOVW2.js";
import "./chunk-GJOUNQ3O.js";
import "./chunk-2NJK4QDR.js";
import {
  silentLogger
} from "./chunk-647UBY3D.js";
import "./chunk-45FGFFNV.js";
import "./chunk-PGBLLVI7.js";
import {
  EXIT,
  UsageError,
  parseCommandLine
} from "./chunk-OWTAJHYB.js";
import "./chunk-NUD3GI67.js";
import "./chunk-7R4QGSKL.js";
import "./chunk-VO3G2N2V.js";
import "./chunk-UIAEBAOP.js";
import {
  loadConfig
} from "./chunk-MNLDZWT2.js";
import "./chunk-IVIJ4RNO.js";
import "./chunk-QSZOVTT4.js";
import "./chunk-I5GRNHRJ.js";
import "./chunk-UJ6WTITS.js";
import "./chunk-2GHCG2EG.js";
import "./chunk-JPIEGBNI.js";

// src/commands/rules.ts
async function catalog(config) {
  const loaded = loadConfig({ cwd: process.cwd(), ...config ? { config } : {} });
  const bundle = await loadBundle(loaded, silentLogger);
  return [...bundle.catalog.values()].sort((a, b) => a.gate.localeCompare(b.gate) || a.id.localeCompare(b.id, "en", { numeric: true }));
}
async function rules(args) {
  const { values } = parseCommandLine(args, { config: { type: "string" }, gate: { type: "string" }, format: { type: "string", default: "console" } });
  const all = await catalog(typeof values.config === "string" ? values.config : void 0);
  const selected = typeof values.gate === "string" ? all.filter((rule) => rule.gate === values.gate) : all;
  if (values.format === "json") {
    process.stdout.write(`${JSON.stringify(selected, null, 2)}
`);
    return EXIT.ok;
  }
  if (values.format !== "console") throw new UsageError(`unknown --format ${String(values.format)}; one of console, json`);
  for (const rule of selected) {
    process.stdout.write(`${rule.id.padEnd(12)}${rule.severity.padEnd(7)}${rule.gate.padEnd(18)}${rule.title}
`);
  }
  return EXIT.ok;
}
async function explain(args) {
  const { values, positionals } = parseCommandLine(args, { config: { type: "string" } });
  const [id] = positionals;
  if (!id || positionals.length > 1) throw new UsageError("usage: resilience-gates explain RULE (for example SC-005)");
  const all = await catalog(typeof values.config === "string" ? values.config : void 0);
  const rule = all.find((candidate) => candidate.id.toLowerCase() === id.toLowerCase());
  if (!rule) {
    const near = all.filter((candidate) => candidate.id.startsWith(id.toUpperCase().split("-")[0] ?? "")).map((candidate) => candidate.id);
    throw new UsageError(`no rule ${id}${near.length ? `; rules with that prefix: ${near.join(", ")}` : ""}. List them with \`resilience-gates rules\`.`);
  }
  process.stdout.write(
    [
      `${rule.id}: ${rule.title}`,
      `gate: ${rule.gate}    severity: ${rule.severity}`,
      "",
      rule.description,
      "",
      `Fix: ${rule.remediation}`,
      `Docs: ${rule.docs}`,
      `Defined in: ${rule.source}`,
      ""
    ].join("\n")
  );
  return EXIT.ok;
}
export {
  explain,
  rules
};

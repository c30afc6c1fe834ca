import { createRequire as __createRequire } from "node:module"; import { dirname as __pathDirname } from "node:path"; import { fileURLToPath as __fileURLToPath } from "node:url"; const require = __createRequire(import.meta.url); const __dirname = __pathDirname(__fileURLToPath(import.meta.url));
import {
  loadBundle
} from "./chunk-22FXOKJT.js";
import "./chunk-6XJCI72K.js";
import "./chunk-O5ZEMYER.js";
import "./chunk-XWMP5C5J.js";
import {
  silentLogger
} from "./chunk-647UBY3D.js";
import "./chunk-VF2QWSIO.js";
import "./chunk-3ONCGH4O.js";
import "./chunk-XIZQFOMP.js";
import {
  EXIT,
  UsageError,
  parseCommandLine
} from "./chunk-JVGNGV63.js";
import "./chunk-HD6LMWO3.js";
import "./chunk-7R4QGSKL.js";
import "./chunk-VO4ZWWVO.js";
import "./chunk-UIAEBAOP.js";
import {
  loadConfig
} from "./chunk-2WGWLA3Q.js";
import "./chunk-CWLLBQX2.js";
import "./chunk-QSZOVTT4.js";
import "./chunk-HDD5QP5V.js";
import "./chunk-WWQ44ZA7.js";
import "./chunk-S2KBQMLG.js";
import "./chunk-2GHCG2EG.js";
import "./chunk-JPIEGBNI.js";

// src/commands/rules.ts
async function catalog(config) {
  const loaded = loadConfig({ cwd: process.cwd(), ...config ? { config } : {} });
  const bundle = await loadBundle(loaded, silentLogger);
  return [...bundle.catalog.values()].sort((a, b) => a.gate.localeCompare(b.gate) || a.id.localeCompare(b.id, "en", { numeric: true }));
}
var RULES_HELP = `Usage: resilience-gates rules [--gate G] [--format console|json] [--config F]

Lists the rule catalog: id, severity, gate and title of every built-in rule and of the custom policies
the config names (\`policies:\`).

  --gate G       only the rules of gate G
  --format F     console (default) or json (every field of each rule's METADATA)
  --config F     config file whose custom policies are listed too (default .resilience/gates.yaml)
`;
var EXPLAIN_HELP = `Usage: resilience-gates explain RULE [--config F]

Shows one rule's title, gate, severity, what it blocks, how to fix it, its docs and where it is defined.
RULE is an id such as SC-005 (any case).

  --config F     config file whose custom policies are searched too (default .resilience/gates.yaml)
`;
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
  EXPLAIN_HELP,
  RULES_HELP,
  explain,
  rules
};

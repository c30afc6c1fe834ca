import { createRequire as __createRequire } from "node:module"; import { dirname as __pathDirname } from "node:path"; import { fileURLToPath as __fileURLToPath } from "node:url"; const require = __createRequire(import.meta.url); const __dirname = __pathDirname(__fileURLToPath(import.meta.url));
import {
  baselineMeasurements,
  measureSlos,
  sloOptionsFromFlags
} from "./chunk-6XJCI72K.js";
import {
  createStderrLogger
} from "./chunk-647UBY3D.js";
import "./chunk-VF2QWSIO.js";
import "./chunk-3ONCGH4O.js";
import {
  makeDirectories
} from "./chunk-XIZQFOMP.js";
import {
  EXIT,
  UsageError,
  gateFlagOptions,
  parseCommandLine
} from "./chunk-JVGNGV63.js";
import "./chunk-HD6LMWO3.js";
import {
  loadConfig
} from "./chunk-2WGWLA3Q.js";
import "./chunk-CWLLBQX2.js";
import {
  validate
} from "./chunk-QSZOVTT4.js";
import {
  displayPath,
  resolveInside
} from "./chunk-HDD5QP5V.js";
import "./chunk-WWQ44ZA7.js";
import "./chunk-S2KBQMLG.js";
import {
  ConfigurationError
} from "./chunk-2GHCG2EG.js";
import "./chunk-JPIEGBNI.js";

// src/commands/baseline.ts
import { writeFileSync } from "node:fs";
import { dirname } from "node:path";
var DEFAULT_BASELINE = ".resilience/slo-baseline.json";
var BASELINE_HELP = `Usage: resilience-gates baseline save [options]

Measures every SLO objective the way \`check slo\` does and writes the figures the slo gate compares a
change against: each ratio SLO's error rate and each latency objective's quantile, with their sample
counts. Run it on the default branch and keep the file (commit it or upload it as an artifact).

  --slo F            SLO file (default .resilience/slos.yaml, or gates.slo.slos of the config)
  --summary F        measure from a k6 summary
  --prometheus URL   measure from a Prometheus-compatible query API
  --metrics URL      scrape /metrics before and after --script F --target URL (or --observe 60s)
  --output F         where to write the baseline (default ${DEFAULT_BASELINE})
  --config F         config whose gates.slo gives the options when no source flag is given
  --quiet            no progress output
`;
async function baseline(args) {
  const [sub, ...rest] = args;
  if (sub === "--help" || sub === "-h" || sub === void 0) {
    process.stdout.write(BASELINE_HELP);
    return sub === void 0 ? EXIT.error : EXIT.ok;
  }
  if (sub !== "save") throw new UsageError(`unknown baseline command ${sub}; the only one is \`baseline save\` (see baseline --help)`);
  const { values, positionals } = parseCommandLine(rest, {
    config: { type: "string" },
    output: { type: "string" },
    quiet: { type: "boolean" },
    verbose: { type: "boolean" },
    ...gateFlagOptions()
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}; see resilience-gates baseline --help`);
  const logger = createStderrLogger({ quiet: Boolean(values.quiet), verbose: Boolean(values.verbose) });
  const config = loadConfig({ cwd: process.cwd(), ...typeof values.config === "string" ? { config: values.config } : {} });
  const options = sloOptionsFromFlags(values) ?? config.gates.slo;
  if (!options) throw new UsageError("baseline save needs the SLOs and a source: --slo F with --summary F, --prometheus URL or --metrics URL (or gates.slo in the config)");
  const problems = validate("gates", options, "$defs/slo");
  if (problems.length > 0) throw new ConfigurationError(`options of baseline save: ${problems.map((problem) => problem.message).join("; ")}`);
  const { measurer, measured } = await measureSlos({ workspace: config.workspace, logger, now: /* @__PURE__ */ new Date() }, options);
  const document = { version: 1, createdAt: (/* @__PURE__ */ new Date()).toISOString(), source: measurer.describe, measurements: baselineMeasurements(measured) };
  const invalid = validate("slo-baseline", document);
  if (invalid.length > 0) throw new Error(`baseline does not match its own schema: ${invalid.map((problem) => problem.message).join("; ")}`);
  const output = typeof values.output === "string" ? values.output : DEFAULT_BASELINE;
  const target = resolveInside(config.workspace, output, "baseline output");
  try {
    makeDirectories(dirname(target));
    writeFileSync(target, `${JSON.stringify(document, null, 2)}
`);
  } catch (error) {
    throw new ConfigurationError(`cannot write the baseline to ${output}: ${error.message}`);
  }
  logger.info(`baseline: ${document.measurements.length} measurements of ${new Set(measured.map((entry) => entry.slo.name)).size} SLOs from ${measurer.describe} written to ${displayPath(config.workspace, target)}`);
  return EXIT.ok;
}
export {
  BASELINE_HELP,
  DEFAULT_BASELINE,
  baseline
};

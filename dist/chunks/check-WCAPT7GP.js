import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  GATES,
  createStderrLogger,
  loadBundle,
  loadConfig,
  runGates
} from "./chunk-MD7YPHWY.js";
import {
  ConfigurationError,
  EXIT,
  UsageError,
  formatLocation,
  gateFlagOptions,
  parseCommandLine
} from "./chunk-24VORXGX.js";

// src/commands/check.ts
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

// src/report/console.ts
var COLORS = {
  pass: "\x1B[32m",
  warn: "\x1B[33m",
  block: "\x1B[31m",
  error: "\x1B[35m",
  dim: "\x1B[2m",
  bold: "\x1B[1m"
};
function describeResource(resource) {
  if (!resource) return "";
  return `${resource.kind} ${resource.namespace ? `${resource.namespace}/` : ""}${resource.name}`;
}
var consoleReporter = {
  format: "console",
  render(report, context) {
    const paint = (style, text) => context.color ? `${COLORS[style]}${text}\x1B[0m` : text;
    const lines = [];
    for (const gate of report.gates) {
      lines.push(`${paint("bold", gate.id)}  ${paint(gate.verdict, gate.verdict.toUpperCase())}  ${summary(gate)}`);
      if (gate.error) lines.push(`  ${paint("error", "error:")} ${gate.error}`);
      for (const [file, findings] of groupByFile(gate.findings)) {
        lines.push("", `  ${paint("bold", file)}`);
        for (const finding of findings) {
          const where = finding.location ? `${finding.location.line}:${finding.location.column ?? 1}` : "-";
          const subject = describeResource(finding.resource);
          lines.push(
            `    ${where.padEnd(8)}${paint(finding.severity, finding.severity.padEnd(6))}${finding.rule.padEnd(11)}${subject ? `${subject}: ` : ""}${finding.message}`
          );
          remediationLines(finding.remediation).forEach((text, index) => {
            lines.push(`    ${" ".repeat(25)}${paint("dim", index === 0 ? `fix: ${text}` : `     ${text}`)}`);
          });
        }
      }
      if (gate.waived.length > 0) {
        lines.push("", `  waived (${gate.waived.length}):`);
        for (const { finding, waiver } of gate.waived) {
          const where = finding.location ? formatLocation(finding.location) : describeResource(finding.resource);
          lines.push(
            `    ${finding.rule} ${where} \u2014 ${waiver.reason} (owner ${waiver.owner}, expires ${waiver.expires}${waiver.ticket ? `, ${waiver.ticket}` : ""}; ${formatLocation(waiver.source)})`
          );
        }
      }
      lines.push("");
    }
    lines.push(`Result: ${paint(report.verdict, report.verdict.toUpperCase())}`);
    return `${lines.join("\n")}
`;
  }
};
function remediationLines(remediation) {
  return remediation.split("\n").filter((line) => !line.trim().startsWith("```")).map((line) => line.trimEnd()).filter((line, index, all) => line !== "" || index > 0 && index < all.length - 1);
}
function summary(gate) {
  const block = gate.findings.filter((f) => f.severity === "block").length;
  const warn = gate.findings.length - block;
  const parts = [`${gate.findings.length} finding${gate.findings.length === 1 ? "" : "s"}${gate.findings.length ? ` (${block} block, ${warn} warn)` : ""}`];
  if (gate.waived.length) parts.push(`${gate.waived.length} waived`);
  if (gate.stats.workloads !== void 0) parts.push(`${gate.stats.workloads} workloads`);
  parts.push(`${gate.durationMs} ms`);
  return parts.join(" \xB7 ");
}
function groupByFile(findings) {
  const groups = /* @__PURE__ */ new Map();
  for (const finding of findings) {
    const key = finding.location?.file ?? "(no file)";
    const group = groups.get(key) ?? [];
    group.push(finding);
    groups.set(key, group);
  }
  return groups;
}

// src/report/json.ts
var jsonReporter = {
  format: "json",
  render: (report) => `${JSON.stringify(report, null, 2)}
`
};

// src/report/index.ts
var REPORTERS = new Map([consoleReporter, jsonReporter].map((reporter) => [reporter.format, reporter]));

// src/commands/check.ts
function planGates(positionals, flags, configured, configFile) {
  for (const id of positionals) {
    if (!GATES.has(id)) throw new UsageError(`unknown gate ${id}; known gates: ${[...GATES.keys()].join(", ")}`);
  }
  const ids = positionals.length > 0 ? [...new Set(positionals)] : Object.keys(configured);
  if (ids.length === 0) {
    throw new UsageError(
      `no gates to run: name one (resilience-gates check security-context --manifests 'deploy/**/*.yaml') or configure gates in ${configFile ?? ".resilience/gates.yaml"} (resilience-gates init)`
    );
  }
  return ids.map((id) => {
    const gate = GATES.get(id);
    const fromFlags = gate?.optionsFromFlags(flags);
    const options = fromFlags ?? configured[id];
    if (!options) {
      throw new UsageError(`gate ${id} has no inputs: give its flags (see --help) or configure gates.${id} in ${configFile ?? ".resilience/gates.yaml"}`);
    }
    return [id, options];
  });
}
function exitCodeFor(report, failOn) {
  if (report.verdict === "error") return EXIT.error;
  if (report.verdict === "block") return EXIT.block;
  if (report.verdict === "warn" && failOn === "warn") return EXIT.block;
  return EXIT.ok;
}
async function check(args) {
  const { values, positionals } = parseCommandLine(args, {
    config: { type: "string" },
    format: { type: "string", default: "console" },
    output: { type: "string" },
    "fail-on": { type: "string", default: "block" },
    now: { type: "string" },
    quiet: { type: "boolean" },
    verbose: { type: "boolean" },
    ...gateFlagOptions()
  });
  const format = String(values.format);
  const reporter = REPORTERS.get(format);
  if (!reporter) throw new UsageError(`unknown --format ${format}; one of ${[...REPORTERS.keys()].join(", ")}`);
  const failOn = values["fail-on"];
  if (failOn !== "block" && failOn !== "warn") throw new UsageError(`--fail-on must be block or warn, not ${String(failOn)}`);
  const now = values.now ? new Date(String(values.now)) : /* @__PURE__ */ new Date();
  if (Number.isNaN(now.getTime())) throw new UsageError(`--now ${String(values.now)} is not an ISO 8601 time`);
  const logger = createStderrLogger({ quiet: Boolean(values.quiet), verbose: Boolean(values.verbose) });
  const cwd = process.cwd();
  const config = loadConfig({ cwd, ...typeof values.config === "string" ? { config: values.config } : {} });
  const gates = planGates(positionals, values, config.gates, config.file);
  const bundle = await loadBundle(config, logger);
  const report = await runGates({ config, gates, now, logger }, bundle);
  const rendered = reporter.render(report, { color: !values.output && process.stdout.isTTY === true && !process.env.NO_COLOR });
  if (typeof values.output === "string") {
    const target = resolve(cwd, values.output);
    try {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, rendered);
    } catch (error) {
      throw new ConfigurationError(`cannot write --output ${values.output}: ${error.message}`);
    }
    logger.info(`report written to ${values.output}`);
    if (!values.quiet && format !== "console") process.stderr.write(REPORTERS.get("console")?.render(report, { color: false }) ?? "");
  } else {
    process.stdout.write(rendered);
  }
  return exitCodeFor(report, failOn);
}
export {
  check,
  exitCodeFor,
  planGates
};

import { writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { EXIT, gateFlagOptions, parseCommandLine, UsageError } from "../cli.js";
import { loadConfig } from "../config/load.js";
import { validate } from "../config/schemas.js";
import { ConfigurationError } from "../engine/errors.js";
import { createStderrLogger } from "../engine/logger.js";
import { displayPath, resolveInside } from "../sources/files.js";
import type { Baseline } from "../gates/slo/baseline.js";
import { baselineMeasurements, measureSlos, sloOptionsFromFlags, type SloOptions } from "../gates/slo/index.js";
import { makeDirectories } from "../engine/directories.js";

export const DEFAULT_BASELINE = ".resilience/slo-baseline.json";

export const BASELINE_HELP = `Usage: resilience-gates baseline save [options]

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

/** \`resilience-gates baseline save\`: writes an SLO baseline (schemas/slo-baseline.schema.json). */
export async function baseline(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "--help" || sub === "-h" || sub === undefined) {
    process.stdout.write(BASELINE_HELP);
    return sub === undefined ? EXIT.error : EXIT.ok;
  }
  if (sub !== "save") throw new UsageError(`unknown baseline command ${sub}; the only one is \`baseline save\` (see baseline --help)`);
  const { values, positionals } = parseCommandLine(rest, {
    config: { type: "string" },
    output: { type: "string" },
    quiet: { type: "boolean" },
    verbose: { type: "boolean" },
    ...gateFlagOptions(),
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}; see resilience-gates baseline --help`);
  const logger = createStderrLogger({ quiet: Boolean(values.quiet), verbose: Boolean(values.verbose) });
  const config = loadConfig({ cwd: process.cwd(), ...(typeof values.config === "string" ? { config: values.config } : {}) });
  const options = sloOptionsFromFlags(values) ?? (config.gates.slo as SloOptions | undefined);
  if (!options) throw new UsageError("baseline save needs the SLOs and a source: --slo F with --summary F, --prometheus URL or --metrics URL (or gates.slo in the config)");
  const problems = validate("gates", options, "$defs/slo");
  if (problems.length > 0) throw new ConfigurationError(`options of baseline save: ${problems.map((problem) => problem.message).join("; ")}`);
  const { measurer, measured } = await measureSlos({ workspace: config.workspace, logger, now: new Date() }, options);
  const document: Baseline = { version: 1, createdAt: new Date().toISOString(), source: measurer.describe, measurements: baselineMeasurements(measured) };
  const invalid = validate("slo-baseline", document);
  if (invalid.length > 0) throw new Error(`baseline does not match its own schema: ${invalid.map((problem) => problem.message).join("; ")}`);
  const output = typeof values.output === "string" ? values.output : DEFAULT_BASELINE;
  const target = resolveInside(config.workspace, output, "baseline output");
  try {
    makeDirectories(dirname(target));
    writeFileSync(target, `${JSON.stringify(document, null, 2)}\n`);
  } catch (error) {
    throw new ConfigurationError(`cannot write the baseline to ${output}: ${(error as Error).message}`);
  }
  logger.info(`baseline: ${document.measurements.length} measurements of ${new Set(measured.map((entry) => entry.slo.name)).size} SLOs from ${measurer.describe} written to ${displayPath(config.workspace, target)}`);
  return EXIT.ok;
}

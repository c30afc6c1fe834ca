import { writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { EXIT, gateFlagOptions, parseCommandLine, UsageError, type FlagValues } from "../cli.js";
import { loadConfig } from "../config/load.js";
import { ConfigurationError } from "../engine/errors.js";
import { createStderrLogger } from "../engine/logger.js";
import { loadBundle, runGates } from "../engine/run.js";
import type { Report } from "../engine/types.js";
import { GATES } from "../gates/registry.js";
import { attestRelease } from "../gates/release/attestation.js";
import { RELEASE_GATE } from "../gates/release/index.js";
import { REPORTERS } from "../report/index.js";
import { toolVersion } from "../report/links.js";
import { makeDirectories } from "../engine/directories.js";

export interface CheckRequest {
  gates: [string, Record<string, unknown>][];
  format: string;
  failOn: "block" | "warn";
}

/**
 * Without named gates, every configured gate runs, except that the release gate runs only on a tag ref:
 * on a pull request it has no tag to approve and would block every change.
 */
export function defaultGates(configured: Record<string, unknown>, env: NodeJS.ProcessEnv): string[] {
  const onTag = env.GITHUB_REF?.startsWith("refs/tags/") === true;
  return Object.keys(configured).filter((id) => id !== RELEASE_GATE || onTag);
}

/** Which gates run with which options: named gates or the configured ones, flags over config. */
export function planGates(
  positionals: readonly string[],
  flags: FlagValues,
  configured: Record<string, Record<string, unknown>>,
  configFile: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): [string, Record<string, unknown>][] {
  for (const id of positionals) {
    if (!GATES.has(id)) throw new UsageError(`unknown gate ${id}; known gates: ${[...GATES.keys()].join(", ")}`);
  }
  const ids = positionals.length > 0 ? [...new Set(positionals)] : defaultGates(configured, env);
  if (ids.length === 0) {
    throw new UsageError(
      `no gates to run: name one (resilience-gates check security-context --manifests 'deploy/**/*.yaml') or configure gates in ${configFile ?? ".resilience/gates.yaml"} (resilience-gates init)`,
    );
  }
  return ids.map((id) => {
    const gate = GATES.get(id);
    const fromFlags = gate?.optionsFromFlags(flags);
    const options = fromFlags ?? configured[id];
    if (!options) {
      throw new UsageError(`gate ${id} has no inputs: give its flags (see --help) or configure gates.${id} in ${configFile ?? ".resilience/gates.yaml"}`);
    }
    return [id, options as Record<string, unknown>];
  });
}

/**
 * `--files a.sql b.sql`: the words after a repeatable flag are more of its values until the next flag
 * or a gate id, as a shell glob expands them. parseArgs alone would take `b.sql` for a gate.
 */
export function spreadListFlags(args: readonly string[]): string[] {
  const repeatable = new Set([...GATES.values()].flatMap((gate) => gate.cliFlags.filter((flag) => flag.multiple).map((flag) => `--${flag.name}`)));
  const spread: string[] = [];
  let list: string | undefined;
  let awaitingValue = false;
  for (const arg of args) {
    if (arg === "--") {
      list = undefined;
      spread.push(arg);
    } else if (arg.startsWith("-")) {
      list = repeatable.has(arg) ? arg : undefined;
      awaitingValue = list !== undefined;
      spread.push(arg);
    } else if (list && !awaitingValue && !GATES.has(arg)) {
      spread.push(list, arg);
    } else {
      if (!awaitingValue) list = undefined;
      awaitingValue = false;
      spread.push(arg);
    }
  }
  return spread;
}

export function exitCodeFor(report: Report, failOn: "block" | "warn"): number {
  if (report.verdict === "error") return EXIT.error;
  if (report.verdict === "block") return EXIT.block;
  if (report.verdict === "warn" && failOn === "warn") return EXIT.block;
  return EXIT.ok;
}

export async function check(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(spreadListFlags(args), {
    config: { type: "string" },
    format: { type: "string", default: "console" },
    output: { type: "string" },
    "fail-on": { type: "string", default: "block" },
    now: { type: "string" },
    quiet: { type: "boolean" },
    verbose: { type: "boolean" },
    ...gateFlagOptions(),
  });
  const format = String(values.format);
  const reporter = REPORTERS.get(format);
  if (!reporter) throw new UsageError(`unknown --format ${format}; one of ${[...REPORTERS.keys()].join(", ")}`);
  const failOn = values["fail-on"];
  if (failOn !== "block" && failOn !== "warn") throw new UsageError(`--fail-on must be block or warn, not ${String(failOn)}`);
  const now = values.now ? new Date(String(values.now)) : new Date();
  if (Number.isNaN(now.getTime())) throw new UsageError(`--now ${String(values.now)} is not an ISO 8601 time`);
  const logger = createStderrLogger({ quiet: Boolean(values.quiet), verbose: Boolean(values.verbose) });

  const cwd = process.cwd();
  const config = loadConfig({ cwd, ...(typeof values.config === "string" ? { config: values.config } : {}) });
  const gates = planGates(positionals, values, config.gates, config.file);
  const bundle = await loadBundle(config, logger);
  const commandLineGates = gates.filter(([id]) => GATES.get(id)?.optionsFromFlags(values) !== undefined).map(([id]) => id);
  const githubToken = process.env.GITHUB_TOKEN || process.env.GH_TOKEN;
  const report = await runGates({ config, gates, now, logger, commandLineGates, ...(githubToken ? { githubToken } : {}) }, bundle);

  // Relative to the project directory, as in the action (schemas/gates.schema.json says so), not the working directory.
  attestRelease({ report, gates, bundleDigest: bundle.digest, now, base: config.workspace.base, version: toolVersion(), logger });

  const rendered = reporter.render(report, {
    color: !values.output && process.stdout.isTTY === true && !process.env.NO_COLOR,
    catalog: bundle.catalog,
  });
  if (typeof values.output === "string") {
    const target = resolve(cwd, values.output);
    try {
      makeDirectories(dirname(target));
      writeFileSync(target, rendered);
    } catch (error) {
      throw new ConfigurationError(`cannot write --output ${values.output}: ${(error as Error).message}`);
    }
    logger.info(`report written to ${values.output}`);
    if (!values.quiet && format !== "console") process.stderr.write(REPORTERS.get("console")?.render(report, { color: false }) ?? "");
  } else {
    process.stdout.write(rendered);
  }
  return exitCodeFor(report, failOn);
}

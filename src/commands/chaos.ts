import { standaloneWorkspace } from "../sources/files.js";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import type { KeyObject } from "node:crypto";
import { EXIT, parseCommandLine, UsageError, type FlagValues } from "../cli.js";
import { loadConfig } from "../config/load.js";
import { ConfigurationError } from "../engine/errors.js";
import { createStderrLogger } from "../engine/logger.js";
import { loadChaosConfig } from "../chaos/experiments.js";
import { CHAOS_RESULT_CONFIGMAP } from "../chaos/publish.js";
import { readResultFile, writeSignedResult, type ChaosResult } from "../chaos/result.js";
import { dryRun, runExperiment } from "../chaos/run.js";
import { publishSigned } from "../drill/publish.js";
import { loadSigningKey, PUBLIC_KEY_ENV, trustedKeysFrom } from "../drill/signing.js";
import { toolVersion } from "../report/links.js";

export const CHAOS_HELP = `Usage: resilience-gates chaos <command> [options]

Chaos experiments (.resilience/chaos.yaml, schemas/chaos.schema.json), run for real, with an Ed25519-signed
result (schemas/chaos-result.schema.json) for the chaos-readiness gate. Same keys as restore drills.

Commands:
  run [--chaos F] [--experiment NAME]... [--dry-run] [--key F] [--out DIR] [--quiet]
      for each experiment: k6 before the fault, the fault, k6 during it (aborted past the abort limit),
      the undo (also on failure and Ctrl-C, each undo listed), the recovery time, k6 after; then the
      signed result in DIR (default chaos-results/ beside .resilience/) as <experiment>-<time>.json.
      --dry-run lists what each experiment would touch, after the blast-radius checks, and changes nothing.
  verify FILE --public-key F
      exit 0 when the result's signature is valid and the experiment passed, 1 otherwise
  publish FILE [--context C] [--namespace NS] [--name N]
      create or replace the ConfigMap N (default chaos-result-<experiment>) labelled
      resilience-gates.io/chaos-result=<experiment>, for \`check chaos-readiness --cluster\`

Options of run:
  --chaos F      experiments file (default .resilience/chaos.yaml, or gates.chaos-readiness.experiments)
  --config F     gates config whose chaos-readiness options name the experiments file
  --key F        Ed25519 private key (PEM); default: $RESILIENCE_GATES_DRILL_KEY

Exit status: 0 every experiment passed, 1 one failed or was aborted (its result is still written), 2 error.
`;

function string(values: FlagValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === "string" ? value : undefined;
}

function strings(values: FlagValues, name: string): string[] {
  const value = values[name];
  return Array.isArray(value) ? value.map(String) : typeof value === "string" ? [value] : [];
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
}

function summary(result: ChaosResult, file: string): string {
  const verdict = result.result.toUpperCase();
  const sli = (phase: string) => {
    const records = result.slis.filter((record) => record.phase === phase);
    return records.length ? `${records.filter((record) => record.met).length}/${records.length} objectives met ${phase}` : `not measured ${phase}`;
  };
  const lines = [
    `${verdict} chaos experiment ${result.experiment} (${result.service}, ${result.fault.kind}): ${sli("before")}, ${sli("during")}, ${sli("after")}; recovery ${result.measured.recoverySeconds === null ? "not measured" : `${result.measured.recoverySeconds}s`}`,
    ...result.expectations.map((expectation) => `  ${expectation.observed ? "observed" : "NOT observed"}: ${expectation.description} (${expectation.detail})`),
    ...result.undone.map((record) => `  ${record.ok ? "undone" : "UNDO FAILED"}: ${record.what}${record.detail ? ` (${record.detail})` : ""}`),
    ...result.failures.map((failure) => `  - ${failure}`),
    `result written to ${file}`,
  ];
  return `${lines.join("\n")}\n`;
}

async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(args, {
    chaos: { type: "string" },
    config: { type: "string" },
    experiment: { type: "string", multiple: true },
    "dry-run": { type: "boolean" },
    key: { type: "string" },
    out: { type: "string" },
    quiet: { type: "boolean" },
    verbose: { type: "boolean" },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}\n${CHAOS_HELP}`);
  const logger = createStderrLogger({ quiet: Boolean(values.quiet), verbose: Boolean(values.verbose) });
  const gates = loadConfig({ cwd: process.cwd(), ...(string(values, "config") ? { config: string(values, "config") } : {}) });
  const fromConfig = (gates.gates["chaos-readiness"] as { experiments?: string } | undefined)?.experiments;
  const config = loadChaosConfig(gates.workspace, string(values, "chaos") ?? fromConfig);
  const wanted = strings(values, "experiment");
  for (const name of wanted) {
    if (!config.experiments.some((experiment) => experiment.name === name)) {
      throw new UsageError(`--experiment ${name}: ${config.file} has no such experiment (it has ${config.experiments.map((experiment) => experiment.name).join(", ")})`);
    }
  }
  const chosen = wanted.length ? config.experiments.filter((experiment) => wanted.includes(experiment.name)) : config.experiments;
  if (values["dry-run"]) {
    for (const experiment of chosen) {
      const touched = await dryRun(config, experiment);
      process.stdout.write(
        `${experiment.name} (${experiment.target}, ${experiment.fault.kind}) would touch:\n${touched.map((item) => `  ${item.kind} ${item.namespace ? `${item.namespace}/` : ""}${item.name}: ${item.action}`).join("\n")}\n`,
      );
    }
    return EXIT.ok;
  }
  // Load the key first: an experiment whose result cannot be signed is not worth running.
  const key: KeyObject = loadSigningKey(string(values, "key"));
  // --out is relative to the working directory, like every path given on the command line; the default is
  // beside .resilience/.
  const given = string(values, "out");
  const out = given ? resolve(given) : resolve(gates.workspace.base, "chaos-results");
  const version = toolVersion();
  let failed = 0;
  for (const experiment of chosen) {
    const result = await runExperiment(config, experiment, { logger, version });
    const file = join(out, `${experiment.name}-${stamp(new Date(result.times.finishedAt))}.json`);
    writeSignedResult(result, key, file);
    process.stdout.write(summary(result, file));
    if (result.result !== "passed") failed++;
  }
  return failed ? EXIT.block : EXIT.ok;
}

function verify(args: string[]): number {
  const { values, positionals } = parseCommandLine(args, { "public-key": { type: "string", multiple: true } });
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new UsageError("chaos verify needs exactly one result FILE and --public-key F");
  const trusted = trustedKeysFrom(strings(values, "public-key"));
  if (trusted.length === 0) throw new UsageError(`chaos verify needs --public-key F (or ${PUBLIC_KEY_ENV})`);
  if (!existsSync(file)) throw new ConfigurationError(`result ${file} does not exist`);
  const read = readResultFile(standaloneWorkspace(resolve(file)), resolve(file), file, trusted);
  if (!read.ok) {
    process.stdout.write(`INVALID ${read.location.file}:${read.location.line}: ${read.message}\n`);
    return EXIT.block;
  }
  const { proof: result, signature } = read;
  if (signature.status !== "valid") {
    process.stdout.write(`${signature.status === "missing" ? "UNSIGNED" : "TAMPERED"} ${file}: ${signature.detail}\n`);
    return EXIT.block;
  }
  process.stdout.write(`${result.result === "passed" ? "VALID" : result.result.toUpperCase()} ${file}: ${signature.detail}; ${result.experiment} ${result.result} at ${result.times.finishedAt}${result.failures.length ? `; ${result.failures.join("; ")}` : ""}\n`);
  return result.result === "passed" ? EXIT.ok : EXIT.block;
}

async function publish(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(args, { context: { type: "string" }, namespace: { type: "string" }, name: { type: "string" } });
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new UsageError("chaos publish needs exactly one result FILE");
  const published = await publishSigned(
    resolve(file),
    file,
    {
      ...(string(values, "context") ? { context: string(values, "context") } : {}),
      ...(string(values, "namespace") ? { namespace: string(values, "namespace") } : {}),
      ...(string(values, "name") ? { name: string(values, "name") } : {}),
    },
    CHAOS_RESULT_CONFIGMAP,
  );
  process.stdout.write(`published ${file} (experiment ${published.value}) as ConfigMap ${published.namespace}/${published.name}\n`);
  return EXIT.ok;
}

/** `resilience-gates chaos ...`. */
export async function chaos(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case "run":
      return run(rest);
    case "verify":
      return verify(rest);
    case "publish":
      return publish(rest);
    case "--help":
    case "-h":
      process.stdout.write(CHAOS_HELP);
      return EXIT.ok;
    case undefined:
      process.stdout.write(CHAOS_HELP);
      return EXIT.error;
    default:
      throw new UsageError(`unknown chaos command ${sub}\n${CHAOS_HELP}`);
  }
}

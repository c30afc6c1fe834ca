import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { ConfigurationError } from "../../engine/errors.js";
import type { GateContext } from "../../engine/gate.js";
import { parseGoDuration } from "../../sources/duration.js";
import { displayPath, resolveInside } from "../../sources/files.js";
import { runK6, type K6RunRequest, type K6RunResult } from "../../sources/k6.js";
import { flagList } from "../flag-values.js";

/** How a gate runs k6 itself (`--script` and `--target`); shared by load-budget and slo. */
export interface K6RunOptions {
  script: string;
  target: string;
  /** The `-e` variable the script reads its base URL from (default BASE_URL). */
  targetEnv?: string;
  /** More `-e` variables for the script. */
  env?: Record<string, string>;
  /** More k6 run arguments (for example `--vus=5`); flags that disable thresholds or the summary are refused. */
  args?: string[];
  /** A k6 binary instead of .tools/bin/k6. */
  k6?: string;
  /** xk6 extensions the script needs; the k6 binary must carry them. */
  extensions?: string[];
  /** Longest the run may take (Go duration, default 30m). */
  timeout?: string;
  /** Keep the run's summary export here. */
  saveSummary?: string;
}


/** The run options given by --script, --target, --k6, --k6-env and --save-summary; undefined without --script/--target. */
export function k6RunFromFlags(flags: Record<string, unknown>): K6RunOptions | undefined {
  const script = typeof flags.script === "string" ? flags.script : undefined;
  const target = typeof flags.target === "string" ? flags.target : undefined;
  if (!script && !target) return undefined;
  const env: Record<string, string> = {};
  for (const pair of flagList(flags["k6-env"])) {
    const equals = pair.indexOf("=");
    if (equals <= 0) throw new ConfigurationError(`--k6-env ${pair} is not KEY=VALUE`);
    env[pair.slice(0, equals)] = pair.slice(equals + 1);
  }
  return {
    script: script ?? "",
    target: target ?? "",
    ...(Object.keys(env).length ? { env } : {}),
    ...(typeof flags.k6 === "string" ? { k6: flags.k6 } : {}),
    ...(flagList(flags["k6-extension"]).length ? { extensions: flagList(flags["k6-extension"]) } : {}),
    ...(typeof flags["save-summary"] === "string" ? { saveSummary: flags["save-summary"] } : {}),
  };
}

export async function runScript(
  context: GateContext,
  gate: string,
  run: K6RunOptions,
  tag: string,
  endpoints: readonly string[],
  trendStats: readonly string[] = [],
  hooks: Pick<K6RunRequest, "thresholds" | "afterSetup"> = {},
): Promise<K6RunResult> {
  if (!run.script || !run.target) {
    throw new ConfigurationError(`${gate}: a k6 run needs both --script F and --target URL (gates.${gate}.script and .target); give both, or judge an existing --summary F`);
  }
  let target: URL;
  try {
    target = new URL(run.target);
  } catch {
    throw new ConfigurationError(`${gate}: target ${run.target} is not a URL; give the base URL of the service, like http://127.0.0.1:8080`);
  }
  if (target.protocol !== "http:" && target.protocol !== "https:") throw new ConfigurationError(`${gate}: target ${run.target} must be an http:// or https:// URL`);
  const script = resolveInside(context.workspace, run.script, "k6 script");
  if (!existsSync(script)) throw new ConfigurationError(`${gate}: k6 script ${run.script} does not exist`);
  const timeoutSeconds = run.timeout === undefined ? 1800 : parseGoDuration(run.timeout);
  if (timeoutSeconds === undefined || timeoutSeconds <= 0) throw new ConfigurationError(`${gate}: timeout ${run.timeout} is not a duration like 90s or 30m`);
  const summaryFile = run.saveSummary ? resolveInside(context.workspace, run.saveSummary, "summary output") : undefined;
  return runK6({
    script,
    scriptShown: displayPath(context.workspace, script),
    target: run.target,
    targetEnv: run.targetEnv ?? "BASE_URL",
    tag,
    endpoints,
    trendStats,
    ...(run.env ? { env: run.env } : {}),
    ...(run.args ? { args: run.args } : {}),
    ...(run.k6 ? { k6Path: resolve(context.workspace.base, run.k6) } : {}),
    ...(run.extensions ? { extensions: run.extensions } : {}),
    ...(summaryFile ? { summaryFile, summaryShown: displayPath(context.workspace, summaryFile) } : {}),
    ...hooks,
    timeoutMs: timeoutSeconds * 1000,
    cwd: context.workspace.root,
    logger: context.logger,
  });
}

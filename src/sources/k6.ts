/**
 * k6 end-of-test summaries, in both shapes k6 writes them, and the real k6 run that produces one.
 *
 * - `k6 run --summary-export F`: flat statistics per metric, and `thresholds: {"p(95)<300": true}` where
 *   `true` means the threshold FAILED (inverted); rate metrics carry `passes`/`fails`/`value`.
 * - handleSummary data (`JSON.stringify(data)`): `{type, contains, values: {...}, thresholds: {expr: {ok}}}`.
 *
 * Both normalise to the same `K6Summary`, with `passed` meaning passed. The third shape of k6 v1.8, the
 * "new machine-readable summary" (`--new-machine-readable-summary`, `{version, config, metadata, results}`),
 * carries neither threshold results nor p(99), so it is refused with a message saying what to write instead. Per-tag submetrics
 * (`http_req_duration{endpoint:create-payment}`) only exist in a summary when a threshold names them,
 * so the runner adds a never-failing threshold for every submetric the gates read.
 */
import { mkdtempSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { CollectorError, ConfigurationError } from "../engine/errors.js";
import type { Logger } from "../engine/logger.js";
import type { SourceLocation } from "../engine/types.js";
import { redactSecrets, redactUrl } from "./credentials.js";
import { standaloneWorkspace, type Workspace } from "./files.js";
import { readJsonFile, type JsonFile } from "./json.js";
import { pinnedVersion, runProcess, resolveTool } from "./tools.js";
import type { PathSegment } from "./yaml.js";
import { freePort } from "./ports.js";

export type K6SummaryShape = "summary-export" | "handleSummary";

export interface K6Threshold {
  expression: string;
  passed: boolean;
}

export interface K6Metric {
  /** The key as written in the summary, for example `http_req_duration{endpoint:create-payment}`. */
  key: string;
  name: string;
  tags: Readonly<Record<string, string>>;
  values: Readonly<Record<string, number>>;
  thresholds: readonly K6Threshold[];
}

export interface K6Summary {
  file: string;
  shape: K6SummaryShape;
  durationMs: number | null;
  metrics: readonly K6Metric[];
  /** Where a metric (or one of its thresholds) is written in the summary file. */
  locate(path: readonly PathSegment[]): SourceLocation;
}

/** The trend statistics every gate run asks k6 for; p(99) is not in k6's default set. */
export const TREND_STATS = ["avg", "min", "med", "max", "p(90)", "p(95)", "p(99)"] as const;

const HINT = "expected the JSON k6 writes with `k6 run --summary-export F` or from handleSummary (`JSON.stringify(data)`)";

export function readK6Summary(workspace: Workspace, absolute: string, shown: string): K6Summary {
  return parseK6Summary(readJsonFile(workspace, absolute, shown));
}

export function parseK6Summary(json: JsonFile): K6Summary {
  const at = (path: readonly PathSegment[]): SourceLocation => json.locate(path);
  const root = json.value;
  if (isObject(root) && isObject(root.results) && typeof root.version === "string") {
    throw new ConfigurationError(
      `this is k6's new machine-readable summary (--new-machine-readable-summary or K6_NEW_MACHINE_READABLE_SUMMARY, schema ${root.version}), which has no threshold results and no p(99); write the summary without it (\`k6 run --summary-export F\`) or let the gate run k6`,
      at(["results"]),
    );
  }
  if (!isObject(root) || !isObject(root.metrics)) {
    throw new ConfigurationError(`not a k6 summary: there is no top-level \`metrics\` object; ${HINT}`, at([]));
  }
  const entries = Object.entries(root.metrics);
  if (entries.length === 0) throw new ConfigurationError(`the k6 summary has no metrics: the run made no requests; ${HINT}`, at(["metrics"]));
  const nested = entries.filter(([, value]) => isObject(value) && isObject(value.values)).length;
  if (nested !== 0 && nested !== entries.length) {
    throw new ConfigurationError(`the k6 summary mixes the handleSummary shape (with \`values\`) and the --summary-export shape; ${HINT}`, at(["metrics"]));
  }
  const shape: K6SummaryShape = nested > 0 ? "handleSummary" : "summary-export";
  const metrics = entries.map(([key, raw]): K6Metric => {
    if (!isObject(raw)) throw new ConfigurationError(`metric ${key} is not an object; ${HINT}`, at(["metrics", key]));
    const { name, tags } = parseMetricKey(key, () => at(["metrics", key]));
    const source = shape === "handleSummary" ? (raw.values as Record<string, unknown>) : raw;
    const values: Record<string, number> = {};
    const statPath = (stat: string): PathSegment[] => (shape === "handleSummary" ? ["metrics", key, "values", stat] : ["metrics", key, stat]);
    for (const [stat, value] of Object.entries(source)) {
      if (stat === "thresholds" || (shape === "summary-export" && (stat === "type" || stat === "contains"))) continue;
      if (typeof value === "number" && Number.isFinite(value)) values[stat] = value;
      else if (typeof value === "number") {
        throw new ConfigurationError(`metric ${key}: statistic ${stat} is ${String(value)}, which no k6 run writes; the summary cannot be a real k6 run`, at(statPath(stat)));
      } else if (value !== null) {
        throw new ConfigurationError(`metric ${key}: statistic ${stat} is ${JSON.stringify(value)}, expected a number; ${HINT}`, at(statPath(stat)));
      }
    }
    const impossible = impossibleStatistic(name, values);
    if (impossible) throw new ConfigurationError(`metric ${key}: ${impossible}; the summary cannot be a real k6 run`, at(statPath(impossible.split(" ")[1] ?? "")));
    const thresholds: K6Threshold[] = [];
    if (raw.thresholds !== undefined) {
      if (!isObject(raw.thresholds)) throw new ConfigurationError(`metric ${key}: thresholds is not an object; ${HINT}`, at(["metrics", key, "thresholds"]));
      for (const [expression, result] of Object.entries(raw.thresholds)) {
        const where = (): SourceLocation => at(["metrics", key, "thresholds", expression]);
        if (shape === "summary-export") {
          // --summary-export writes `true` for a threshold that FAILED.
          if (typeof result !== "boolean") throw new ConfigurationError(`threshold ${expression} of ${key} is ${JSON.stringify(result)}, expected true or false; ${HINT}`, where());
          thresholds.push({ expression, passed: !result });
        } else {
          if (!isObject(result) || typeof result.ok !== "boolean") throw new ConfigurationError(`threshold ${expression} of ${key} has no boolean \`ok\`; ${HINT}`, where());
          thresholds.push({ expression, passed: result.ok });
        }
      }
    }
    return { key, name, tags, values, thresholds };
  });
  const state = isObject(root.state) ? root.state : undefined;
  const durationMs = typeof state?.testRunDurationMs === "number" ? state.testRunDurationMs : null;
  return { file: json.file, shape, durationMs, metrics, locate: at };
}

/** k6's own metrics, whose values cannot be negative (a custom Gauge or Trend may be). */
const BUILT_IN = /^(http_req_[a-z_]+|http_reqs|iterations|iteration_duration|group_duration|data_sent|data_received|vus|vus_max|checks|dropped_iterations|grpc_req_duration|ws_[a-z_]+)$/;
const ORDERED_STATS: readonly (readonly string[])[] = [
  ["min", "med", "max"],
  ["min", "avg", "max"],
  ["p(90)", "p(95)", "p(99)", "max"],
  ["min", "p(90)"],
];

/**
 * What makes a metric's statistics impossible, as "statistic NAME is ..." (the second word names the
 * statistic): a negative count, a rate outside 0..1, a negative value of a built-in metric, or trend
 * statistics out of order (a p(95) above the max). Undefined when they could be real.
 */
export function impossibleStatistic(name: string, values: Readonly<Record<string, number>>): string | undefined {
  for (const stat of ["count", "passes", "fails"]) {
    const value = values[stat];
    if (value !== undefined && (value < 0 || !Number.isInteger(value))) return `statistic ${stat} is ${value}, but a count is a whole number of at least 0`;
  }
  for (const stat of ["rate", "value"]) {
    const value = values[stat];
    if (value === undefined || !BUILT_IN.test(name)) continue;
    if (value < 0) return `statistic ${stat} is ${value}, but ${name} cannot be negative`;
    if ((name === "http_req_failed" || name === "checks") && value > 1) return `statistic ${stat} is ${value}, but ${name} is a share between 0 and 1`;
  }
  if (BUILT_IN.test(name)) {
    for (const [stat, value] of Object.entries(values)) if (value < 0) return `statistic ${stat} is ${value}, but ${name} cannot be negative`;
  }
  for (const order of ORDERED_STATS) {
    const present = order.filter((stat) => values[stat] !== undefined);
    for (let i = 1; i < present.length; i++) {
      const low = present[i - 1] as string;
      const high = present[i] as string;
      // k6 rounds nothing, but a hand-made summary may: allow one part in a million.
      if ((values[low] as number) > (values[high] as number) * (1 + 1e-6) + 1e-9) {
        return `statistic ${low} is ${values[low]}, above ${high} (${values[high]}): trend statistics out of order`;
      }
    }
  }
  return undefined;
}

/** `http_req_duration{endpoint:create-payment,method:GET}` -> name and tags. */
function parseMetricKey(key: string, location: () => SourceLocation): { name: string; tags: Record<string, string> } {
  const match = /^([^{}]+?)(?:\{(.*)\})?$/.exec(key);
  if (!match) throw new ConfigurationError(`metric key ${key} is not \`name\` or \`name{tag:value,...}\``, location());
  const tags: Record<string, string> = {};
  for (const part of (match[2] ?? "").split(",")) {
    if (!part.trim()) continue;
    const colon = part.indexOf(":");
    if (colon === -1) throw new ConfigurationError(`metric key ${key}: tag ${part.trim()} is not \`tag:value\``, location());
    tags[part.slice(0, colon).trim()] = part.slice(colon + 1).trim();
  }
  return { name: (match[1] as string).trim(), tags };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Refuses summaries no gate can judge: one made with thresholds disabled (`--no-thresholds` or
 * K6_NO_THRESHOLDS: no metric carries a threshold), and one of a run whose target never answered (requests
 * made, zero bytes received), which would otherwise read as fast.
 */
export function requireJudgeable(summary: K6Summary): void {
  if (!summary.metrics.some((metric) => metric.thresholds.length > 0)) {
    throw new CollectorError(
      `${summary.file} has no thresholds at all: the run was made with --no-thresholds (or K6_NO_THRESHOLDS), or its script has none, so k6 judged nothing. Run it again with thresholds, or let the gate run k6 (--script F --target URL), which adds the per-endpoint ones`,
      summary.locate(["metrics"]),
    );
  }
  const requests = summary.metrics.find((metric) => metric.key === "http_reqs")?.values.count ?? 0;
  const received = summary.metrics.find((metric) => metric.key === "data_received")?.values.count;
  if (requests > 0 && received === 0) {
    throw new CollectorError(
      `the target never answered: k6 made ${requests} requests and received 0 bytes (${summary.file}); check that the service is up and the target URL is right`,
      summary.locate(["metrics", "data_received"]),
    );
  }
}

/** The metric `name` whose tags are exactly `{tag: value}`, or undefined. */
export function findSubmetric(summary: K6Summary, name: string, tag: string, value: string): K6Metric | undefined {
  return summary.metrics.find((metric) => metric.name === name && Object.keys(metric.tags).length === 1 && metric.tags[tag] === value);
}

/** What one endpoint (the requests carrying one value of a k6 tag) measured; null where k6 wrote nothing. */
export interface EndpointMeasurement {
  endpoint: string;
  /** Requests made (http_reqs count). */
  samples: number | null;
  /** Trend statistics of http_req_duration in milliseconds, by name (`p(95)`, `max`, ...). */
  durationMs: Readonly<Record<string, number>>;
  /** Requests k6 counted as failed (http_req_failed) and their share of all. */
  errors: number | null;
  errorRate: number | null;
  /** Requests per second over the whole test run. */
  throughputRps: number | null;
}

export function measureEndpoint(summary: K6Summary, tag: string, endpoint: string): EndpointMeasurement {
  const duration = findSubmetric(summary, "http_req_duration", tag, endpoint);
  const failed = findSubmetric(summary, "http_req_failed", tag, endpoint);
  const reqs = findSubmetric(summary, "http_reqs", tag, endpoint);
  // --summary-export: Rate has passes (non-zero values: failed requests) and fails; handleSummary: rate, passes, fails.
  const failedCount = failed?.values.passes ?? null;
  const okCount = failed?.values.fails ?? null;
  const fromRate = failedCount !== null && okCount !== null ? failedCount + okCount : null;
  const samples = reqs?.values.count ?? fromRate;
  const errorRate = failed ? (failed.values.value ?? failed.values.rate ?? (fromRate ? (failedCount as number) / fromRate : null)) : null;
  const throughput = reqs?.values.rate ?? (samples !== null && summary.durationMs ? samples / (summary.durationMs / 1000) : null);
  return {
    endpoint,
    samples,
    durationMs: duration?.values ?? {},
    errors: failedCount ?? (errorRate !== null && samples !== null ? Math.round(errorRate * samples) : null),
    errorRate,
    throughputRps: throughput,
  };
}

/** k6's documented exit codes for a run that broke (99, thresholds failed, is judged, not an error). */
const EXIT_CODES: Readonly<Record<number, string>> = {
  97: "cloud test failed",
  98: "cloud test failed",
  100: "setup() timed out",
  101: "teardown() timed out",
  102: "generic timeout",
  103: "generic engine error",
  104: "invalid configuration",
  105: "aborted from outside",
  106: "cannot start the REST API",
  107: "script exception",
  108: "script aborted with test.abort()",
  109: "Go panic",
  110: "marked as failed",
};

export const K6_THRESHOLDS_FAILED = 99;

export interface K6RunRequest {
  /** Absolute path of the k6 script. */
  script: string;
  /** Shown path of the script, for messages. */
  scriptShown: string;
  target: string;
  /** The `-e` variable the script reads its base URL from (BASE_URL). */
  targetEnv: string;
  /** The tag whose values are endpoints, and the endpoints to measure. */
  tag: string;
  endpoints: readonly string[];
  /** Extra trend statistics besides TREND_STATS (for example `p(99.9)`). */
  trendStats?: readonly string[];
  env?: Readonly<Record<string, string>>;
  args?: readonly string[];
  /** A k6 binary instead of the one in .tools/bin (an xk6 build, say). */
  k6Path?: string;
  /** Extensions the script needs, as xk6 names them (`github.com/grafana/xk6-faker` or `...@v0.4.3`): the binary must carry them. */
  extensions?: readonly string[];
  /** Keep the summary here (absolute) instead of a temporary file. */
  summaryFile?: string;
  summaryShown?: string;
  timeoutMs: number;
  cwd: string;
  logger: Logger;
  progressIntervalMs?: number;
  /** More thresholds, kept beside the script's own for the same metric (abort limits with abortOnFail, say). */
  thresholds?: Readonly<Record<string, readonly unknown[]>>;
  /** Runs once the script's setup() has returned and before its scenarios start; the run waits for it. */
  afterSetup?: () => Promise<void>;
}

export interface K6RunResult {
  exitCode: number;
  summary: K6Summary;
}

/** Flags and variables that would make k6 judge nothing or write no summary. */
const REFUSED_ARGS = ["--no-thresholds", "--no-summary", "--summary-export", "--new-machine-readable-summary", "--summary-mode", "--address", "-a", "--out", "-o", "--include-system-env-vars"];
const REFUSED_ENV = ["K6_NO_THRESHOLDS", "K6_NO_SUMMARY"];
/** Variables that would change the summary export's shape or destination; the gate's run does without them. */
const CLEARED_ENV = ["K6_NEW_MACHINE_READABLE_SUMMARY", "K6_SUMMARY_EXPORT", "K6_SUMMARY_MODE", "K6_SUMMARY_TREND_STATS", "K6_INCLUDE_SYSTEM_ENV_VARS"];

/**
 * k6's whole environment, which is also the script's __ENV: the target, and the runner's K6_* options
 * except those that change the summary or look like a credential (K6_CLOUD_TOKEN). Nothing else of the
 * runner's environment (tokens, the action's inputs, PATH, HOME) reaches k6 or the script.
 */
export function k6Environment(runner: NodeJS.ProcessEnv, targetEnv: string, target: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(runner)) {
    if (!name.startsWith("K6_") || [...REFUSED_ENV, ...CLEARED_ENV].includes(name) || SECRET_NAME.test(name)) continue;
    env[name] = value;
  }
  return { ...env, K6_NO_USAGE_REPORT: "true", [targetEnv]: target };
}

const SECRET_NAME = /pass|secret|token|key|auth/i;

/**
 * Runs the real k6 on `script` against `target`, with per-endpoint submetrics, p(99) and a summary
 * export, printing progress (elapsed, requests, errors) from k6's REST API while it runs. Exit 0 and 99
 * return the summary; any other exit code is a CollectorError with k6's own message.
 */
export async function runK6(request: K6RunRequest): Promise<K6RunResult> {
  for (const arg of request.args ?? []) {
    const flag = arg.split("=")[0] as string;
    if (REFUSED_ARGS.includes(flag)) {
      throw new ConfigurationError(
        `k6 argument ${arg} is not allowed: the gate needs k6's thresholds and its own summary export, sets --address itself, and keeps the runner's environment (tokens) out of the script's __ENV; remove it from args and pass variables with env:`,
      );
    }
  }
  for (const name of REFUSED_ENV) {
    const value = process.env[name] ?? request.env?.[name];
    if (value !== undefined && value !== "" && value !== "false") {
      throw new ConfigurationError(`${name}=${value} is set: k6 would run without thresholds or summary and the gate could not judge the run; unset ${name}`);
    }
  }
  const k6 = request.k6Path ?? resolveTool("k6", request.cwd);
  await checkVersion(k6, request);
  const scratch = mkdtempSync(join(tmpdir(), "resilience-gates-k6-"));
  try {
    const summaryFile = request.summaryFile ?? join(scratch, "summary.json");
    rmSync(summaryFile, { force: true });
    const wrapper = join(scratch, "wrapper.js");
    writeFileSync(wrapper, wrapperModule(request));
    const port = await freePort();
    const sync = request.afterSetup ? await startSyncServer(request.afterSetup) : undefined;
    const stats = [...new Set([...TREND_STATS, ...(request.trendStats ?? [])])];
    const args = [
      "run",
      "--quiet",
      "--no-color",
      "--log-format=json",
      // The script is PR content: k6 gets an environment of its own (below), not the runner's, and that is
      // what __ENV shows; the target travels in it because it may carry a password, which argv would show.
      "--include-system-env-vars=true",
      `--address=127.0.0.1:${port}`,
      `--summary-export=${summaryFile}`,
      `--summary-trend-stats=${stats.join(",")}`,
      ...(sync ? ["-e", `${SYNC_ENV}=${sync.url}`] : []),
      ...Object.entries(request.env ?? {}).flatMap(([key, value]) => ["-e", `${key}=${value}`]),
      ...(request.args ?? []),
      wrapper,
    ];
    request.logger.info(`k6: running ${request.scriptShown} against ${redactUrl(request.target)}`);
    const env = k6Environment(process.env, request.targetEnv, request.target);
    const started = Date.now();
    const progress = startProgress(port, started, request.logger, request.progressIntervalMs ?? 2000);
    let run;
    try {
      run = await runProcess(k6, args, { cwd: request.cwd, env, timeoutMs: request.timeoutMs });
    } finally {
      progress.stop();
      await sync?.close();
    }
    if (sync?.failure) throw sync.failure;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (run.exitCode !== 0 && run.exitCode !== K6_THRESHOLDS_FAILED) {
      const meaning = EXIT_CODES[run.exitCode] ?? "k6 failed";
      throw new CollectorError(`k6 exited with code ${run.exitCode} (${meaning}) after ${seconds}s running ${request.scriptShown} against ${redactUrl(request.target)}: ${k6Message(run.stderr)}`);
    }
    if (!existsSync(summaryFile)) {
      throw new CollectorError(`k6 exited with code ${run.exitCode} but wrote no summary to ${request.summaryShown ?? summaryFile}: ${k6Message(run.stderr)}`);
    }
    const summary = readK6Summary(standaloneWorkspace(summaryFile), summaryFile, request.summaryShown ?? "k6 summary");
    request.logger.info(`k6: finished in ${seconds}s with exit code ${run.exitCode}${run.exitCode === K6_THRESHOLDS_FAILED ? " (thresholds failed)" : ""}`);
    return { exitCode: run.exitCode, summary };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Summaries are read as the pinned k6 writes them. Another version (a configured binary, say) still runs,
 * with a warning naming both versions; a binary that is not k6 at all is an error, and so is one that
 * lacks an extension the config declares (k6 would fail on the script's first import of it, mid-run).
 */
async function checkVersion(k6: string, request: K6RunRequest): Promise<void> {
  const run = await runProcess(k6, ["version", "--json"], { cwd: request.cwd, timeoutMs: 30_000 });
  const details = parseVersionDetails(run.stdout);
  if (run.exitCode !== 0 || !details) {
    throw new ConfigurationError(`${k6} is not a k6 binary: \`${k6} version --json\` printed ${JSON.stringify((run.stdout + run.stderr).trim().slice(0, 200))}`);
  }
  const pinned = pinnedVersion("k6");
  if (pinned && details.version !== pinned) {
    request.logger.warn(`k6 ${details.version} at ${k6} is not the pinned ${pinned} (scripts/tool-versions.tsv); its summary is read as ${pinned} writes it`);
  }
  for (const declared of request.extensions ?? []) {
    const [module, version] = declared.split("@") as [string, string | undefined];
    const found = details.extensions.find((extension) => extension.module === module);
    const carried = details.extensions.map((extension) => `${extension.module}@${extension.version}`).join(", ") || "none";
    if (!found) {
      throw new ConfigurationError(
        `the k6 at ${k6} lacks the extension ${module} that the config declares (it carries ${carried}); build one with xk6 (\`xk6 build ${pinned ?? ""} --with ${declared}\`) and give it as k6: / --k6`,
      );
    }
    if (version && found.version !== version) {
      throw new ConfigurationError(`the k6 at ${k6} carries ${module}@${found.version}, not the declared ${declared}; rebuild it with xk6 --with ${declared}`);
    }
  }
}

export interface K6VersionDetails {
  version: string;
  extensions: { module: string; version: string }[];
}

/** `k6 version --json`: `{"version":"v1.8.1", ..., "extensions":[{"module":..., "version":..., "imports":[...]}]}`. */
export function parseVersionDetails(stdout: string): K6VersionDetails | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdout);
  } catch {
    return undefined;
  }
  if (!isObject(parsed) || typeof parsed.version !== "string" || !/^v\d+\.\d+\.\d+/.test(parsed.version)) return undefined;
  const extensions = Array.isArray(parsed.extensions) ? parsed.extensions.filter(isObject) : [];
  return {
    version: parsed.version,
    extensions: extensions.map((extension) => ({ module: String(extension.module ?? ""), version: String(extension.version ?? "") })),
  };
}

/**
 * A module that re-exports the user's script with thresholds added for the per-endpoint submetrics the
 * gate reads; the script's own thresholds are kept (and judged). The added ones can never fail.
 */
function wrapperModule(request: K6RunRequest): string {
  const url = JSON.stringify(pathToFileURL(request.script).href);
  const extra: Record<string, string[]> = {};
  for (const endpoint of request.endpoints) {
    const tags = `{${request.tag}:${endpoint}}`;
    extra[`http_req_duration${tags}`] = ["max>=0"];
    extra[`http_req_failed${tags}`] = ["rate>=0"];
    extra[`http_reqs${tags}`] = ["count>=0"];
  }
  // A local export shadows the script's setup of the same name that `export *` would re-export.
  const setup = request.afterSetup
    ? `import http from "k6/http";
export function setup() {
  const data = typeof script.setup === "function" ? script.setup() : undefined;
  const answer = http.get(__ENV.${SYNC_ENV}, { timeout: "600s", tags: { ${JSON.stringify(request.tag)}: "resilience-gates-sync" } });
  if (answer.status !== 200) throw new Error("resilience-gates: the step after setup() failed: " + answer.body);
  return data;
}
`
    : "";
  return `// Written by resilience-gates for one run; re-exports ${request.scriptShown}.
import * as script from ${url};
export * from ${url};
${setup}const base = script.options || {};
const added = ${JSON.stringify(extra)};
const more = ${JSON.stringify(request.thresholds ?? {})};
const thresholds = Object.assign({}, base.thresholds || {});
for (const key of Object.keys(added)) if (!(key in thresholds)) thresholds[key] = added[key];
for (const key of Object.keys(more)) thresholds[key] = (thresholds[key] || []).concat(more[key]);
export const options = Object.assign({}, base, { thresholds });
export default script.default;
`;
}

const SYNC_ENV = "RESILIENCE_GATES_SYNC_URL";

/** A loopback server the wrapper's setup() calls: it runs `step` and answers 200, or 500 when the step threw. */
async function startSyncServer(step: () => Promise<void>): Promise<{ url: string; failure: Error | undefined; close(): Promise<void> }> {
  const { createServer } = await import("node:http");
  const state: { url: string; failure: Error | undefined; close(): Promise<void> } = { url: "", failure: undefined, close: async () => {} };
  let ran = false;
  const server = createServer((_request, response) => {
    if (ran) {
      response.writeHead(409).end("already ran");
      return;
    }
    ran = true;
    step().then(
      () => response.writeHead(200).end("ok"),
      (error: unknown) => {
        state.failure = error instanceof Error ? error : new Error(String(error));
        response.writeHead(500).end(state.failure.message);
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  state.url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/after-setup`;
  state.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}

/** k6's error lines (JSON log format), or the tail of its output. */
export function k6Message(stderr: string): string {
  const errors: string[] = [];
  const other: string[] = [];
  for (const line of stderr.split("\n")) {
    if (!line.trim()) continue;
    try {
      const entry = JSON.parse(line) as { level?: string; msg?: string; error?: string };
      if (entry.level === "error" || entry.level === "fatal") errors.push([entry.msg, entry.error].filter(Boolean).join(": "));
      else if (entry.msg) other.push(entry.msg);
    } catch {
      other.push(line.trim());
    }
  }
  const chosen = errors.length > 0 ? errors : other.slice(-3);
  // k6 quotes the URLs it requested, credentials included.
  return chosen.length > 0 ? redactSecrets(chosen.join("; ").replace(/\s*\n\s*/g, " ")) : "k6 printed nothing";
}


/** Polls k6's REST API (GET /v1/metrics/<name>) and logs elapsed time, requests and errors. */
function startProgress(port: number, started: number, logger: Logger, intervalMs: number): { stop(): void } {
  let stopped = false;
  const sample = async (name: string): Promise<Record<string, number> | undefined> => {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/v1/metrics/${name}`, { signal: AbortSignal.timeout(1000) });
      if (!response.ok) return undefined;
      const body = (await response.json()) as { data?: { attributes?: { sample?: Record<string, number> } } };
      return body.data?.attributes?.sample;
    } catch {
      return undefined;
    }
  };
  const timer = setInterval(() => {
    void (async () => {
      const [reqs, failed] = await Promise.all([sample("http_reqs"), sample("http_req_failed")]);
      if (stopped) return;
      const elapsed = ((Date.now() - started) / 1000).toFixed(0);
      const requests = reqs?.count ?? 0;
      const errors = failed?.passes ?? Math.round((failed?.rate ?? 0) * requests);
      logger.info(`k6: ${elapsed}s elapsed, ${requests} requests, ${errors} errors`);
    })();
  }, intervalMs);
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}

import { createRequire as __createRequire } from "node:module"; import { dirname as __pathDirname } from "node:path"; import { fileURLToPath as __fileURLToPath } from "node:url"; const require = __createRequire(import.meta.url); const __dirname = __pathDirname(__fileURLToPath(import.meta.url));
import {
  clusterFromFlags,
  readJsonFile
} from "./chunk-3ONCGH4O.js";
import {
  LOAD_BUDGET_FLAGS
} from "./chunk-HD6LMWO3.js";
import {
  isRecord,
  readYamlFile
} from "./chunk-CWLLBQX2.js";
import {
  validate
} from "./chunk-QSZOVTT4.js";
import {
  displayPath,
  resolveInside,
  standaloneWorkspace
} from "./chunk-HDD5QP5V.js";
import {
  formatDuration,
  freePort,
  parseCatalogDuration,
  parseGoDuration,
  pinnedVersion,
  resolveTool,
  runProcess
} from "./chunk-WWQ44ZA7.js";
import {
  basicAuthRequest,
  fetchFailure,
  redactSecrets,
  redactUrl
} from "./chunk-S2KBQMLG.js";
import {
  CollectorError,
  ConfigurationError
} from "./chunk-2GHCG2EG.js";

// src/gates/flag-values.ts
function flagList(value) {
  return Array.isArray(value) ? value.map(String) : typeof value === "string" ? [value] : [];
}
function chartsFromFlags(flags) {
  const values = flagList(flags.values);
  const apiVersions = flagList(flags["api-versions"]).flatMap((entry) => entry.split(",")).filter((entry) => entry !== "");
  return flagList(flags.chart).map((path) => ({
    path,
    ...values.length ? { values } : {},
    ...typeof flags["kube-version"] === "string" ? { kubeVersion: flags["kube-version"] } : {},
    ...apiVersions.length ? { apiVersions } : {},
    ...typeof flags.release === "string" ? { release: flags.release } : {},
    ...typeof flags.namespace === "string" ? { namespace: flags.namespace } : {}
  }));
}
function objectSourcesFromFlags(flags) {
  const manifests = flagList(flags.manifests);
  const kustomize = flagList(flags.kustomize);
  const charts = chartsFromFlags(flags);
  const cluster = clusterFromFlags(flags);
  return {
    ...cluster ? { cluster } : {},
    ...manifests.length ? { manifests } : {},
    ...kustomize.length ? { kustomize } : {},
    ...charts.length ? { charts } : {}
  };
}

// src/gates/slo/definitions.ts
import { existsSync } from "node:fs";
var DEFAULT_SLOS = ".resilience/slos.yaml";
var K6_ENDPOINT_ANNOTATION = "resilience-gates.io/k6-endpoint";
var K6_TAG_ANNOTATION = "resilience-gates.io/k6-tag";
function readSlos(workspace, given, defaultTag) {
  const path = given ?? DEFAULT_SLOS;
  const absolute = resolveInside(workspace, path, "SLO file");
  const shown = displayPath(workspace, absolute);
  if (!existsSync(absolute)) throw new ConfigurationError(`SLO file ${path} does not exist; write one (see docs/slo.md) or point --slo at it`);
  const documents = readYamlFile(workspace, absolute, shown).filter((document) => document.value !== null && document.value !== void 0);
  if (documents.length === 0) throw new ConfigurationError("the SLO file has no documents; write at least one `kind: SLO`", { file: shown, line: 1 });
  const names = /* @__PURE__ */ new Map();
  const slos = documents.map((document) => {
    const at = (segments) => ({ file: shown, ...document.locate(segments) });
    if (!isRecord(document.value)) throw new ConfigurationError("an SLO document must be a mapping with apiVersion: openslo/v1 and kind: SLO", at([]));
    const written = document.value.spec?.timeWindow?.[0]?.duration;
    if (typeof written === "string" && parseCatalogDuration(written) === void 0) {
      throw new ConfigurationError(`timeWindow duration ${written} is not a duration like 28d, 1w or 12h (whole numbers with s, m, h, d or w)`, at(["spec", "timeWindow", 0, "duration"]));
    }
    const problems = validate("slo", document.value, void 0, "the SLO document");
    if (problems.length > 0) {
      const [first] = problems;
      const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : "";
      throw new ConfigurationError(`SLO: ${first?.message ?? "invalid"}${more}`, at(first?.path ?? []));
    }
    const raw = document.value;
    const name = raw.metadata.name;
    const previous = names.get(name);
    if (previous !== void 0) throw new ConfigurationError(`SLO ${name} is defined twice (also at line ${previous}); SLO names must be unique`, at(["metadata", "name"]));
    names.set(name, at(["metadata", "name"]).line);
    const window = raw.spec.timeWindow[0];
    const windowSeconds = parseCatalogDuration(window.duration) ?? 0;
    if (windowSeconds <= 0) throw new ConfigurationError(`timeWindow duration ${window.duration} must be longer than zero`, at(["spec", "timeWindow", 0, "duration"]));
    const spec = raw.spec.indicator.spec;
    const indicator = spec.ratioMetric ? { kind: "ratio", good: spec.ratioMetric.good.metricSource.spec.query, total: spec.ratioMetric.total.metricSource.spec.query } : { kind: "threshold", query: spec.thresholdMetric.metricSource.spec.query };
    const objectives = raw.spec.objectives.map((objective, index) => {
      const where = at(["spec", "objectives", index]);
      if (indicator.kind === "threshold" && (objective.op === void 0 || objective.value === void 0)) {
        throw new ConfigurationError(`objective ${index} of SLO ${name} needs \`op\` (lt or lte) and \`value\` (the threshold, in seconds) for its thresholdMetric`, where);
      }
      if (indicator.kind === "ratio" && (objective.op !== void 0 || objective.value !== void 0)) {
        throw new ConfigurationError(`objective ${index} of SLO ${name} has \`op\`/\`value\`, which only a thresholdMetric uses; remove them (a ratioMetric objective is its target)`, where);
      }
      return {
        index,
        displayName: objective.displayName ?? `objective ${index}`,
        target: objective.target,
        op: objective.op ?? null,
        value: objective.value ?? null
      };
    });
    const annotations = raw.metadata.annotations ?? {};
    const endpoint = annotations[K6_ENDPOINT_ANNOTATION];
    return {
      name,
      displayName: raw.metadata.displayName ?? name,
      service: raw.spec.service,
      windowSeconds,
      windowText: window.duration,
      indicator,
      objectives,
      k6: endpoint ? { tag: annotations[K6_TAG_ANNOTATION] ?? defaultTag, endpoint } : null,
      locate: at
    };
  });
  return { file: shown, slos };
}

// src/sources/k6.ts
import { mkdtempSync, rmSync, writeFileSync, existsSync as existsSync2 } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
var TREND_STATS = ["avg", "min", "med", "max", "p(90)", "p(95)", "p(99)"];
var HINT = "expected the JSON k6 writes with `k6 run --summary-export F` or from handleSummary (`JSON.stringify(data)`)";
function readK6Summary(workspace, absolute, shown) {
  return parseK6Summary(readJsonFile(workspace, absolute, shown));
}
function parseK6Summary(json) {
  const at = (path) => json.locate(path);
  const root = json.value;
  if (isObject(root) && isObject(root.results) && typeof root.version === "string") {
    throw new ConfigurationError(
      `this is k6's new machine-readable summary (--new-machine-readable-summary or K6_NEW_MACHINE_READABLE_SUMMARY, schema ${root.version}), which has no threshold results and no p(99); write the summary without it (\`k6 run --summary-export F\`) or let the gate run k6`,
      at(["results"])
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
  const shape = nested > 0 ? "handleSummary" : "summary-export";
  const metrics = entries.map(([key, raw]) => {
    if (!isObject(raw)) throw new ConfigurationError(`metric ${key} is not an object; ${HINT}`, at(["metrics", key]));
    const { name, tags } = parseMetricKey(key, () => at(["metrics", key]));
    const source = shape === "handleSummary" ? raw.values : raw;
    const values = {};
    const statPath = (stat) => shape === "handleSummary" ? ["metrics", key, "values", stat] : ["metrics", key, stat];
    for (const [stat, value] of Object.entries(source)) {
      if (stat === "thresholds" || shape === "summary-export" && (stat === "type" || stat === "contains")) continue;
      if (typeof value === "number" && Number.isFinite(value)) values[stat] = value;
      else if (typeof value === "number") {
        throw new ConfigurationError(`metric ${key}: statistic ${stat} is ${String(value)}, which no k6 run writes; the summary cannot be a real k6 run`, at(statPath(stat)));
      } else if (value !== null) {
        throw new ConfigurationError(`metric ${key}: statistic ${stat} is ${JSON.stringify(value)}, expected a number; ${HINT}`, at(statPath(stat)));
      }
    }
    const impossible = impossibleStatistic(name, values);
    if (impossible) throw new ConfigurationError(`metric ${key}: ${impossible}; the summary cannot be a real k6 run`, at(statPath(impossible.split(" ")[1] ?? "")));
    const thresholds = [];
    if (raw.thresholds !== void 0) {
      if (!isObject(raw.thresholds)) throw new ConfigurationError(`metric ${key}: thresholds is not an object; ${HINT}`, at(["metrics", key, "thresholds"]));
      for (const [expression, result] of Object.entries(raw.thresholds)) {
        const where = () => at(["metrics", key, "thresholds", expression]);
        if (shape === "summary-export") {
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
  const state = isObject(root.state) ? root.state : void 0;
  const durationMs = typeof state?.testRunDurationMs === "number" ? state.testRunDurationMs : null;
  return { file: json.file, shape, durationMs, metrics, locate: at };
}
var BUILT_IN = /^(http_req_[a-z_]+|http_reqs|iterations|iteration_duration|group_duration|data_sent|data_received|vus|vus_max|checks|dropped_iterations|grpc_req_duration|ws_[a-z_]+)$/;
var ORDERED_STATS = [
  ["min", "med", "max"],
  ["min", "avg", "max"],
  ["p(90)", "p(95)", "p(99)", "max"],
  ["min", "p(90)"]
];
function impossibleStatistic(name, values) {
  for (const stat of ["count", "passes", "fails"]) {
    const value = values[stat];
    if (value !== void 0 && (value < 0 || !Number.isInteger(value))) return `statistic ${stat} is ${value}, but a count is a whole number of at least 0`;
  }
  for (const stat of ["rate", "value"]) {
    const value = values[stat];
    if (value === void 0 || !BUILT_IN.test(name)) continue;
    if (value < 0) return `statistic ${stat} is ${value}, but ${name} cannot be negative`;
    if ((name === "http_req_failed" || name === "checks") && value > 1) return `statistic ${stat} is ${value}, but ${name} is a share between 0 and 1`;
  }
  if (BUILT_IN.test(name)) {
    for (const [stat, value] of Object.entries(values)) if (value < 0) return `statistic ${stat} is ${value}, but ${name} cannot be negative`;
  }
  for (const order of ORDERED_STATS) {
    const present = order.filter((stat) => values[stat] !== void 0);
    for (let i = 1; i < present.length; i++) {
      const low = present[i - 1];
      const high = present[i];
      if (values[low] > values[high] * (1 + 1e-6) + 1e-9) {
        return `statistic ${low} is ${values[low]}, above ${high} (${values[high]}): trend statistics out of order`;
      }
    }
  }
  return void 0;
}
function parseMetricKey(key, location) {
  const match = /^([^{}]+?)(?:\{(.*)\})?$/.exec(key);
  if (!match) throw new ConfigurationError(`metric key ${key} is not \`name\` or \`name{tag:value,...}\``, location());
  const tags = {};
  for (const part of (match[2] ?? "").split(",")) {
    if (!part.trim()) continue;
    const colon = part.indexOf(":");
    if (colon === -1) throw new ConfigurationError(`metric key ${key}: tag ${part.trim()} is not \`tag:value\``, location());
    tags[part.slice(0, colon).trim()] = part.slice(colon + 1).trim();
  }
  return { name: match[1].trim(), tags };
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function requireJudgeable(summary) {
  if (!summary.metrics.some((metric) => metric.thresholds.length > 0)) {
    throw new CollectorError(
      `${summary.file} has no thresholds at all: the run was made with --no-thresholds (or K6_NO_THRESHOLDS), or its script has none, so k6 judged nothing. Run it again with thresholds, or let the gate run k6 (--script F --target URL), which adds the per-endpoint ones`,
      summary.locate(["metrics"])
    );
  }
  const requests = summary.metrics.find((metric) => metric.key === "http_reqs")?.values.count ?? 0;
  const received = summary.metrics.find((metric) => metric.key === "data_received")?.values.count;
  if (requests > 0 && received === 0) {
    throw new CollectorError(
      `the target never answered: k6 made ${requests} requests and received 0 bytes (${summary.file}); check that the service is up and the target URL is right`,
      summary.locate(["metrics", "data_received"])
    );
  }
}
function findSubmetric(summary, name, tag, value) {
  return summary.metrics.find((metric) => metric.name === name && Object.keys(metric.tags).length === 1 && metric.tags[tag] === value);
}
function measureEndpoint(summary, tag, endpoint) {
  const duration = findSubmetric(summary, "http_req_duration", tag, endpoint);
  const failed = findSubmetric(summary, "http_req_failed", tag, endpoint);
  const reqs = findSubmetric(summary, "http_reqs", tag, endpoint);
  const failedCount = failed?.values.passes ?? null;
  const okCount = failed?.values.fails ?? null;
  const fromRate = failedCount !== null && okCount !== null ? failedCount + okCount : null;
  const samples = reqs?.values.count ?? fromRate;
  const errorRate = failed ? failed.values.value ?? failed.values.rate ?? (fromRate ? failedCount / fromRate : null) : null;
  const throughput = reqs?.values.rate ?? (samples !== null && summary.durationMs ? samples / (summary.durationMs / 1e3) : null);
  return {
    endpoint,
    samples,
    durationMs: duration?.values ?? {},
    errors: failedCount ?? (errorRate !== null && samples !== null ? Math.round(errorRate * samples) : null),
    errorRate,
    throughputRps: throughput
  };
}
var EXIT_CODES = {
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
  110: "marked as failed"
};
var K6_THRESHOLDS_FAILED = 99;
var REFUSED_ARGS = ["--no-thresholds", "--no-summary", "--summary-export", "--new-machine-readable-summary", "--summary-mode", "--address", "-a", "--out", "-o", "--include-system-env-vars"];
var REFUSED_ENV = ["K6_NO_THRESHOLDS", "K6_NO_SUMMARY"];
var CLEARED_ENV = ["K6_NEW_MACHINE_READABLE_SUMMARY", "K6_SUMMARY_EXPORT", "K6_SUMMARY_MODE", "K6_SUMMARY_TREND_STATS", "K6_INCLUDE_SYSTEM_ENV_VARS"];
function k6Environment(runner, targetEnv, target) {
  const env = {};
  for (const [name, value] of Object.entries(runner)) {
    if (!name.startsWith("K6_") || [...REFUSED_ENV, ...CLEARED_ENV].includes(name) || SECRET_NAME.test(name)) continue;
    env[name] = value;
  }
  return { ...env, K6_NO_USAGE_REPORT: "true", [targetEnv]: target };
}
var SECRET_NAME = /pass|secret|token|key|auth/i;
async function runK6(request) {
  for (const arg of request.args ?? []) {
    const flag = arg.split("=")[0];
    if (REFUSED_ARGS.includes(flag)) {
      throw new ConfigurationError(
        `k6 argument ${arg} is not allowed: the gate needs k6's thresholds and its own summary export, sets --address itself, and keeps the runner's environment (tokens) out of the script's __ENV; remove it from args and pass variables with env:`
      );
    }
  }
  for (const name of REFUSED_ENV) {
    const value = process.env[name] ?? request.env?.[name];
    if (value !== void 0 && value !== "" && value !== "false") {
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
    const sync = request.afterSetup ? await startSyncServer(request.afterSetup) : void 0;
    const stats = [.../* @__PURE__ */ new Set([...TREND_STATS, ...request.trendStats ?? []])];
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
      ...sync ? ["-e", `${SYNC_ENV}=${sync.url}`] : [],
      ...Object.entries(request.env ?? {}).flatMap(([key, value]) => ["-e", `${key}=${value}`]),
      ...request.args ?? [],
      wrapper
    ];
    request.logger.info(`k6: running ${request.scriptShown} against ${redactUrl(request.target)}`);
    const env = k6Environment(process.env, request.targetEnv, request.target);
    const started = Date.now();
    const progress = startProgress(port, started, request.logger, request.progressIntervalMs ?? 2e3);
    let run;
    try {
      run = await runProcess(k6, args, { cwd: request.cwd, env, timeoutMs: request.timeoutMs });
    } finally {
      progress.stop();
      await sync?.close();
    }
    if (sync?.failure) throw sync.failure;
    const seconds = ((Date.now() - started) / 1e3).toFixed(1);
    if (run.exitCode !== 0 && run.exitCode !== K6_THRESHOLDS_FAILED) {
      const meaning = EXIT_CODES[run.exitCode] ?? "k6 failed";
      throw new CollectorError(`k6 exited with code ${run.exitCode} (${meaning}) after ${seconds}s running ${request.scriptShown} against ${redactUrl(request.target)}: ${k6Message(run.stderr)}`);
    }
    if (!existsSync2(summaryFile)) {
      throw new CollectorError(`k6 exited with code ${run.exitCode} but wrote no summary to ${request.summaryShown ?? summaryFile}: ${k6Message(run.stderr)}`);
    }
    const summary = readK6Summary(standaloneWorkspace(summaryFile), summaryFile, request.summaryShown ?? "k6 summary");
    request.logger.info(`k6: finished in ${seconds}s with exit code ${run.exitCode}${run.exitCode === K6_THRESHOLDS_FAILED ? " (thresholds failed)" : ""}`);
    return { exitCode: run.exitCode, summary };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
async function checkVersion(k6, request) {
  const run = await runProcess(k6, ["version", "--json"], { cwd: request.cwd, timeoutMs: 3e4 });
  const details = parseVersionDetails(run.stdout);
  if (run.exitCode !== 0 || !details) {
    throw new ConfigurationError(`${k6} is not a k6 binary: \`${k6} version --json\` printed ${JSON.stringify((run.stdout + run.stderr).trim().slice(0, 200))}`);
  }
  const pinned = pinnedVersion("k6");
  if (pinned && details.version !== pinned) {
    request.logger.warn(`k6 ${details.version} at ${k6} is not the pinned ${pinned} (scripts/tool-versions.tsv); its summary is read as ${pinned} writes it`);
  }
  for (const declared of request.extensions ?? []) {
    const [module, version] = declared.split("@");
    const found = details.extensions.find((extension) => extension.module === module);
    const carried = details.extensions.map((extension) => `${extension.module}@${extension.version}`).join(", ") || "none";
    if (!found) {
      throw new ConfigurationError(
        `the k6 at ${k6} lacks the extension ${module} that the config declares (it carries ${carried}); build one with xk6 (\`xk6 build ${pinned ?? ""} --with ${declared}\`) and give it as k6: / --k6`
      );
    }
    if (version && found.version !== version) {
      throw new ConfigurationError(`the k6 at ${k6} carries ${module}@${found.version}, not the declared ${declared}; rebuild it with xk6 --with ${declared}`);
    }
  }
}
function parseVersionDetails(stdout) {
  let parsed;
  try {
    parsed = JSON.parse(stdout);
  } catch {
    return void 0;
  }
  if (!isObject(parsed) || typeof parsed.version !== "string" || !/^v\d+\.\d+\.\d+/.test(parsed.version)) return void 0;
  const extensions = Array.isArray(parsed.extensions) ? parsed.extensions.filter(isObject) : [];
  return {
    version: parsed.version,
    extensions: extensions.map((extension) => ({ module: String(extension.module ?? ""), version: String(extension.version ?? "") }))
  };
}
function wrapperModule(request) {
  const url = JSON.stringify(pathToFileURL(request.script).href);
  const extra = {};
  for (const endpoint of request.endpoints) {
    const tags = `{${request.tag}:${endpoint}}`;
    extra[`http_req_duration${tags}`] = ["max>=0"];
    extra[`http_req_failed${tags}`] = ["rate>=0"];
    extra[`http_reqs${tags}`] = ["count>=0"];
  }
  const setup = request.afterSetup ? `import http from "k6/http";
export function setup() {
  const data = typeof script.setup === "function" ? script.setup() : undefined;
  const answer = http.get(__ENV.${SYNC_ENV}, { timeout: "600s", tags: { ${JSON.stringify(request.tag)}: "resilience-gates-sync" } });
  if (answer.status !== 200) throw new Error("resilience-gates: the step after setup() failed: " + answer.body);
  return data;
}
` : "";
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
var SYNC_ENV = "RESILIENCE_GATES_SYNC_URL";
async function startSyncServer(step) {
  const { createServer } = await import("node:http");
  const state = { url: "", failure: void 0, close: async () => {
  } };
  let ran = false;
  const server = createServer((_request, response) => {
    if (ran) {
      response.writeHead(409).end("already ran");
      return;
    }
    ran = true;
    step().then(
      () => response.writeHead(200).end("ok"),
      (error) => {
        state.failure = error instanceof Error ? error : new Error(String(error));
        response.writeHead(500).end(state.failure.message);
      }
    );
  });
  await new Promise((resolve2) => server.listen(0, "127.0.0.1", resolve2));
  const address = server.address();
  state.url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/after-setup`;
  state.close = () => new Promise((resolve2) => {
    server.closeAllConnections();
    server.close(() => resolve2());
  });
  return state;
}
function k6Message(stderr) {
  const errors = [];
  const other = [];
  for (const line of stderr.split("\n")) {
    if (!line.trim()) continue;
    try {
      const entry = JSON.parse(line);
      if (entry.level === "error" || entry.level === "fatal") errors.push([entry.msg, entry.error].filter(Boolean).join(": "));
      else if (entry.msg) other.push(entry.msg);
    } catch {
      other.push(line.trim());
    }
  }
  const chosen = errors.length > 0 ? errors : other.slice(-3);
  return chosen.length > 0 ? redactSecrets(chosen.join("; ").replace(/\s*\n\s*/g, " ")) : "k6 printed nothing";
}
function startProgress(port, started, logger, intervalMs) {
  let stopped = false;
  const sample = async (name) => {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/v1/metrics/${name}`, { signal: AbortSignal.timeout(1e3) });
      if (!response.ok) return void 0;
      const body = await response.json();
      return body.data?.attributes?.sample;
    } catch {
      return void 0;
    }
  };
  const timer = setInterval(() => {
    void (async () => {
      const [reqs, failed] = await Promise.all([sample("http_reqs"), sample("http_req_failed")]);
      if (stopped) return;
      const elapsed = ((Date.now() - started) / 1e3).toFixed(0);
      const requests = reqs?.count ?? 0;
      const errors = failed?.passes ?? Math.round((failed?.rate ?? 0) * requests);
      logger.info(`k6: ${elapsed}s elapsed, ${requests} requests, ${errors} errors`);
    })();
  }, intervalMs);
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
    }
  };
}

// src/gates/load-budget/run.ts
import { existsSync as existsSync3 } from "node:fs";
import { resolve } from "node:path";
function k6RunFromFlags(flags) {
  const script = typeof flags.script === "string" ? flags.script : void 0;
  const target = typeof flags.target === "string" ? flags.target : void 0;
  if (!script && !target) return void 0;
  const env = {};
  for (const pair of flagList(flags["k6-env"])) {
    const equals = pair.indexOf("=");
    if (equals <= 0) throw new ConfigurationError(`--k6-env ${pair} is not KEY=VALUE`);
    env[pair.slice(0, equals)] = pair.slice(equals + 1);
  }
  return {
    script: script ?? "",
    target: target ?? "",
    ...Object.keys(env).length ? { env } : {},
    ...typeof flags.k6 === "string" ? { k6: flags.k6 } : {},
    ...flagList(flags["k6-extension"]).length ? { extensions: flagList(flags["k6-extension"]) } : {},
    ...typeof flags["save-summary"] === "string" ? { saveSummary: flags["save-summary"] } : {}
  };
}
async function runScript(context, gate, run, tag, endpoints, trendStats = [], hooks = {}) {
  if (!run.script || !run.target) {
    throw new ConfigurationError(`${gate}: a k6 run needs both --script F and --target URL (gates.${gate}.script and .target); give both, or judge an existing --summary F`);
  }
  let target;
  try {
    target = new URL(run.target);
  } catch {
    throw new ConfigurationError(`${gate}: target ${run.target} is not a URL; give the base URL of the service, like http://127.0.0.1:8080`);
  }
  if (target.protocol !== "http:" && target.protocol !== "https:") throw new ConfigurationError(`${gate}: target ${run.target} must be an http:// or https:// URL`);
  const script = resolveInside(context.workspace, run.script, "k6 script");
  if (!existsSync3(script)) throw new ConfigurationError(`${gate}: k6 script ${run.script} does not exist`);
  const timeoutSeconds = run.timeout === void 0 ? 1800 : parseGoDuration(run.timeout);
  if (timeoutSeconds === void 0 || timeoutSeconds <= 0) throw new ConfigurationError(`${gate}: timeout ${run.timeout} is not a duration like 90s or 30m`);
  const summaryFile = run.saveSummary ? resolveInside(context.workspace, run.saveSummary, "summary output") : void 0;
  return runK6({
    script,
    scriptShown: displayPath(context.workspace, script),
    target: run.target,
    targetEnv: run.targetEnv ?? "BASE_URL",
    tag,
    endpoints,
    trendStats,
    ...run.env ? { env: run.env } : {},
    ...run.args ? { args: run.args } : {},
    ...run.k6 ? { k6Path: resolve(context.workspace.base, run.k6) } : {},
    ...run.extensions ? { extensions: run.extensions } : {},
    ...summaryFile ? { summaryFile, summaryShown: displayPath(context.workspace, summaryFile) } : {},
    ...hooks,
    timeoutMs: timeoutSeconds * 1e3,
    cwd: context.workspace.root,
    logger: context.logger
  });
}

// src/gates/load-budget/index.ts
import { existsSync as existsSync5 } from "node:fs";

// src/gates/load-budget/budgets.ts
import { existsSync as existsSync4 } from "node:fs";
var DEFAULT_BUDGETS = ".resilience/load-budgets.yaml";
var BUDGET_FIELDS = ["p95Ms", "p99Ms", "maxErrorRate", "minThroughputRps", "minSamples"];
function readBudgets(workspace, given) {
  const path = given ?? DEFAULT_BUDGETS;
  const absolute = resolveInside(workspace, path, "load budgets");
  const shown = displayPath(workspace, absolute);
  if (!existsSync4(absolute)) {
    throw new ConfigurationError(`load budgets ${path} do not exist; write one (see docs/load-budget.md) or point --budgets at it`);
  }
  const documents = readYamlFile(workspace, absolute, shown).filter((document2) => document2.value !== null && document2.value !== void 0);
  if (documents.length !== 1) throw new ConfigurationError(`expected one YAML document of load budgets, found ${documents.length}`, { file: shown, line: 1 });
  const document = documents[0];
  const at = (segments) => ({ file: shown, ...document.locate(segments) });
  if (!isRecord(document.value)) throw new ConfigurationError("load budgets must be a mapping with `version: 1` and an `endpoints:` list", at([]));
  const problems = validate("load-budgets", document.value);
  if (problems.length > 0) {
    const [first] = problems;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : "";
    throw new ConfigurationError(`load budgets: ${first?.message ?? "invalid"}${more}`, at(first?.path ?? []));
  }
  const value = document.value;
  const defaults = value.defaults ?? {};
  const seen = /* @__PURE__ */ new Map();
  const endpoints = value.endpoints.map((raw, index) => {
    const previous = seen.get(raw.endpoint);
    if (previous !== void 0) {
      throw new ConfigurationError(
        `endpoint ${raw.endpoint} is listed twice (also at line ${at(["endpoints", previous, "endpoint"]).line}); merge the two entries`,
        at(["endpoints", index, "endpoint"])
      );
    }
    seen.set(raw.endpoint, index);
    const budget = {};
    for (const field of BUDGET_FIELDS) {
      const own = raw[field] ?? defaults[field];
      if (own !== void 0) budget[field] = own;
    }
    return {
      endpoint: raw.endpoint,
      budget,
      locate: (field) => field !== "endpoint" && raw[field] === void 0 && defaults[field] !== void 0 ? at(["defaults", field]) : at(["endpoints", index, field])
    };
  });
  return { file: shown, tag: value.tag ?? "endpoint", endpoints };
}

// src/gates/load-budget/index.ts
function formatMs(ms) {
  return ms < 100 ? `${Number(ms.toFixed(1))} ms` : `${Math.round(ms)} ms`;
}
function formatPercent(fraction) {
  return `${Number((fraction * 100).toFixed(2))}%`;
}
function formatRps(rps) {
  return `${Number(rps.toFixed(1))} req/s`;
}
async function obtainSummary(context, options, tag, endpoints) {
  const hasRun = options.script !== void 0 || options.target !== void 0;
  if (options.summary !== void 0 && hasRun) {
    throw new ConfigurationError("load-budget: give either --summary F (judge an existing k6 summary) or --script F --target URL (run k6), not both");
  }
  if (options.summary !== void 0) {
    const absolute = resolveInside(context.workspace, options.summary, "k6 summary");
    if (!existsSync5(absolute)) throw new ConfigurationError(`load-budget: k6 summary ${options.summary} does not exist; write it with \`k6 run --summary-export ${options.summary}\``);
    const summary = readK6Summary(context.workspace, absolute, displayPath(context.workspace, absolute));
    requireJudgeable(summary);
    return { summary, exitCode: null };
  }
  if (!hasRun) throw new ConfigurationError("load-budget: nothing to judge: give --summary F, or --script F --target URL to run k6");
  const run = await runScript(context, "load-budget", { script: options.script ?? "", target: options.target ?? "", ...options }, tag, endpoints);
  requireJudgeable(run.summary);
  return { summary: run.summary, exitCode: run.exitCode };
}
function missingData(judged, summary, tag) {
  const problems = [];
  for (const { budget, measured } of judged) {
    const name = budget.endpoint;
    const minSamples = budget.budget.minSamples ?? 1;
    if (!measured.samples) {
      problems.push({
        message: `endpoint ${name} has no requests in ${summary.file} (no http_reqs{${tag}:${name}} or http_req_failed{${tag}:${name}}): tag every request of the endpoint with ${tag}: "${name}", or remove the endpoint from the budgets`,
        location: budget.locate("endpoint")
      });
      continue;
    }
    if (measured.samples < minSamples) {
      problems.push({
        message: `endpoint ${name} made ${measured.samples} requests, fewer than minSamples ${minSamples}: too few to judge; run the load longer or at a higher rate`,
        location: budget.locate("minSamples")
      });
    }
    const need = (field, present, what) => {
      if (budget.budget[field] !== void 0 && !present) problems.push({ message: `endpoint ${name} has a ${field} budget but ${summary.file} has no ${what}`, location: budget.locate(field) });
    };
    need("p95Ms", measured.durationMs["p(95)"] !== void 0, `p(95) of http_req_duration{${tag}:${name}} (run k6 with --summary-trend-stats including p(95))`);
    need("p99Ms", measured.durationMs["p(99)"] !== void 0, `p(99) of http_req_duration{${tag}:${name}} (run k6 with --summary-trend-stats including p(99))`);
    need("maxErrorRate", measured.errorRate !== null, `error rate (http_req_failed{${tag}:${name}})`);
    need("minThroughputRps", measured.throughputRps !== null, `throughput (http_reqs{${tag}:${name}} rate)`);
  }
  return problems;
}
async function collect(context, options) {
  const budgets = readBudgets(context.workspace, options.budgets);
  const { summary, exitCode } = await obtainSummary(
    context,
    options,
    budgets.tag,
    budgets.endpoints.map((entry) => entry.endpoint)
  );
  const thresholds = summary.metrics.flatMap((metric) => metric.thresholds.map((threshold) => ({ metric: metric.key, ...threshold })));
  const judged = budgets.endpoints.map((budget) => ({ budget, measured: measureEndpoint(summary, budgets.tag, budget.endpoint) }));
  const problems = missingData(judged, summary, budgets.tag);
  if (problems.length > 0) {
    const [first] = problems;
    const more = problems.slice(1).map((problem) => `${problem.location.file}:${problem.location.line}: ${problem.message}`);
    throw new CollectorError([first.message, ...more].join("; "), first.location);
  }
  const input = {
    tag: budgets.tag,
    budgets_file: budgets.file,
    summary_file: summary.file,
    summary_shape: summary.shape,
    k6_exit_code: exitCode,
    endpoints: judged.map(({ budget, measured }, id) => {
      const b = budget.budget;
      const p95 = measured.durationMs["p(95)"] ?? null;
      const p99 = measured.durationMs["p(99)"] ?? null;
      return {
        id,
        endpoint: budget.endpoint,
        budget: {
          p95_ms: b.p95Ms ?? null,
          p99_ms: b.p99Ms ?? null,
          max_error_rate: b.maxErrorRate ?? null,
          min_throughput_rps: b.minThroughputRps ?? null,
          min_samples: b.minSamples ?? 1
        },
        measured: {
          samples: measured.samples,
          p95_ms: p95,
          p99_ms: p99,
          error_rate: measured.errorRate,
          errors: measured.errors,
          throughput_rps: measured.throughputRps
        },
        // Numbers as messages show them: sprintf under WebAssembly has no float verbs.
        text: {
          p95: p95 === null ? "" : formatMs(p95),
          p99: p99 === null ? "" : formatMs(p99),
          error_rate: measured.errorRate === null ? "" : formatPercent(measured.errorRate),
          throughput: measured.throughputRps === null ? "" : formatRps(measured.throughputRps),
          budget_p95: b.p95Ms === void 0 ? "" : formatMs(b.p95Ms),
          budget_p99: b.p99Ms === void 0 ? "" : formatMs(b.p99Ms),
          budget_error_rate: b.maxErrorRate === void 0 ? "" : formatPercent(b.maxErrorRate),
          budget_throughput: b.minThroughputRps === void 0 ? "" : formatRps(b.minThroughputRps)
        }
      };
    }),
    thresholds: thresholds.map((threshold, id) => ({ id, metric: threshold.metric, expression: threshold.expression, passed: threshold.passed }))
  };
  const locate = (finding) => {
    if (typeof finding.endpoint === "number") {
      const entry = judged[finding.endpoint];
      if (!entry) throw new CollectorError(`policy finding ${finding.rule} names unknown endpoint ${finding.endpoint}`);
      const field = typeof finding.field === "string" ? finding.field : "p95Ms";
      return { resource: { kind: "Endpoint", name: entry.budget.endpoint }, location: entry.budget.locate(field) };
    }
    if (typeof finding.threshold === "number") {
      const threshold = thresholds[finding.threshold];
      if (!threshold) throw new CollectorError(`policy finding ${finding.rule} names unknown threshold ${finding.threshold}`);
      return {
        resource: { kind: "K6Metric", name: threshold.metric },
        ...options.summary !== void 0 || options.saveSummary !== void 0 ? { location: summary.locate(["metrics", threshold.metric, "thresholds", threshold.expression]) } : {}
      };
    }
    throw new CollectorError(`policy finding ${finding.rule} has no locator the load-budget collector knows`);
  };
  return {
    input,
    locate,
    stats: {
      endpoints: judged.length,
      requests: judged.reduce((total, entry) => total + (entry.measured.samples ?? 0), 0),
      thresholds: thresholds.length,
      ...exitCode === null ? {} : { k6ExitCode: exitCode }
    }
  };
}
var loadBudgetGate = {
  id: "load-budget",
  summary: "A k6 run meets every endpoint's latency (p95, p99), error-rate and throughput budget with enough requests to judge",
  cliFlags: LOAD_BUDGET_FLAGS,
  optionsFromFlags(flags) {
    const run = k6RunFromFlags(flags);
    const summary = typeof flags.summary === "string" ? flags.summary : void 0;
    const budgets = typeof flags.budgets === "string" ? flags.budgets : void 0;
    if (!run && !summary && !budgets) return void 0;
    return { ...budgets ? { budgets } : {}, ...summary ? { summary } : {}, ...run };
  },
  collect,
  fixtureOptions(file) {
    const [document] = readYamlFile(standaloneWorkspace(file), file, file);
    if (!isRecord(document?.value)) throw new ConfigurationError(`fixture ${file} must be a mapping of load-budget options`);
    return document.value;
  }
};

// src/gates/slo/prometheus.ts
var NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
function unescape(text) {
  return text.replace(/\\(.)/g, (_, c) => c === "n" ? "\n" : c);
}
function parseSelector(text) {
  const match = new RegExp(`^\\s*(${NAME})\\s*(?:\\{(.*)\\})?\\s*$`, "s").exec(text);
  if (!match) return void 0;
  const matchers = [];
  let rest = (match[2] ?? "").trim();
  while (rest) {
    const part = /^([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*"((?:[^"\\]|\\.)*)"\s*(,\s*)?/.exec(rest);
    if (!part) return void 0;
    matchers.push({ label: part[1], op: part[2], value: unescape(part[3]) });
    rest = rest.slice(part[0].length).trim();
  }
  return { name: match[1], matchers };
}
function formatSelector(selector) {
  const inner = selector.matchers.map((m) => `${m.label}${m.op}${JSON.stringify(m.value)}`).join(",");
  return `${selector.name}{${inner}}`;
}
function matches(selector, name, labels) {
  if (name !== selector.name) return false;
  return selector.matchers.every((m) => {
    const value = labels[m.label] ?? "";
    switch (m.op) {
      case "=":
        return value === m.value;
      case "!=":
        return value !== m.value;
      case "=~":
        return new RegExp(`^(?:${m.value})$`).test(value);
      case "!~":
        return !new RegExp(`^(?:${m.value})$`).test(value);
    }
  });
}
function counterSelector(query) {
  const match = /^\s*(?:sum\s*\(\s*)?(?:(?:rate|increase)\s*\(\s*)?([^[\]()]+?)(?:\[[^\]]+\])?\s*\)?\s*\)?\s*$/.exec(query);
  return match ? parseSelector(match[1]) : void 0;
}
function withRange(query, window) {
  const range = /\[\s*[0-9]+[a-z]+(?:[0-9]+[a-z]+)*\s*\]/;
  return range.test(query) ? query.replace(new RegExp(range.source, "g"), `[${window}]`) : void 0;
}
function parseExposition(text, source) {
  const samples = [];
  text.split("\n").forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith("#")) return;
    const match = new RegExp(`^(${NAME})(?:\\{(.*)\\})?\\s+(\\S+)(?:\\s+-?\\d+)?$`).exec(line);
    const labels = {};
    let rest = (match?.[2] ?? "").trim();
    while (match && rest) {
      const part = /^([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*,?\s*/.exec(rest);
      if (!part) break;
      labels[part[1]] = unescape(part[2]);
      rest = rest.slice(part[0].length);
    }
    const value = match ? parseFloat(match[3] === "+Inf" ? "Infinity" : match[3] === "-Inf" ? "-Infinity" : match[3]) : Number.NaN;
    if (!match || rest || Number.isNaN(value) && match[3] !== "NaN") {
      throw new ConfigurationError(`${source} line ${index + 1} is not in the Prometheus text format (\`name{label="value"} 1.5\`): ${line.slice(0, 120)}`);
    }
    samples.push({ name: match[1], labels, value });
  });
  return samples;
}
var SCRAPE_TIMEOUT_SECONDS = 15;
var QUERY_TIMEOUT_SECONDS = 30;
async function scrape(url, timeoutSeconds = SCRAPE_TIMEOUT_SECONDS) {
  const shown = redactUrl(url);
  const request = basicAuthRequest(url);
  let response;
  let text;
  try {
    response = await fetch(request.url, { headers: { accept: "text/plain;version=0.0.4", ...request.headers }, signal: AbortSignal.timeout(timeoutSeconds * 1e3) });
    text = await response.text();
  } catch (error) {
    throw new CollectorError(`cannot scrape ${shown}: ${fetchFailure(error, timeoutSeconds)}; is the service running and is the URL its /metrics?`);
  }
  if (!response.ok) throw new CollectorError(`scraping ${shown} answered ${response.status}: ${text.slice(0, 200)}`);
  return parseExposition(text, shown);
}
function sumMatching(samples, selector) {
  let value = 0;
  let series = 0;
  for (const sample of samples) {
    if (!matches(selector, sample.name, sample.labels)) continue;
    value += sample.value;
    series++;
  }
  return { value, series };
}
var PrometheusClient = class {
  constructor(base, timeoutSeconds = QUERY_TIMEOUT_SECONDS) {
    this.base = base;
    this.timeoutSeconds = timeoutSeconds;
    try {
      new URL(base);
    } catch {
      throw new ConfigurationError(`--prometheus ${redactSecrets(base)} is not a URL; give the Prometheus base URL, like http://prometheus:9090`);
    }
    this.shown = redactUrl(base);
  }
  base;
  timeoutSeconds;
  /** The base URL as messages show it, with any password masked. */
  shown;
  /** An instant query whose result is one number; null when it returns no series. */
  async scalar(query) {
    const request = basicAuthRequest(this.base.endsWith("/") ? this.base : `${this.base}/`);
    const url = new URL("api/v1/query", request.url);
    url.searchParams.set("query", query);
    let response;
    let text;
    try {
      response = await fetch(url, { headers: request.headers, signal: AbortSignal.timeout(this.timeoutSeconds * 1e3) });
      text = await response.text();
    } catch (error) {
      throw new CollectorError(`cannot reach Prometheus at ${this.shown}: ${fetchFailure(error, this.timeoutSeconds)}`);
    }
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      throw new CollectorError(`Prometheus at ${this.shown} answered ${response.status} with something that is not JSON: ${text.slice(0, 200)}`);
    }
    if (body.status !== "success") {
      throw new CollectorError(`Prometheus rejected the query ${query}: ${body.errorType ?? "error"}: ${body.error ?? `HTTP ${response.status}`}`);
    }
    const { resultType, result } = body.data ?? {};
    if (resultType === "scalar" && Array.isArray(result)) return Number(result[1]);
    if (resultType !== "vector" || !Array.isArray(result)) {
      throw new CollectorError(`Prometheus answered the query ${query} with a ${String(resultType)}, expected an instant vector`);
    }
    if (result.length === 0) return null;
    if (result.length > 1) throw new CollectorError(`the query ${query} returned ${result.length} series; aggregate it to one (wrap it in sum(...))`);
    const value = Number(result[0].value?.[1]);
    return Number.isFinite(value) ? value : null;
  }
};

// src/gates/slo/measure.ts
var BURN_WINDOWS = ["5m", "30m", "1h", "6h"];
function quantileStat(target) {
  return `p(${Number((target * 100).toFixed(4))})`;
}
function k6Measurer(summary) {
  return {
    source: "k6-summary",
    describe: summary.file,
    measure: async (slo, objective) => {
      if (!slo.k6) {
        throw new ConfigurationError(
          `SLO ${slo.name} cannot be measured from a k6 summary: it has no resilience-gates.io/k6-endpoint annotation naming the k6 endpoint (tag value) it maps to`,
          slo.locate(["metadata", "name"])
        );
      }
      const measured = measureEndpoint(summary, slo.k6.tag, slo.k6.endpoint);
      const what = `${slo.k6.tag}:${slo.k6.endpoint}`;
      if (!measured.samples) {
        throw new CollectorError(`SLO ${slo.name}: ${summary.file} has no requests for {${what}} (http_reqs{${what}}); no measurement is an error, not a pass`, slo.locate(["metadata", "annotations"]));
      }
      if (slo.indicator.kind === "ratio") {
        if (measured.errorRate === null) throw new CollectorError(`SLO ${slo.name}: ${summary.file} has no http_req_failed{${what}} to measure the good ratio`, slo.locate(["spec", "indicator"]));
        return { method: "ratio", samples: measured.samples, ratio: 1 - measured.errorRate, quantileSeconds: null, burn: null };
      }
      const stat = quantileStat(objective.target);
      const ms = measured.durationMs[stat];
      if (ms === void 0) {
        throw new CollectorError(
          `SLO ${slo.name}: ${summary.file} has no ${stat} of http_req_duration{${what}} for target ${objective.target}; run k6 with --summary-trend-stats including ${stat}`,
          slo.locate(["spec", "objectives", objective.index, "target"])
        );
      }
      return { method: "quantile", samples: measured.samples, ratio: null, quantileSeconds: ms / 1e3, burn: null };
    }
  };
}
function ratioSelectors(slo, indicator) {
  const good = counterSelector(indicator.good);
  const total = counterSelector(indicator.total);
  if (!good || !total) {
    throw new ConfigurationError(
      `SLO ${slo.name}: cannot evaluate ${good ? indicator.total : indicator.good} from /metrics scrapes: only sum(rate(metric{labels}[range])) or a bare selector is supported there; use --prometheus for other PromQL`,
      slo.locate(["spec", "indicator", "spec", "ratioMetric"])
    );
  }
  return { good, total };
}
function histogramSelectors(slo, query) {
  const bucket = parseSelector(query);
  if (!bucket || !bucket.name.endsWith("_bucket")) {
    throw new ConfigurationError(
      `SLO ${slo.name}: the thresholdMetric query must be a histogram bucket selector like http_request_duration_seconds_bucket{route="/v1/x"}, not ${query}`,
      slo.locate(["spec", "indicator", "spec", "thresholdMetric"])
    );
  }
  return { bucket, count: { name: bucket.name.replace(/_bucket$/, "_count"), matchers: bucket.matchers } };
}
function le(value) {
  return String(value);
}
function histogramQuantile(q, buckets) {
  const sorted = [...buckets].sort((a, b) => a.le - b.le);
  const total = sorted.at(-1)?.count ?? 0;
  if (total <= 0) return null;
  const rank = q * total;
  let lower = 0;
  let below = 0;
  for (const bucket of sorted) {
    if (bucket.count >= rank) {
      if (!Number.isFinite(bucket.le)) return lower;
      const inside = bucket.count - below;
      return inside <= 0 ? bucket.le : lower + (bucket.le - lower) * ((rank - below) / inside);
    }
    lower = bucket.le;
    below = bucket.count;
  }
  return lower;
}
function scrapeMeasurer(before, after, urls) {
  const delta = (slo, selector) => {
    const now = sumMatching(after, selector);
    const then = sumMatching(before, selector);
    if (now.value < then.value) {
      throw new CollectorError(`SLO ${slo.name}: ${formatSelector(selector)} went down between the scrapes (${then.value} -> ${now.value}): the service restarted during the run; run it again`);
    }
    return { value: now.value - then.value, series: now.series };
  };
  return {
    source: "metrics",
    describe: urls.join(", "),
    measure: async (slo, objective) => {
      if (slo.indicator.kind === "ratio") {
        const { good: good2, total } = ratioSelectors(slo, slo.indicator);
        const t2 = delta(slo, total);
        if (t2.series === 0 || t2.value === 0) {
          throw new CollectorError(`SLO ${slo.name}: no events of ${formatSelector(total)} between the scrapes of ${urls.join(", ")}; no measurement is an error, not a pass`, slo.locate(["spec", "indicator"]));
        }
        const g = delta(slo, good2);
        return { method: "ratio", samples: t2.value, ratio: g.value / t2.value, quantileSeconds: null, burn: null };
      }
      const { bucket, count } = histogramSelectors(slo, slo.indicator.query);
      const t = delta(slo, count);
      if (t.series === 0 || t.value === 0) {
        throw new CollectorError(`SLO ${slo.name}: no events of ${formatSelector(count)} between the scrapes of ${urls.join(", ")}; no measurement is an error, not a pass`, slo.locate(["spec", "indicator"]));
      }
      const bounds = new Set(after.filter((s) => s.name === bucket.name && sumMatching([s], bucket).series > 0).map((s) => s.labels.le ?? ""));
      const value = objective.value;
      if (!bounds.has(le(value))) {
        throw new ConfigurationError(
          `SLO ${slo.name}: ${bucket.name} has no bucket at le="${le(value)}" (it has ${[...bounds].join(", ")}); add a bucket at every SLO threshold to the service's histogram`,
          slo.locate(["spec", "objectives", objective.index, "value"])
        );
      }
      const withLe = (bound) => ({ name: bucket.name, matchers: [...bucket.matchers.filter((m) => m.label !== "le"), { label: "le", op: "=", value: bound }] });
      const cumulative = [...bounds].map((bound) => ({ le: bound === "+Inf" ? Number.POSITIVE_INFINITY : Number(bound), count: delta(slo, withLe(bound)).value }));
      const good = delta(slo, withLe(le(value))).value;
      return { method: "ratio", samples: t.value, ratio: good / t.value, quantileSeconds: histogramQuantile(objective.target, cumulative), burn: null };
    }
  };
}
function prometheusMeasurer(client, window) {
  const goodAndTotal = (slo, objective, range) => {
    if (slo.indicator.kind === "ratio") {
      const good = withRange(slo.indicator.good, range);
      const total = withRange(slo.indicator.total, range);
      if (!good || !total) {
        throw new ConfigurationError(
          `SLO ${slo.name}: the ratioMetric queries need a range like [5m] (as in sum(rate(x[5m]))) so the gate can evaluate them over the SLO window and the burn-rate windows`,
          slo.locate(["spec", "indicator", "spec", "ratioMetric"])
        );
      }
      return { good, total };
    }
    const { bucket, count } = histogramSelectors(slo, slo.indicator.query);
    const atValue = { name: bucket.name, matchers: [...bucket.matchers.filter((m) => m.label !== "le"), { label: "le", op: "=", value: le(objective.value) }] };
    return { good: `sum(rate(${formatSelector(atValue)}[${range}]))`, total: `sum(rate(${formatSelector(count)}[${range}]))` };
  };
  const errorRatio = async (slo, objective, range) => {
    const queries = goodAndTotal(slo, objective, range);
    const [good, total] = await Promise.all([client.scalar(queries.good), client.scalar(queries.total)]);
    return good === null || total === null || total === 0 ? null : 1 - good / total;
  };
  return {
    source: "prometheus",
    describe: client.base,
    measure: async (slo, objective) => {
      const range = window ?? slo.windowText;
      const seconds = parseCatalogDuration(range) ?? slo.windowSeconds;
      const queries = goodAndTotal(slo, objective, range);
      const [good, total] = await Promise.all([client.scalar(queries.good), client.scalar(queries.total)]);
      if (good === null || total === null || total === 0) {
        throw new CollectorError(
          `SLO ${slo.name}: Prometheus at ${client.base} has no data for ${total === null || total === 0 ? queries.total : queries.good} over ${formatDuration(seconds)}; no measurement is an error, not a pass`,
          slo.locate(["spec", "indicator"])
        );
      }
      let quantileSeconds = null;
      if (slo.indicator.kind === "threshold") {
        const { bucket } = histogramSelectors(slo, slo.indicator.query);
        quantileSeconds = await client.scalar(`histogram_quantile(${objective.target}, sum by (le) (rate(${formatSelector(bucket)}[${range}])))`);
      }
      const burn = {};
      for (const burnWindow of BURN_WINDOWS) burn[burnWindow] = await errorRatio(slo, objective, burnWindow);
      return { method: "ratio", samples: Math.round(total * seconds), ratio: good / total, quantileSeconds, burn };
    }
  };
}

export {
  flagList,
  objectSourcesFromFlags,
  DEFAULT_SLOS,
  readSlos,
  readK6Summary,
  requireJudgeable,
  measureEndpoint,
  k6RunFromFlags,
  runScript,
  formatMs,
  formatPercent,
  loadBudgetGate,
  counterSelector,
  scrape,
  sumMatching,
  PrometheusClient,
  BURN_WINDOWS,
  quantileStat,
  k6Measurer,
  scrapeMeasurer,
  prometheusMeasurer
};

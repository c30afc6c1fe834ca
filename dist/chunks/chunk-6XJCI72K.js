import { createRequire as __createRequire } from "node:module"; import { dirname as __pathDirname } from "node:path"; import { fileURLToPath as __fileURLToPath } from "node:url"; const require = __createRequire(import.meta.url); const __dirname = __pathDirname(__fileURLToPath(import.meta.url));
import {
  BURN_WINDOWS,
  PrometheusClient,
  flagList,
  formatMs,
  formatPercent,
  k6Measurer,
  k6RunFromFlags,
  prometheusMeasurer,
  quantileStat,
  readK6Summary,
  readSlos,
  requireJudgeable,
  runScript,
  scrape,
  scrapeMeasurer
} from "./chunk-VF2QWSIO.js";
import {
  parseJsonText,
  readJsonFile
} from "./chunk-3ONCGH4O.js";
import {
  SLO_FLAGS
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
  parseCatalogDuration,
  parseGoDuration
} from "./chunk-WWQ44ZA7.js";
import {
  redactSecrets
} from "./chunk-S2KBQMLG.js";
import {
  CollectorError,
  ConfigurationError
} from "./chunk-2GHCG2EG.js";

// src/gates/slo/index.ts
import { existsSync as existsSync2 } from "node:fs";
import { setTimeout as sleep2 } from "node:timers/promises";

// src/report/github/api.ts
import { setTimeout as sleep } from "node:timers/promises";
var GitHubApiError = class extends Error {
  constructor(method, path, status, body, rateLimitReset) {
    super(
      rateLimitReset ? `${method} ${path}: rate limited (HTTP ${status}, x-ratelimit-remaining: 0) until ${rateLimitReset.toISOString()}` : `${method} ${path}: ${status === 0 ? "no response" : `HTTP ${status}`}${body ? `: ${body.slice(0, 300)}` : ""}`
    );
    this.method = method;
    this.path = path;
    this.status = status;
    this.body = body;
    this.rateLimitReset = rateLimitReset;
  }
  method;
  path;
  status;
  body;
  rateLimitReset;
  name = "GitHubApiError";
  /** The token's rate limit is used up: not a permission problem, and no fork's read-only token. */
  get rateLimited() {
    return this.rateLimitReset !== void 0;
  }
  /** 403 or 401 that is not a rate limit: a token that may not write (a fork PR's read-only token, missing permissions). */
  get forbidden() {
    return (this.status === 403 || this.status === 401) && !this.rateLimited;
  }
};
var RATE_LIMIT_WAIT_MS = 6e4;
var REQUEST_TIMEOUT_MS = 3e4;
var GitHubApi = class {
  constructor(options) {
    this.options = options;
    this.retries = options.retries ?? 2;
    this.retryDelayMs = options.retryDelayMs ?? 1e3;
  }
  options;
  retries;
  retryDelayMs;
  async request(method, path, body) {
    return parseJson(method, path, (await this.send(method, path, body)).bytes);
  }
  /** The bytes of a GET (an artifact's zip: GitHub answers with a redirect to storage, which fetch follows). */
  async download(path) {
    return (await this.send("GET", path)).bytes;
  }
  async send(method, path, body) {
    const url = `${this.options.apiUrl.replace(/\/+$/, "")}${path}`;
    let attempt = 0;
    for (; ; ) {
      let response;
      let bytes;
      const timeoutMs = this.options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
      try {
        response = await fetch(url, {
          signal: AbortSignal.timeout(timeoutMs),
          method,
          headers: {
            accept: "application/vnd.github+json",
            authorization: `Bearer ${this.options.token}`,
            "x-github-api-version": "2022-11-28",
            "user-agent": this.options.userAgent ?? "resilience-gates",
            ...body === void 0 ? {} : { "content-type": "application/json" }
          },
          ...body === void 0 ? {} : { body: JSON.stringify(body) }
        });
        bytes = Buffer.from(await response.arrayBuffer());
      } catch (error) {
        if (attempt++ < this.retries) {
          await sleep(this.retryDelayMs * attempt);
          continue;
        }
        const timedOut = error instanceof Error && error.name === "TimeoutError";
        throw new GitHubApiError(method, path, 0, timedOut ? `no complete answer within ${timeoutMs / 1e3}s (${attempt} attempts)` : error instanceof Error ? error.message : String(error));
      }
      if (response.ok) return { bytes, headers: response.headers };
      const text = bytes.toString("utf8");
      const reset = exhaustedUntil(response);
      if (reset) {
        const wait = reset.getTime() - Date.now() + 1e3;
        if (wait <= (this.options.rateLimitWaitMs ?? RATE_LIMIT_WAIT_MS) && attempt++ < this.retries) {
          await sleep(Math.max(0, wait));
          continue;
        }
        throw new GitHubApiError(method, path, response.status, text, reset);
      }
      const retryable = response.status >= 500 || response.status === 429 || response.status === 403 && response.headers.get("retry-after") !== null;
      if (retryable && attempt++ < this.retries) {
        const after = Number(response.headers.get("retry-after"));
        await sleep(Number.isFinite(after) && after > 0 ? Math.min(after * 1e3, 3e4) : this.retryDelayMs * attempt);
        continue;
      }
      throw new GitHubApiError(method, path, response.status, text);
    }
  }
  /**
   * Every item of a paged list: the first page with per_page=100, then each `Link: <…>; rel="next"` the
   * server answers with, until there is none (GitHub's own paging; a short page does not end it, a
   * missing next link does). A next link to another host than the API is refused, so the token never
   * leaves it. More than `maxPages` pages is an error naming the list, never a silently shortened one.
   */
  async paginate(path, pick, maxPages = MAX_PAGES) {
    const items = [];
    const separator = path.includes("?") ? "&" : "?";
    let next = `${path}${separator}per_page=100&page=1`;
    for (let page = 1; next !== void 0; page += 1) {
      if (page > maxPages) {
        throw new GitHubApiError("GET", path, 0, `more than ${maxPages} pages of 100 (${items.length} items read); the list is not read further and nothing is decided on part of it`);
      }
      const current = next;
      const { bytes, headers } = await this.send("GET", current);
      items.push(...pick(parseJson(`GET`, current, bytes)));
      next = nextPage(headers.get("link"), this.options.apiUrl, current);
    }
    return items;
  }
};
var MAX_PAGES = 1e3;
function parseJson(method, path, bytes) {
  const text = bytes.toString("utf8");
  if (!text) return void 0;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new GitHubApiError(method, path, 200, `the response is not JSON (${error.message})`);
  }
}
function nextPage(link, apiUrl, current) {
  if (!link) return void 0;
  for (const part of link.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
    if (!match || !/(?:^|;)\s*rel\s*=\s*"?(?:[^";]*\s)?next(?:\s[^";]*)?"?\s*(?:;|$)/i.test(match[2])) continue;
    const base = new URL(apiUrl.replace(/\/*$/, "/"));
    const target = new URL(match[1], base);
    const prefix = base.pathname.replace(/\/$/, "");
    if (target.origin !== base.origin || !target.pathname.startsWith(`${prefix}/`)) {
      throw new GitHubApiError("GET", current, 0, `the next page's link points to ${target.origin}${target.pathname}, outside the API (${base.origin}${prefix || "/"}); not followed`);
    }
    return `${target.pathname.slice(prefix.length)}${target.search}`;
  }
  return void 0;
}
function exhaustedUntil(response) {
  if (response.status !== 403 && response.status !== 429 || response.headers.get("x-ratelimit-remaining") !== "0" || response.headers.get("retry-after") !== null) return void 0;
  const reset = Number(response.headers.get("x-ratelimit-reset"));
  return new Date(Number.isFinite(reset) && reset > 0 ? reset * 1e3 : Date.now() + 6e4);
}
function repoPath(owner, repo) {
  return `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`;
}

// src/sources/zip.ts
import { inflateRawSync } from "node:zlib";
var END_OF_CENTRAL_DIRECTORY = 101010256;
var CENTRAL_DIRECTORY_ENTRY = 33639248;
var LOCAL_FILE_HEADER = 67324752;
var STORED = 0;
var DEFLATED = 8;
function readZip(archive, shown, maxEntryBytes = 16 * 1024 * 1024) {
  const broken = (what) => new ConfigurationError(`${shown} is not a zip archive this reader takes: ${what}`);
  let end = -1;
  for (let at = archive.length - 22; at >= Math.max(0, archive.length - 22 - 65535); at--) {
    if (archive.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) throw broken("no end of central directory (truncated, or not a zip)");
  const count = archive.readUInt16LE(end + 10);
  let entry = archive.readUInt32LE(end + 16);
  if (count === 65535 || entry === 4294967295) throw broken("zip64 archives are not supported");
  const files = /* @__PURE__ */ new Map();
  for (let index = 0; index < count; index++) {
    if (entry + 46 > archive.length || archive.readUInt32LE(entry) !== CENTRAL_DIRECTORY_ENTRY) throw broken(`central directory entry ${index + 1} is damaged`);
    const method = archive.readUInt16LE(entry + 10);
    const compressedSize = archive.readUInt32LE(entry + 20);
    const size = archive.readUInt32LE(entry + 24);
    const nameLength = archive.readUInt16LE(entry + 28);
    const extraLength = archive.readUInt16LE(entry + 30);
    const commentLength = archive.readUInt16LE(entry + 32);
    const local = archive.readUInt32LE(entry + 42);
    const name = archive.toString("utf8", entry + 46, entry + 46 + nameLength);
    entry += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith("/")) continue;
    if (size > maxEntryBytes) throw broken(`${name} unpacks to ${size} bytes, more than the ${maxEntryBytes} allowed`);
    if (local + 30 > archive.length || archive.readUInt32LE(local) !== LOCAL_FILE_HEADER) throw broken(`the local header of ${name} is damaged`);
    const start = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    const data = archive.subarray(start, start + compressedSize);
    if (data.length !== compressedSize) throw broken(`${name} is cut short`);
    let content;
    if (method === STORED) content = Buffer.from(data);
    else if (method === DEFLATED) {
      try {
        content = inflateRawSync(data, { maxOutputLength: maxEntryBytes });
      } catch (error) {
        throw broken(`${name} does not inflate: ${error.message}`);
      }
    } else throw broken(`${name} uses compression method ${method}; only stored and deflated are read`);
    if (content.length !== size) throw broken(`${name} unpacks to ${content.length} bytes, not the ${size} its entry says`);
    files.set(name, content);
  }
  return files;
}

// src/gates/slo/artifact.ts
async function fetchBaselineArtifact(spec, env, logger, token) {
  const what = `baseline artifact ${spec.artifact}`;
  const repository = spec.repository ?? env.GITHUB_REPOSITORY;
  if (!repository || !/^[\w.-]+\/[\w.-]+$/.test(repository)) {
    throw new ConfigurationError(`${what}: no repository to read it from; set GITHUB_REPOSITORY (a workflow does) or baseline.repository: owner/name`);
  }
  if (!token) {
    throw new ConfigurationError(`${what}: no GitHub token: GITHUB_TOKEN is not set on the command line, and the action's github-token input is empty; the job needs \`permissions: actions: read\``);
  }
  const api = new GitHubApi({ apiUrl: env.GITHUB_API_URL ?? "https://api.github.com", token });
  const repo = `/repos/${repository}`;
  try {
    const branch = spec.branch ?? (await api.request("GET", repo)).default_branch;
    const listed = await api.paginate(`${repo}/actions/artifacts?name=${encodeURIComponent(spec.artifact)}`, (page) => page.artifacts ?? []);
    const named = listed.filter((artifact) => artifact.name === spec.artifact);
    const usable = named.filter((artifact) => !artifact.expired && artifact.workflow_run?.head_branch === branch).sort((a, b) => (b.created_at ?? "").localeCompare(a.created_at ?? ""));
    const chosen = usable[0];
    if (!chosen) {
      const expired = named.filter((artifact) => artifact.expired).length;
      throw new CollectorError(
        `${what}: no unexpired artifact of that name from a run on ${branch} in ${repository} (${named.length} with that name, ${expired} expired); run \`resilience-gates baseline save\` on ${branch} and keep the file with actions/upload-artifact (name: ${spec.artifact})`
      );
    }
    logger.info(`slo: baseline from artifact ${spec.artifact} #${chosen.id} (run ${chosen.workflow_run?.id ?? "?"} on ${branch}, ${chosen.created_at ?? "time unknown"})`);
    const shownArchive = `artifact ${spec.artifact} #${chosen.id}`;
    const files = readZip(await api.download(`${repo}/actions/artifacts/${chosen.id}/zip`), shownArchive);
    const json = [...files.keys()].filter((name2) => name2.endsWith(".json"));
    const name = spec.file ?? (json.length === 1 ? json[0] : void 0);
    const content = name === void 0 ? void 0 : files.get(name);
    if (name === void 0 || content === void 0) {
      throw new CollectorError(
        `${what}: ${spec.file ? `the artifact has no file ${spec.file}` : `the artifact holds ${json.length} JSON files, not one`} (it holds ${[...files.keys()].join(", ") || "nothing"}); name the file with baseline.file`
      );
    }
    return { text: content.toString("utf8"), shown: `${shownArchive}/${name}` };
  } catch (error) {
    if (error instanceof GitHubApiError) {
      const hint = error.forbidden || error.status === 404 ? " (the token needs `actions: read` on the repository, and the repository must exist)" : "";
      throw new CollectorError(`${what}: ${error.message}${hint}`);
    }
    throw error;
  }
}

// src/gates/slo/baseline.ts
import { existsSync } from "node:fs";
function baselineKey(measurement) {
  return `${measurement.slo}#${measurement.objective ?? "-"}#${measurement.metric}`;
}
function readBaseline(workspace, path) {
  const absolute = resolveInside(workspace, path, "baseline");
  const shown = displayPath(workspace, absolute);
  if (!existsSync(absolute)) {
    throw new ConfigurationError(`baseline ${path} does not exist; write it on the default branch with \`resilience-gates baseline save --slo F ... --output ${path}\``);
  }
  return checkedBaseline(readJsonFile(workspace, absolute, shown));
}
function parseBaseline(text, shown) {
  return checkedBaseline(parseJsonText(text, shown));
}
function checkedBaseline(json) {
  const shown = json.file;
  const problems = validate("slo-baseline", json.value, void 0, "the baseline");
  if (problems.length > 0) {
    const [first] = problems;
    throw new ConfigurationError(`not a baseline written by \`resilience-gates baseline save\`: ${first?.message ?? "invalid"}`, json.locate(first?.path ?? []));
  }
  const baseline = json.value;
  return { ...baseline, file: shown };
}

// src/gates/slo/index.ts
var DEFAULT_MIN_SAMPLES = 100;
async function measurerFor(context, options, slos) {
  const sources = [options.summary !== void 0, options.prometheus !== void 0, (options.metrics?.length ?? 0) > 0].filter(Boolean).length;
  if (sources !== 1) {
    throw new ConfigurationError(
      `slo: give exactly one source of measurements: --summary F (a k6 summary), --prometheus URL (a query API) or --metrics URL (scrapes of /metrics around a run); got ${sources}`
    );
  }
  if (options.summary !== void 0) {
    const absolute = resolveInside(context.workspace, options.summary, "k6 summary");
    if (!existsSync2(absolute)) throw new ConfigurationError(`slo: k6 summary ${options.summary} does not exist; write it with \`k6 run --summary-export ${options.summary}\``);
    const summary = readK6Summary(context.workspace, absolute, displayPath(context.workspace, absolute));
    requireJudgeable(summary);
    return k6Measurer(summary);
  }
  if (options.prometheus !== void 0) {
    if (options.window !== void 0 && parseCatalogDuration(options.window) === void 0) throw new ConfigurationError(`slo: window ${options.window} is not a duration like 1h or 28d`);
    return prometheusMeasurer(new PrometheusClient(options.prometheus), options.window);
  }
  const urls = options.metrics ?? [];
  for (const url of urls) {
    try {
      new URL(url);
    } catch {
      throw new ConfigurationError(`slo: --metrics ${redactSecrets(url)} is not a URL; give the service's metrics URL, like http://127.0.0.1:8080/metrics`);
    }
  }
  const hasRun = options.script !== void 0 || options.target !== void 0;
  if (!hasRun && options.observe === void 0) {
    throw new ConfigurationError("slo: --metrics scrapes before and after a load run: give --script F --target URL (the gate runs k6 between the scrapes) or --observe 60s (it waits that long)");
  }
  const before = (await Promise.all(urls.map((url) => scrape(url)))).flat();
  if (hasRun) {
    const endpoints = [...new Set(slos.flatMap((slo) => slo.k6 ? [slo.k6.endpoint] : []))];
    await runScript(context, "slo", { script: options.script ?? "", target: options.target ?? "", ...options }, options.tag ?? "endpoint", endpoints);
  } else {
    const seconds = parseGoDuration(options.observe ?? "");
    if (seconds === void 0 || seconds <= 0) throw new ConfigurationError(`slo: observe ${options.observe} is not a duration like 60s or 5m`);
    context.logger.info(`slo: observing ${urls.join(", ")} for ${formatDuration(seconds)}`);
    await sleep2(seconds * 1e3);
  }
  const after = (await Promise.all(urls.map((url) => scrape(url)))).flat();
  return scrapeMeasurer(before, after, urls);
}
async function measureSlos(context, options) {
  const { file, slos } = readSlos(context.workspace, options.slos, options.tag ?? "endpoint");
  const measurer = await measurerFor(context, options, slos);
  const measured = [];
  for (const slo of slos) {
    for (const objective of slo.objectives) measured.push({ slo, objective, measurement: await measurer.measure(slo, objective) });
  }
  return { file, measurer, measured };
}
function baselineMeasurements(measured) {
  const result = [];
  for (const { slo, objective, measurement } of measured) {
    if (slo.indicator.kind === "ratio") {
      if (objective.index === 0 && measurement.ratio !== null) result.push({ slo: slo.name, objective: null, metric: "error_rate", value: 1 - measurement.ratio, samples: measurement.samples });
    } else if (measurement.quantileSeconds !== null) {
      result.push({ slo: slo.name, objective: objective.index, metric: "latency", quantile: objective.target, value: measurement.quantileSeconds, samples: measurement.samples });
    }
  }
  return result;
}
function percentBeside(value, target) {
  for (let digits = 2; digits < 6; digits++) {
    if ((value * 100).toFixed(digits) !== (target * 100).toFixed(digits)) return `${Number((value * 100).toFixed(digits))}%`;
  }
  return `${Number((value * 100).toFixed(6))}%`;
}
function measuredText(slo, objective, m) {
  const requests = `${m.samples} events`;
  if (slo.indicator.kind === "ratio") {
    return { measured: `${percentBeside(m.ratio ?? 0, objective.target)} good of ${requests}`, objective: `at least ${formatPercent(objective.target)} good` };
  }
  const threshold = formatMs((objective.value ?? 0) * 1e3);
  const cmp = objective.op === "lt" ? "under" : "at most";
  if (m.method === "quantile") {
    return {
      measured: `${quantileStat(objective.target)} ${formatMs((m.quantileSeconds ?? 0) * 1e3)} over ${requests}`,
      objective: `${quantileStat(objective.target)} ${cmp} ${threshold}`
    };
  }
  return {
    measured: `${percentBeside(m.ratio ?? 0, objective.target)} of ${requests} within ${threshold}`,
    objective: `at least ${formatPercent(objective.target)} ${cmp} ${threshold}`
  };
}
function burnText(errorRatio, target) {
  return errorRatio === null ? "" : `${Number((errorRatio / (1 - target)).toFixed(1))}x`;
}
async function loadBaseline(context, baseline) {
  if (baseline === void 0) return void 0;
  if (typeof baseline === "string") return readBaseline(context.workspace, baseline);
  const { text, shown } = await fetchBaselineArtifact(baseline, process.env, context.logger, context.githubToken);
  return parseBaseline(text, shown);
}
async function collect(context, options) {
  const baseline = await loadBaseline(context, options.baseline);
  const { file, measurer, measured } = await measureSlos(context, options);
  const slos = [...new Set(measured.map((entry) => entry.slo))];
  const minSamples = options.minSamples ?? DEFAULT_MIN_SAMPLES;
  const latencyPercent = options.tolerance?.latencyPercent ?? 10;
  const errorRatePoints = options.tolerance?.errorRatePoints ?? 0.1;
  const tolerance = {
    latency_percent: latencyPercent,
    error_rate_points: errorRatePoints,
    text: { latency: `+${latencyPercent}%`, error_rate: `+${errorRatePoints} points` }
  };
  const baselineIndex = new Map((baseline?.measurements ?? []).map((entry) => [baselineKey(entry), entry]));
  const current = baselineMeasurements(measured);
  const comparisons = baseline ? current.map((now, id) => {
    const found = baselineIndex.get(baselineKey(now));
    const then = found && (now.metric !== "latency" || found.quantile === now.quantile) ? found : void 0;
    const show = (value) => now.metric === "latency" ? formatMs(value * 1e3) : formatPercent(value);
    const change = then === void 0 ? "" : now.metric === "latency" ? then.value > 0 ? `${now.value >= then.value ? "+" : ""}${Number(((now.value - then.value) / then.value * 100).toFixed(1))}%` : "new latency" : `${now.value >= then.value ? "+" : ""}${Number(((now.value - then.value) * 100).toFixed(2))} points`;
    return {
      id,
      slo: slos.findIndex((slo) => slo.name === now.slo),
      slo_name: now.slo,
      objective: now.objective,
      metric: now.metric,
      label: now.metric === "latency" ? `${quantileStat(now.quantile ?? 0)} latency` : "error rate",
      current: now.value,
      current_samples: now.samples,
      baseline: then?.value ?? null,
      baseline_samples: then?.samples ?? null,
      text: { current: show(now.value), baseline: then === void 0 ? "" : show(then.value), change }
    };
  }) : [];
  const input = {
    slo_file: file,
    source: measurer.source,
    source_detail: measurer.describe,
    baseline_file: baseline?.file ?? null,
    min_samples: minSamples,
    tolerance,
    slos: slos.map((slo, id) => ({ id, name: slo.name, display_name: slo.displayName, service: slo.service, indicator: slo.indicator.kind, window: slo.windowText })),
    objectives: measured.map(({ slo, objective, measurement }, id) => {
      const texts = measuredText(slo, objective, measurement);
      return {
        id,
        slo: slos.indexOf(slo),
        slo_name: slo.name,
        index: objective.index,
        display_name: objective.displayName,
        target: objective.target,
        op: objective.op,
        value: objective.value,
        method: measurement.method,
        samples: measurement.samples,
        ratio: measurement.ratio,
        quantile_seconds: measurement.quantileSeconds,
        burn: measurement.burn,
        text: {
          ...texts,
          burn: Object.fromEntries(BURN_WINDOWS.map((window) => [window, burnText(measurement.burn?.[window] ?? null, objective.target)]))
        }
      };
    }),
    comparisons
  };
  const locate = (finding) => {
    if (typeof finding.objective === "number") {
      const entry = measured[finding.objective];
      if (!entry) throw new CollectorError(`policy finding ${finding.rule} names unknown objective ${finding.objective}`);
      return { resource: { kind: "SLO", name: entry.slo.name }, location: entry.slo.locate(["spec", "objectives", entry.objective.index]) };
    }
    if (typeof finding.comparison === "number") {
      const comparison = comparisons[finding.comparison];
      const slo = comparison ? slos[comparison.slo] : void 0;
      if (!comparison || !slo) throw new CollectorError(`policy finding ${finding.rule} names unknown comparison ${finding.comparison}`);
      const path = comparison.objective === null ? ["spec", "indicator"] : ["spec", "objectives", comparison.objective];
      return { resource: { kind: "SLO", name: slo.name }, location: slo.locate(path) };
    }
    throw new CollectorError(`policy finding ${finding.rule} has no locator the slo collector knows`);
  };
  return {
    input,
    locate,
    stats: {
      slos: slos.length,
      objectives: measured.length,
      events: measured.reduce((total, entry) => total + entry.measurement.samples, 0),
      ...baseline ? { baselineMeasurements: baseline.measurements.length } : {}
    }
  };
}
function sloOptionsFromFlags(flags) {
  const string = (name) => typeof flags[name] === "string" ? flags[name] : void 0;
  const metrics = flagList(flags.metrics);
  const slos = string("slo");
  const summary = string("summary");
  const prometheus = string("prometheus");
  if (!slos && !summary && !prometheus && metrics.length === 0) return void 0;
  const minSamples = string("min-samples");
  if (minSamples !== void 0 && !/^[0-9]+$/.test(minSamples)) throw new ConfigurationError(`--min-samples ${minSamples} is not a whole number`);
  return {
    ...slos ? { slos } : {},
    ...summary ? { summary } : {},
    ...prometheus ? { prometheus } : {},
    ...metrics.length ? { metrics } : {},
    ...string("baseline") ? { baseline: string("baseline") } : {},
    ...string("baseline-artifact") ? { baseline: { artifact: string("baseline-artifact") } } : {},
    ...string("observe") ? { observe: string("observe") } : {},
    ...string("window") ? { window: string("window") } : {},
    ...minSamples !== void 0 ? { minSamples: Number(minSamples) } : {},
    ...k6RunFromFlags(flags)
  };
}
var sloGate = {
  id: "slo",
  summary: "Measured SLIs meet every SLO objective, do not regress against the baseline, and do not burn error budget too fast",
  cliFlags: SLO_FLAGS,
  optionsFromFlags: sloOptionsFromFlags,
  collect,
  fixtureOptions(file) {
    const [document] = readYamlFile(standaloneWorkspace(file), file, file);
    if (!isRecord(document?.value)) throw new ConfigurationError(`fixture ${file} must be a mapping of slo options`);
    return document.value;
  }
};

export {
  GitHubApiError,
  RATE_LIMIT_WAIT_MS,
  GitHubApi,
  repoPath,
  readBaseline,
  measureSlos,
  baselineMeasurements,
  sloOptionsFromFlags,
  sloGate
};

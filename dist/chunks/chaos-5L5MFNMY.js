import { createRequire as __createRequire } from "node:module"; import { dirname as __pathDirname } from "node:path"; import { fileURLToPath as __fileURLToPath } from "node:url"; const require = __createRequire(import.meta.url); const __dirname = __pathDirname(__fileURLToPath(import.meta.url));
import {
  CHAOS_RESULT_CONFIGMAP,
  RESULT_TYPE,
  deployedVersion,
  dryRunKubernetes,
  injectKubernetes,
  loadChaosConfig,
  readResultFile,
  sliText,
  writeSignedResult
} from "./chunk-O5ZEMYER.js";
import {
  PUBLIC_KEY_ENV,
  loadSigningKey,
  publishSigned,
  trustedKeysFrom
} from "./chunk-XWMP5C5J.js";
import {
  createStderrLogger
} from "./chunk-647UBY3D.js";
import {
  PrometheusClient,
  counterSelector,
  formatMs,
  formatPercent,
  k6Measurer,
  measureEndpoint,
  runScript,
  scrape,
  sumMatching
} from "./chunk-VF2QWSIO.js";
import "./chunk-3ONCGH4O.js";
import "./chunk-XIZQFOMP.js";
import {
  EXIT,
  UsageError,
  parseCommandLine,
  toolVersion
} from "./chunk-JVGNGV63.js";
import "./chunk-HD6LMWO3.js";
import {
  loadConfig
} from "./chunk-2WGWLA3Q.js";
import "./chunk-CWLLBQX2.js";
import "./chunk-QSZOVTT4.js";
import {
  resolveInside,
  standaloneWorkspace
} from "./chunk-HDD5QP5V.js";
import {
  parseGoDuration,
  pinnedVersion,
  runProcess
} from "./chunk-WWQ44ZA7.js";
import "./chunk-S2KBQMLG.js";
import {
  CollectorError,
  ConfigurationError,
  describeThrown
} from "./chunk-2GHCG2EG.js";
import "./chunk-JPIEGBNI.js";

// src/commands/chaos.ts
import { existsSync as existsSync2 } from "node:fs";
import { join, resolve } from "node:path";

// src/chaos/run.ts
import { hostname } from "node:os";

// src/chaos/local.ts
import { existsSync, readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
function alive(pid) {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return true;
  }
}
function readPid(config, name, process_) {
  const file = resolveInside(config.workspace, process_.pidFile, "pid file");
  if (!existsSync(file)) throw new CollectorError(`process ${name}: pid file ${process_.pidFile} does not exist; is the stack running (bash scripts/stack.sh start)?`);
  const pid = Number(readFileSync(file, "utf8").split("\n")[0]?.trim());
  if (!Number.isInteger(pid) || pid <= 1) throw new CollectorError(`process ${name}: pid file ${process_.pidFile} holds no pid`);
  if (!alive(pid)) throw new CollectorError(`process ${name} (pid ${pid} from ${process_.pidFile}) is not running; start the stack first`);
  return pid;
}
async function waitGone(pid, seconds) {
  const deadline = Date.now() + seconds * 1e3;
  while (Date.now() < deadline) {
    if (!alive(pid)) return true;
    await sleep(100);
  }
  return !alive(pid);
}
async function waitHealthy(url, timeoutSeconds) {
  const started = Date.now();
  while (Date.now() - started < timeoutSeconds * 1e3) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2e3) });
      await response.arrayBuffer();
      if (response.ok) return (Date.now() - started) / 1e3;
    } catch {
    }
    await sleep(200);
  }
  return null;
}
async function restart(config, name, process_) {
  if (!process_.restart) return `no restart command for ${name}`;
  const [file, ...args] = process_.restart;
  const run2 = await runProcess(file, args, { cwd: config.workspace.base, timeoutMs: 18e4 });
  if (run2.exitCode !== 0) throw new CollectorError(`restarting ${name} with \`${process_.restart.join(" ")}\` exited ${run2.exitCode}: ${(run2.stderr || run2.stdout).trim().split("\n").slice(-3).join(" ")}`);
  if (process_.ready) {
    const took = await waitHealthy(process_.ready, config.recovery.timeoutSeconds);
    if (took === null) throw new CollectorError(`${name} restarted but ${process_.ready} did not answer 2xx within ${config.recovery.timeoutSeconds}s`);
  }
  return `restarted with \`${process_.restart.join(" ")}\``;
}
function token(config, name, fault) {
  if (fault.tokenEnv) {
    const value = process.env[fault.tokenEnv];
    if (!value) throw new ConfigurationError(`fault switch ${name}: ${fault.tokenEnv} is not set`);
    return value;
  }
  if (fault.tokenFile) {
    const file = resolveInside(config.workspace, fault.tokenFile, "token file");
    if (!existsSync(file)) throw new ConfigurationError(`fault switch ${name}: token file ${fault.tokenFile} does not exist`);
    return readFileSync(file, "utf8").trim();
  }
  return void 0;
}
async function callSwitch(name, url, secret, method, body) {
  let response;
  try {
    response = await fetch(url, {
      method,
      headers: { ...secret ? { authorization: `Bearer ${secret}` } : {}, ...body ? { "content-type": "application/json" } : {} },
      ...body ? { body: JSON.stringify(body) } : {},
      signal: AbortSignal.timeout(5e3)
    });
  } catch (error) {
    throw new CollectorError(`fault switch ${name}: cannot reach ${url}: ${error.cause instanceof Error ? error.cause.message : error.message}`);
  }
  const text = await response.text();
  if (!response.ok) throw new CollectorError(`fault switch ${name}: ${method} ${url} answered ${response.status}${response.status === 401 ? " (wrong admin token)" : ""}: ${text.slice(0, 200)}`);
}
function planLocal(config, experiment) {
  const { fault } = experiment;
  const name = fault.process ?? fault.switch;
  if (!config.blastRadius.processes.includes(name)) {
    throw new ConfigurationError(
      `experiment ${experiment.name} would touch ${name}, which is not in blastRadius.processes (${config.blastRadius.processes.join(", ") || "empty"}); add it there to allow it`,
      experiment.locate(["fault"])
    );
  }
  const action = {
    "stop-process": `${fault.process && config.local.processes[fault.process]?.stopSignal || "SIGTERM"}, restarted at the end`,
    "pause-process": "SIGSTOP, SIGCONT at the end",
    "kill-process": "SIGKILL, restarted at the end",
    "fault-switch": `${[fault.failMode ? `FAIL_MODE=${fault.failMode}` : "", fault.slowMode ? `SLOW_MODE=${fault.slowMode}` : ""].filter(Boolean).join(" ")}, cleared at the end`
  };
  return [{ kind: fault.kind === "fault-switch" ? "FaultSwitch" : "Process", name, action: action[fault.kind] ?? fault.kind }];
}
async function injectLocal(config, experiment, ledger) {
  const touched = planLocal(config, experiment);
  const { fault } = experiment;
  if (fault.kind === "fault-switch") {
    const name2 = fault.switch;
    const switch_ = config.local.switches[name2];
    const secret = token(config, name2, switch_);
    const body = { ...fault.failMode ? { failMode: fault.failMode } : {}, ...fault.slowMode ? { slowMode: fault.slowMode } : {} };
    await callSwitch(name2, switch_.url, secret, "PUT", body);
    ledger.push(`clear the faults of ${name2} (DELETE ${switch_.url})`, async () => callSwitch(name2, switch_.url, secret, "DELETE"));
    return { detail: `${name2}: ${Object.entries(body).map(([key, value]) => `${key}=${value}`).join(", ")}`, touched };
  }
  const name = fault.process;
  const process_ = config.local.processes[name];
  const pid = readPid(config, name, process_);
  if (fault.kind === "pause-process") {
    process.kill(pid, "SIGSTOP");
    ledger.push(`SIGCONT ${name} (pid ${pid})`, async () => {
      process.kill(pid, "SIGCONT");
    });
    return { detail: `${name} (pid ${pid}) paused with SIGSTOP`, touched };
  }
  if (fault.kind === "stop-process") {
    const signal = process_.stopSignal ?? "SIGTERM";
    process.kill(pid, signal);
    ledger.push(`start ${name} again`, () => restart(config, name, process_));
    if (!await waitGone(pid, 30)) throw new CollectorError(`${name} (pid ${pid}) still runs 30 s after ${signal}`);
    return { detail: `${name} (pid ${pid}) stopped with ${signal}`, touched };
  }
  const killedAt = Date.now();
  process.kill(pid, "SIGKILL");
  if (!await waitGone(pid, 30)) throw new CollectorError(`${name} (pid ${pid}) still runs 30 s after SIGKILL`);
  const back = restart(config, name, process_).then((detail) => ({ detail, seconds: (Date.now() - killedAt) / 1e3 }));
  back.catch(() => {
  });
  ledger.push(`wait for ${name} to be started again`, async () => {
    const { detail, seconds } = await back;
    return `${detail}, back after ${seconds}s`;
  });
  return {
    detail: `${name} (pid ${pid}) killed with SIGKILL and started again by its restart command`,
    touched,
    recovered: back.then(
      ({ seconds }) => seconds,
      () => null
    )
  };
}

// src/chaos/undo.ts
var UndoLedger = class {
  constructor(log) {
    this.log = log;
    process.on("SIGINT", this.onSignal);
    process.on("SIGTERM", this.onSignal);
  }
  log;
  steps = [];
  done;
  onSignal = (signal) => {
    this.log(`${signal}: undoing what the experiment changed before exiting`);
    void this.undoAll().then((records) => {
      for (const record of records) this.log(`${record.ok ? "undone" : "UNDO FAILED"}: ${record.what}${record.detail ? ` (${record.detail})` : ""}`);
      process.exit(130);
    });
  };
  /** Registers the undo of a change just made. */
  push(what, undo) {
    if (this.done) throw new Error(`cannot register "${what}": the experiment was already undone`);
    this.steps.push({ what, undo });
  }
  get pending() {
    return this.steps.length;
  }
  /** Runs every undo, newest first; later calls return the same records. */
  undoAll() {
    this.done ??= (async () => {
      const records = [];
      for (const step of [...this.steps].reverse()) {
        try {
          const detail = await step.undo();
          records.push({ what: step.what, ok: true, ...detail ? { detail } : {} });
        } catch (error) {
          records.push({ what: step.what, ok: false, detail: error instanceof Error ? error.message : String(error) });
        }
      }
      process.off("SIGINT", this.onSignal);
      process.off("SIGTERM", this.onSignal);
      return records;
    })();
    return this.done;
  }
};

// src/chaos/run.ts
function steadyStateSlos(config, experiment) {
  const named = experiment.steadyState?.slos;
  const chosen = named ? config.slos.slos.filter((slo) => named.includes(slo.name)) : config.slos.slos.filter((slo) => slo.service === experiment.service && slo.k6);
  for (const slo of chosen) {
    if (!slo.k6) throw new ConfigurationError(`SLO ${slo.name} has no resilience-gates.io/k6-endpoint annotation, so k6 cannot measure it during the experiment`, slo.locate(["metadata", "name"]));
  }
  if (chosen.length === 0) throw new ConfigurationError(`experiment ${experiment.name}: service ${experiment.service} has no SLO k6 can measure in ${config.slos.file}; name them in steadyState.slos`, experiment.locate(["steadyState"]));
  return chosen;
}
async function dryRun(config, experiment) {
  return experiment.target === "local" ? planLocal(config, experiment) : dryRunKubernetes(config, experiment);
}
function phaseLogger(logger, experiment, phase) {
  const prefix = `chaos ${experiment} ${phase}:`;
  return { info: (line) => logger.info(`${prefix} ${line}`), warn: (line) => logger.warn(`${prefix} ${line}`), debug: (line) => logger.debug(`${prefix} ${line}`) };
}
function figures(summary2, aborted) {
  const total = summary2.metrics.find((metric) => metric.key === "http_reqs")?.values.count ?? 0;
  const failed = summary2.metrics.find((metric) => metric.key === "http_req_failed");
  return { requests: total, errors: failed?.values.passes ?? 0, durationSeconds: (summary2.durationMs ?? 0) / 1e3, aborted };
}
async function slis(summary2, slos, phase, required) {
  const measurer = k6Measurer(summary2);
  const records = [];
  for (const slo of slos) {
    for (const objective of slo.objectives) {
      try {
        const m = await measurer.measure(slo, objective);
        const met = m.method === "ratio" ? (m.ratio ?? 0) >= objective.target : objective.op === "lt" ? (m.quantileSeconds ?? Infinity) < (objective.value ?? 0) : (m.quantileSeconds ?? Infinity) <= (objective.value ?? 0);
        records.push({ phase, slo: slo.name, objective: objective.index, target: objective.target, samples: m.samples, ratio: m.ratio, quantileSeconds: m.quantileSeconds, met, required });
      } catch (error) {
        if (!(error instanceof CollectorError)) throw error;
        records.push({ phase, slo: slo.name, objective: objective.index, target: objective.target, samples: 0, ratio: null, quantileSeconds: null, met: false, required });
      }
    }
  }
  return records;
}
async function scrapeAll(urls) {
  return (await Promise.all(urls.map((url) => scrape(url)))).flat();
}
async function promCheck(query) {
  const value = await new PrometheusClient(query.url).scalar(query.query);
  if (value === null) return { ok: false, detail: `${query.query} returned no data` };
  const ok = (query.max === void 0 || value <= query.max) && (query.min === void 0 || value >= query.min);
  return { ok, detail: `${query.query} = ${value}${query.max !== void 0 ? ` (max ${query.max})` : ""}${query.min !== void 0 ? ` (min ${query.min})` : ""}` };
}
async function runExperiment(config, experiment, options) {
  const { logger } = options;
  const clock = options.now ?? (() => /* @__PURE__ */ new Date());
  const started = clock();
  const slos = steadyStateSlos(config, experiment);
  const tag = config.load.tag ?? "endpoint";
  const endpoints = [...new Set(slos.flatMap((slo) => slo.k6 ? [slo.k6.endpoint] : []))];
  const expectations = experiment.expect ?? [];
  for (const expectation of expectations) if (expectation.endpoint && !endpoints.includes(expectation.endpoint.name)) endpoints.push(expectation.endpoint.name);
  const planned = await dryRun(config, experiment);
  const serviceVersion = config.versions[experiment.service] ?? (experiment.target === "kubernetes" ? await deployedVersion(config, experiment.service) : null);
  const context = { workspace: config.workspace, logger, now: started };
  const failures = [];
  let tools = { "resilience-gates": options.version };
  const k6Run = async (phase, seconds, extra = {}) => {
    const run2 = await runScript(
      { ...context, logger: phaseLogger(logger, experiment.name, phase) },
      "chaos",
      {
        script: config.load.script,
        target: config.load.target,
        env: { ...config.load.env ?? {}, [config.load.durationEnv ?? "DURATION"]: `${seconds}s` },
        ...config.load.targetEnv ? { targetEnv: config.load.targetEnv } : {},
        ...config.load.args ? { args: config.load.args } : {},
        ...config.load.k6 ? { k6: config.load.k6 } : {},
        timeout: config.load.timeout ?? "5m"
      },
      tag,
      endpoints,
      [],
      extra
    );
    return run2.summary;
  };
  logger.info(`chaos ${experiment.name}: ${experiment.fault.kind} on ${planned.map((item) => `${item.kind} ${item.namespace ? `${item.namespace}/` : ""}${item.name}`).join(", ")} (service ${experiment.service}${serviceVersion ? ` ${serviceVersion}` : ""})`);
  logger.info(`chaos ${experiment.name} before: steady state without the fault, ${config.phaseText.before} of k6`);
  const beforeSummary = await k6Run("before", config.phases.before);
  const beforeSlis = await slis(beforeSummary, slos, "before", true);
  const phases = { before: figures(beforeSummary, false) };
  const metricExpectations = expectations.filter((expectation) => expectation.metric);
  const scrapedBefore = /* @__PURE__ */ new Map();
  for (const [index, expectation] of metricExpectations.entries()) scrapedBefore.set(index, await scrapeAll(expectation.metric?.urls ?? []));
  const ledger = new UndoLedger((line) => logger.warn(`chaos ${experiment.name}: ${line}`));
  let injected;
  let faultStartedAt = null;
  let faultEndedAt;
  let duringSummary;
  let aborted = false;
  const promResults = [];
  const scrapedAfter = /* @__PURE__ */ new Map();
  const abortRate = experiment.abort?.errorRate ?? 0.5;
  const abortP95 = experiment.abort?.p95 === void 0 ? void 0 : parseGoDuration(experiment.abort.p95);
  const abortThresholds = {
    http_req_failed: [{ threshold: `rate<${abortRate}`, abortOnFail: true, delayAbortEval: "2s" }],
    ...abortP95 !== void 0 ? { http_req_duration: [{ threshold: `p(95)<${abortP95 * 1e3}`, abortOnFail: true, delayAbortEval: "2s" }] } : {}
  };
  for (const expectation of expectations) {
    if (expectation.endpoint?.status !== void 0) abortThresholds[`http_reqs{${tag}:${expectation.endpoint.name},status:${expectation.endpoint.status}}`] = ["count>=0"];
  }
  try {
    logger.info(`chaos ${experiment.name} during: ${experiment.fault.kind} once k6's setup() is done, ${config.phaseText.during} of k6 (abort at error rate ${formatPercent(abortRate)}${abortP95 !== void 0 ? ` or p95 ${formatMs(abortP95 * 1e3)}` : ""})`);
    duringSummary = await k6Run("during", config.phases.during, {
      thresholds: abortThresholds,
      afterSetup: async () => {
        faultStartedAt = clock();
        injected = experiment.target === "local" ? await injectLocal(config, experiment, ledger) : await injectKubernetes(config, experiment, ledger);
        logger.info(`chaos ${experiment.name} during: fault injected: ${injected.detail}`);
      }
    });
    const abortMetric = duringSummary.metrics.filter((metric) => metric.key === "http_req_failed" || metric.key === "http_req_duration");
    aborted = abortMetric.some((metric) => metric.thresholds.some((threshold) => !threshold.passed && Object.values(abortThresholds).flat().some((t) => t.threshold === threshold.expression)));
    phases.during = figures(duringSummary, aborted);
    if (aborted) failures.push(`the steady state broke beyond the abort limit (error rate ${formatPercent(abortRate)}${abortP95 !== void 0 ? ` or p95 ${formatMs(abortP95 * 1e3)}` : ""}); k6 stopped the run`);
    for (const [index, expectation] of metricExpectations.entries()) scrapedAfter.set(index, await scrapeAll(expectation.metric?.urls ?? []));
    for (const query of experiment.steadyState?.prometheus ?? []) promResults.push({ description: `steady state: ${query.query}`, expectation: false, ...await promCheck(query) });
    for (const expectation of expectations) if (expectation.prometheus) promResults.push({ description: expectation.description, expectation: true, ...await promCheck(expectation.prometheus) });
  } catch (error) {
    failures.push(`the experiment broke off: ${describeThrown(error)}`);
  } finally {
    faultEndedAt = faultStartedAt ? clock() : null;
  }
  const undone = await ledger.undoAll();
  for (const record of undone) {
    logger.info(`chaos ${experiment.name}: ${record.ok ? "undone" : "UNDO FAILED"}: ${record.what}${record.detail ? ` (${record.detail})` : ""}`);
    if (!record.ok) failures.push(`undo failed: ${record.what}: ${record.detail ?? ""}`);
  }
  let recoveredAt = null;
  let recoverySeconds = null;
  if (faultEndedAt) {
    const waits = await Promise.all(config.recovery.probes.map((url) => waitHealthy(url, config.recovery.timeoutSeconds)));
    if (waits.every((took) => took !== null)) {
      recoveredAt = clock();
      recoverySeconds = Math.round(recoveredAt.getTime() - faultEndedAt.getTime()) / 1e3;
    } else {
      failures.push(`not recovered: ${config.recovery.probes.filter((_, index) => waits[index] === null).join(", ")} did not answer 2xx within ${config.recovery.timeoutSeconds}s of the undo`);
    }
  }
  let afterSlis = [];
  if (recoveredAt && !failures.some((failure) => failure.startsWith("undo failed"))) {
    logger.info(`chaos ${experiment.name} after: recovered in ${recoverySeconds}s; ${config.phaseText.after} of k6`);
    try {
      const afterSummary = await k6Run("after", config.phases.after);
      afterSlis = await slis(afterSummary, slos, "after", true);
      phases.after = figures(afterSummary, false);
    } catch (error) {
      failures.push(`the after phase broke off: ${describeThrown(error)}`);
    }
  }
  const duringRequired = experiment.steadyState?.during !== false;
  const duringSlis = duringSummary ? await slis(duringSummary, slos, "during", duringRequired) : [];
  const allSlis = [...beforeSlis, ...duringSlis, ...afterSlis];
  const missed = (phase) => allSlis.filter((record) => record.phase === phase && record.required && !record.met);
  if (missed("before").length) failures.push(`the steady state did not hold before the fault, so the experiment proves nothing: ${missed("before").map(sliText).join("; ")}`);
  if (missed("during").length) failures.push(`SLOs missed during the fault: ${missed("during").map(sliText).join("; ")}`);
  if (missed("after").length) failures.push(`SLOs missed after recovery: ${missed("after").map(sliText).join("; ")}`);
  if (faultEndedAt && afterSlis.length === 0 && !failures.some((failure) => failure.startsWith("the after phase"))) failures.push("no after-phase measurement: the service did not recover");
  const observed = [];
  for (const [index, expectation] of expectations.entries()) {
    if (expectation.endpoint && duringSummary) {
      const spec = expectation.endpoint;
      const measured = measureEndpoint(duringSummary, tag, spec.name);
      const parts = [];
      let ok = (measured.samples ?? 0) > 0;
      parts.push(`${measured.samples ?? 0} requests to ${spec.name}`);
      if (spec.status !== void 0) {
        const metric = duringSummary.metrics.find((m) => m.name === "http_reqs" && m.tags[tag] === spec.name && m.tags.status === String(spec.status) && Object.keys(m.tags).length === 2);
        const share = (metric?.values.count ?? 0) / Math.max(1, measured.samples ?? 0);
        ok &&= share >= (spec.minShare ?? 0.9);
        parts.push(`${formatPercent(share)} answered ${spec.status} (want at least ${formatPercent(spec.minShare ?? 0.9)})`);
      }
      if (spec.maxErrorRate !== void 0) {
        ok &&= measured.errorRate !== null && measured.errorRate <= spec.maxErrorRate;
        parts.push(`error rate ${measured.errorRate === null ? "unknown" : formatPercent(measured.errorRate)} (at most ${formatPercent(spec.maxErrorRate)})`);
      }
      if (spec.maxP99 !== void 0) {
        const limit = (parseGoDuration(spec.maxP99) ?? 0) * 1e3;
        const p99 = measured.durationMs["p(99)"];
        ok &&= p99 !== void 0 && p99 <= limit;
        parts.push(`p99 ${p99 === void 0 ? "unknown" : formatMs(p99)} (at most ${formatMs(limit)})`);
      }
      observed.push({ description: expectation.description, observed: ok, detail: parts.join(", ") });
    } else if (expectation.metric) {
      const selector = counterSelector(expectation.metric.counter);
      const position = metricExpectations.indexOf(expectation);
      const before = scrapedBefore.get(position);
      const after = scrapedAfter.get(position);
      if (!selector) {
        observed.push({ description: expectation.description, observed: false, detail: `${expectation.metric.counter} is not a counter selector` });
      } else if (!before || !after) {
        observed.push({ description: expectation.description, observed: false, detail: "the metrics were not scraped after the fault" });
      } else {
        const increase = sumMatching(after, selector).value - sumMatching(before, selector).value;
        const want = expectation.metric.minIncrease ?? 1;
        observed.push({ description: expectation.description, observed: increase >= want, detail: `${expectation.metric.counter} rose by ${increase} during the fault (want at least ${want})` });
      }
    } else if (expectation.recoveryWithin) {
      const limit = parseGoDuration(expectation.recoveryWithin) ?? 0;
      const took = injected?.recovered !== void 0 ? await injected.recovered : recoverySeconds;
      observed.push({ description: expectation.description, observed: took !== null && took <= limit, detail: took === null ? "did not recover" : `recovered in ${took}s (within ${expectation.recoveryWithin})` });
    } else if (expectation.prometheus) {
      const found = promResults.find((result) => result.expectation && result.description === expectation.description);
      observed.push({ description: expectation.description, observed: found?.ok ?? false, detail: found?.detail ?? "the query did not run" });
    } else {
      observed.push({ description: expectation.description, observed: false, detail: `expectation ${index} could not be checked` });
    }
  }
  for (const record of observed) if (!record.observed) failures.push(`expected degradation not observed: ${record.description}: ${record.detail}`);
  for (const result of promResults) if (!result.expectation && !result.ok) failures.push(`steady-state query failed: ${result.detail}`);
  if (injected?.recovered && recoverySeconds !== null) {
    const took = await injected.recovered;
    if (took !== null) recoverySeconds = took;
  }
  if (!injected && faultStartedAt === null && !failures.length) failures.push("the fault was never injected");
  const k6Version = pinnedVersion("k6");
  if (k6Version) tools = { ...tools, k6: k6Version };
  const finished = clock();
  return {
    type: RESULT_TYPE,
    experiment: experiment.name,
    service: experiment.service,
    dependency: experiment.dependency ?? null,
    podLoss: experiment.podLoss === true,
    target: experiment.target,
    serviceVersion,
    result: aborted ? "aborted" : failures.length ? "failed" : "passed",
    fault: { kind: experiment.fault.kind, detail: injected?.detail ?? "not injected" },
    times: {
      startedAt: started.toISOString(),
      faultStartedAt: faultStartedAt?.toISOString() ?? null,
      faultEndedAt: faultEndedAt?.toISOString() ?? null,
      recoveredAt: recoveredAt?.toISOString() ?? null,
      finishedAt: finished.toISOString()
    },
    measured: { recoverySeconds, phases },
    slis: allSlis,
    expectations: observed,
    touched: injected?.touched ?? [],
    undone,
    host: hostname(),
    tools,
    failures
  };
}

// src/commands/chaos.ts
var CHAOS_HELP = `Usage: resilience-gates chaos <command> [options]

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
function string(values, name) {
  const value = values[name];
  return typeof value === "string" ? value : void 0;
}
function strings(values, name) {
  const value = values[name];
  return Array.isArray(value) ? value.map(String) : typeof value === "string" ? [value] : [];
}
function stamp(date) {
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
}
function summary(result, file) {
  const verdict = result.result.toUpperCase();
  const sli = (phase) => {
    const records = result.slis.filter((record) => record.phase === phase);
    return records.length ? `${records.filter((record) => record.met).length}/${records.length} objectives met ${phase}` : `not measured ${phase}`;
  };
  const lines = [
    `${verdict} chaos experiment ${result.experiment} (${result.service}, ${result.fault.kind}): ${sli("before")}, ${sli("during")}, ${sli("after")}; recovery ${result.measured.recoverySeconds === null ? "not measured" : `${result.measured.recoverySeconds}s`}`,
    ...result.expectations.map((expectation) => `  ${expectation.observed ? "observed" : "NOT observed"}: ${expectation.description} (${expectation.detail})`),
    ...result.undone.map((record) => `  ${record.ok ? "undone" : "UNDO FAILED"}: ${record.what}${record.detail ? ` (${record.detail})` : ""}`),
    ...result.failures.map((failure) => `  - ${failure}`),
    `result written to ${file}`
  ];
  return `${lines.join("\n")}
`;
}
async function run(args) {
  const { values, positionals } = parseCommandLine(args, {
    chaos: { type: "string" },
    config: { type: "string" },
    experiment: { type: "string", multiple: true },
    "dry-run": { type: "boolean" },
    key: { type: "string" },
    out: { type: "string" },
    quiet: { type: "boolean" },
    verbose: { type: "boolean" }
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}
${CHAOS_HELP}`);
  const logger = createStderrLogger({ quiet: Boolean(values.quiet), verbose: Boolean(values.verbose) });
  const gates = loadConfig({ cwd: process.cwd(), ...string(values, "config") ? { config: string(values, "config") } : {} });
  const fromConfig = gates.gates["chaos-readiness"]?.experiments;
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
        `${experiment.name} (${experiment.target}, ${experiment.fault.kind}) would touch:
${touched.map((item) => `  ${item.kind} ${item.namespace ? `${item.namespace}/` : ""}${item.name}: ${item.action}`).join("\n")}
`
      );
    }
    return EXIT.ok;
  }
  const key = loadSigningKey(string(values, "key"));
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
function verify(args) {
  const { values, positionals } = parseCommandLine(args, { "public-key": { type: "string", multiple: true } });
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new UsageError("chaos verify needs exactly one result FILE and --public-key F");
  const trusted = trustedKeysFrom(strings(values, "public-key"));
  if (trusted.length === 0) throw new UsageError(`chaos verify needs --public-key F (or ${PUBLIC_KEY_ENV})`);
  if (!existsSync2(file)) throw new ConfigurationError(`result ${file} does not exist`);
  const read = readResultFile(standaloneWorkspace(resolve(file)), resolve(file), file, trusted);
  if (!read.ok) {
    process.stdout.write(`INVALID ${read.location.file}:${read.location.line}: ${read.message}
`);
    return EXIT.block;
  }
  const { proof: result, signature } = read;
  if (signature.status !== "valid") {
    process.stdout.write(`${signature.status === "missing" ? "UNSIGNED" : "TAMPERED"} ${file}: ${signature.detail}
`);
    return EXIT.block;
  }
  process.stdout.write(`${result.result === "passed" ? "VALID" : result.result.toUpperCase()} ${file}: ${signature.detail}; ${result.experiment} ${result.result} at ${result.times.finishedAt}${result.failures.length ? `; ${result.failures.join("; ")}` : ""}
`);
  return result.result === "passed" ? EXIT.ok : EXIT.block;
}
async function publish(args) {
  const { values, positionals } = parseCommandLine(args, { context: { type: "string" }, namespace: { type: "string" }, name: { type: "string" } });
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new UsageError("chaos publish needs exactly one result FILE");
  const published = await publishSigned(
    resolve(file),
    file,
    {
      ...string(values, "context") ? { context: string(values, "context") } : {},
      ...string(values, "namespace") ? { namespace: string(values, "namespace") } : {},
      ...string(values, "name") ? { name: string(values, "name") } : {}
    },
    CHAOS_RESULT_CONFIGMAP
  );
  process.stdout.write(`published ${file} (experiment ${published.value}) as ConfigMap ${published.namespace}/${published.name}
`);
  return EXIT.ok;
}
async function chaos(args) {
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
    case void 0:
      process.stdout.write(CHAOS_HELP);
      return EXIT.error;
    default:
      throw new UsageError(`unknown chaos command ${sub}
${CHAOS_HELP}`);
  }
}
export {
  CHAOS_HELP,
  chaos
};

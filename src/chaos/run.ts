/**
 * Runs one chaos experiment for real: k6 measures the steady state before the fault; the fault is
 * injected once the k6 script's setup() has returned (so seeding is not what the fault breaks) and k6
 * measures while it lasts, with abort limits as k6 abortOnFail thresholds; the fault is undone (also on
 * failure and on SIGINT); recovery is timed; k6 measures once more after. The outcome is a result
 * (schemas/chaos-result.schema.json) that the caller signs.
 */
import { hostname } from "node:os";
import { CollectorError, ConfigurationError, describeThrown } from "../engine/errors.js";
import type { GateContext } from "../engine/gate.js";
import type { Logger } from "../engine/logger.js";
import { parseGoDuration } from "../sources/duration.js";
import { pinnedVersion } from "../sources/tools.js";
import { measureEndpoint, type K6Summary } from "../sources/k6.js";
import { formatMs, formatPercent } from "../gates/load-budget/index.js";
import { runScript } from "../gates/load-budget/run.js";
import type { SloDefinition } from "../gates/slo/definitions.js";
import { k6Measurer } from "../gates/slo/measure.js";
import { counterSelector, PrometheusClient, scrape, sumMatching, type Sample } from "../gates/slo/prometheus.js";
import type { ChaosConfig, Experiment, PromQuery } from "./experiments.js";
import { deployedVersion, dryRunKubernetes, injectKubernetes } from "./kubernetes.js";
import { injectLocal, planLocal, waitHealthy, type Injected } from "./local.js";
import { RESULT_TYPE, sliText, type ChaosResult, type ExpectationRecord, type Phase, type PhaseFigures, type SliRecord, type Touched } from "./result.js";
import { UndoLedger } from "./undo.js";

export const SYNC_TAG_VALUE = "resilience-gates-sync";

/** The SLOs an experiment holds the service to: the named ones, else every SLO of the service k6 can measure. */
export function steadyStateSlos(config: ChaosConfig, experiment: Experiment): SloDefinition[] {
  const named = experiment.steadyState?.slos;
  const chosen = named ? config.slos.slos.filter((slo) => named.includes(slo.name)) : config.slos.slos.filter((slo) => slo.service === experiment.service && slo.k6);
  for (const slo of chosen) {
    if (!slo.k6) throw new ConfigurationError(`SLO ${slo.name} has no resilience-gates.io/k6-endpoint annotation, so k6 cannot measure it during the experiment`, slo.locate(["metadata", "name"]));
  }
  if (chosen.length === 0) throw new ConfigurationError(`experiment ${experiment.name}: service ${experiment.service} has no SLO k6 can measure in ${config.slos.file}; name them in steadyState.slos`, experiment.locate(["steadyState"]));
  return chosen;
}

/** What the experiment would touch, after every blast-radius check: nothing is changed. */
export async function dryRun(config: ChaosConfig, experiment: Experiment): Promise<Touched[]> {
  return experiment.target === "local" ? planLocal(config, experiment) : dryRunKubernetes(config, experiment);
}

function phaseLogger(logger: Logger, experiment: string, phase: string): Logger {
  const prefix = `chaos ${experiment} ${phase}:`;
  return { info: (line) => logger.info(`${prefix} ${line}`), warn: (line) => logger.warn(`${prefix} ${line}`), debug: (line) => logger.debug(`${prefix} ${line}`) };
}

function figures(summary: K6Summary, aborted: boolean): PhaseFigures {
  const total = summary.metrics.find((metric) => metric.key === "http_reqs")?.values.count ?? 0;
  const failed = summary.metrics.find((metric) => metric.key === "http_req_failed");
  return { requests: total, errors: failed?.values.passes ?? 0, durationSeconds: (summary.durationMs ?? 0) / 1000, aborted };
}

async function slis(summary: K6Summary, slos: readonly SloDefinition[], phase: Phase, required: boolean): Promise<SliRecord[]> {
  const measurer = k6Measurer(summary);
  const records: SliRecord[] = [];
  for (const slo of slos) {
    for (const objective of slo.objectives) {
      try {
        const m = await measurer.measure(slo, objective);
        const met =
          m.method === "ratio"
            ? (m.ratio ?? 0) >= objective.target
            : objective.op === "lt"
              ? (m.quantileSeconds ?? Infinity) < (objective.value ?? 0)
              : (m.quantileSeconds ?? Infinity) <= (objective.value ?? 0);
        records.push({ phase, slo: slo.name, objective: objective.index, target: objective.target, samples: m.samples, ratio: m.ratio, quantileSeconds: m.quantileSeconds, met, required });
      } catch (error) {
        if (!(error instanceof CollectorError)) throw error;
        // No measurement is no proof: the objective counts as not met.
        records.push({ phase, slo: slo.name, objective: objective.index, target: objective.target, samples: 0, ratio: null, quantileSeconds: null, met: false, required });
      }
    }
  }
  return records;
}

async function scrapeAll(urls: readonly string[]): Promise<Sample[]> {
  return (await Promise.all(urls.map((url) => scrape(url)))).flat();
}

async function promCheck(query: PromQuery): Promise<{ ok: boolean; detail: string }> {
  const value = await new PrometheusClient(query.url).scalar(query.query);
  if (value === null) return { ok: false, detail: `${query.query} returned no data` };
  const ok = (query.max === undefined || value <= query.max) && (query.min === undefined || value >= query.min);
  return { ok, detail: `${query.query} = ${value}${query.max !== undefined ? ` (max ${query.max})` : ""}${query.min !== undefined ? ` (min ${query.min})` : ""}` };
}

interface RunOptions {
  logger: Logger;
  version: string;
  now?: () => Date;
}

export async function runExperiment(config: ChaosConfig, experiment: Experiment, options: RunOptions): Promise<ChaosResult> {
  const { logger } = options;
  const clock = options.now ?? (() => new Date());
  const started = clock();
  const slos = steadyStateSlos(config, experiment);
  const tag = config.load.tag ?? "endpoint";
  const endpoints = [...new Set(slos.flatMap((slo) => (slo.k6 ? [slo.k6.endpoint] : [])))];
  const expectations = experiment.expect ?? [];
  for (const expectation of expectations) if (expectation.endpoint && !endpoints.includes(expectation.endpoint.name)) endpoints.push(expectation.endpoint.name);
  // Validate the blast radius before anything runs.
  const planned = await dryRun(config, experiment);
  const serviceVersion = config.versions[experiment.service] ?? (experiment.target === "kubernetes" ? await deployedVersion(config, experiment.service) : null);
  const context: GateContext = { workspace: config.workspace, logger, now: started };
  const failures: string[] = [];
  let tools: Record<string, string> = { "resilience-gates": options.version };

  const k6Run = async (phase: Phase, seconds: number, extra: { thresholds?: Record<string, unknown[]>; afterSetup?: () => Promise<void> } = {}) => {
    const run = await runScript(
      { ...context, logger: phaseLogger(logger, experiment.name, phase) },
      "chaos",
      {
        script: config.load.script,
        target: config.load.target,
        env: { ...(config.load.env ?? {}), [config.load.durationEnv ?? "DURATION"]: `${seconds}s` },
        ...(config.load.targetEnv ? { targetEnv: config.load.targetEnv } : {}),
        ...(config.load.args ? { args: config.load.args } : {}),
        ...(config.load.k6 ? { k6: config.load.k6 } : {}),
        timeout: config.load.timeout ?? "5m",
      },
      tag,
      endpoints,
      [],
      extra,
    );
    return run.summary;
  };

  logger.info(`chaos ${experiment.name}: ${experiment.fault.kind} on ${planned.map((item) => `${item.kind} ${item.namespace ? `${item.namespace}/` : ""}${item.name}`).join(", ")} (service ${experiment.service}${serviceVersion ? ` ${serviceVersion}` : ""})`);
  logger.info(`chaos ${experiment.name} before: steady state without the fault, ${config.phaseText.before} of k6`);
  const beforeSummary = await k6Run("before", config.phases.before);
  const beforeSlis = await slis(beforeSummary, slos, "before", true);
  const phases: ChaosResult["measured"]["phases"] = { before: figures(beforeSummary, false) };

  const metricExpectations = expectations.filter((expectation) => expectation.metric);
  const scrapedBefore = new Map<number, Sample[]>();
  for (const [index, expectation] of metricExpectations.entries()) scrapedBefore.set(index, await scrapeAll(expectation.metric?.urls ?? []));

  const ledger = new UndoLedger((line) => logger.warn(`chaos ${experiment.name}: ${line}`));
  let injected: Injected | undefined;
  let faultStartedAt: Date | null = null;
  let faultEndedAt: Date | null;
  let duringSummary: K6Summary | undefined;
  let aborted = false;
  const promResults: { description: string; ok: boolean; detail: string; expectation: boolean }[] = [];
  const scrapedAfter = new Map<number, Sample[]>();
  const abortRate = experiment.abort?.errorRate ?? 0.5;
  const abortP95 = experiment.abort?.p95 === undefined ? undefined : parseGoDuration(experiment.abort.p95);
  const abortThresholds: Record<string, unknown[]> = {
    http_req_failed: [{ threshold: `rate<${abortRate}`, abortOnFail: true, delayAbortEval: "2s" }],
    ...(abortP95 !== undefined ? { http_req_duration: [{ threshold: `p(95)<${abortP95 * 1000}`, abortOnFail: true, delayAbortEval: "2s" }] } : {}),
  };
  for (const expectation of expectations) {
    if (expectation.endpoint?.status !== undefined) abortThresholds[`http_reqs{${tag}:${expectation.endpoint.name},status:${expectation.endpoint.status}}`] = ["count>=0"];
  }
  try {
    logger.info(`chaos ${experiment.name} during: ${experiment.fault.kind} once k6's setup() is done, ${config.phaseText.during} of k6 (abort at error rate ${formatPercent(abortRate)}${abortP95 !== undefined ? ` or p95 ${formatMs(abortP95 * 1000)}` : ""})`);
    duringSummary = await k6Run("during", config.phases.during, {
      thresholds: abortThresholds,
      afterSetup: async () => {
        faultStartedAt = clock();
        injected = experiment.target === "local" ? await injectLocal(config, experiment, ledger) : await injectKubernetes(config, experiment, ledger);
        logger.info(`chaos ${experiment.name} during: fault injected: ${injected.detail}`);
      },
    });
    const abortMetric = duringSummary.metrics.filter((metric) => metric.key === "http_req_failed" || metric.key === "http_req_duration");
    aborted = abortMetric.some((metric) => metric.thresholds.some((threshold) => !threshold.passed && Object.values(abortThresholds).flat().some((t) => (t as { threshold?: string }).threshold === threshold.expression)));
    phases.during = figures(duringSummary, aborted);
    if (aborted) failures.push(`the steady state broke beyond the abort limit (error rate ${formatPercent(abortRate)}${abortP95 !== undefined ? ` or p95 ${formatMs(abortP95 * 1000)}` : ""}); k6 stopped the run`);
    for (const [index, expectation] of metricExpectations.entries()) scrapedAfter.set(index, await scrapeAll(expectation.metric?.urls ?? []));
    for (const query of experiment.steadyState?.prometheus ?? []) promResults.push({ description: `steady state: ${query.query}`, expectation: false, ...(await promCheck(query)) });
    for (const expectation of expectations) if (expectation.prometheus) promResults.push({ description: expectation.description, expectation: true, ...(await promCheck(expectation.prometheus)) });
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

  let recoveredAt: Date | null = null;
  let recoverySeconds: number | null = null;
  if (faultEndedAt) {
    const waits = await Promise.all(config.recovery.probes.map((url) => waitHealthy(url, config.recovery.timeoutSeconds)));
    if (waits.every((took) => took !== null)) {
      recoveredAt = clock();
      recoverySeconds = Math.round(recoveredAt.getTime() - (faultEndedAt as Date).getTime()) / 1000;
    } else {
      failures.push(`not recovered: ${config.recovery.probes.filter((_, index) => waits[index] === null).join(", ")} did not answer 2xx within ${config.recovery.timeoutSeconds}s of the undo`);
    }
  }

  let afterSlis: SliRecord[] = [];
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
  const missed = (phase: Phase) => allSlis.filter((record) => record.phase === phase && record.required && !record.met);
  if (missed("before").length) failures.push(`the steady state did not hold before the fault, so the experiment proves nothing: ${missed("before").map(sliText).join("; ")}`);
  if (missed("during").length) failures.push(`SLOs missed during the fault: ${missed("during").map(sliText).join("; ")}`);
  if (missed("after").length) failures.push(`SLOs missed after recovery: ${missed("after").map(sliText).join("; ")}`);
  if (faultEndedAt && afterSlis.length === 0 && !failures.some((failure) => failure.startsWith("the after phase"))) failures.push("no after-phase measurement: the service did not recover");

  const observed: ExpectationRecord[] = [];
  for (const [index, expectation] of expectations.entries()) {
    if (expectation.endpoint && duringSummary) {
      const spec = expectation.endpoint;
      const measured = measureEndpoint(duringSummary, tag, spec.name);
      const parts: string[] = [];
      let ok = (measured.samples ?? 0) > 0;
      parts.push(`${measured.samples ?? 0} requests to ${spec.name}`);
      if (spec.status !== undefined) {
        const metric = duringSummary.metrics.find((m) => m.name === "http_reqs" && m.tags[tag] === spec.name && m.tags.status === String(spec.status) && Object.keys(m.tags).length === 2);
        const share = (metric?.values.count ?? 0) / Math.max(1, measured.samples ?? 0);
        ok &&= share >= (spec.minShare ?? 0.9);
        parts.push(`${formatPercent(share)} answered ${spec.status} (want at least ${formatPercent(spec.minShare ?? 0.9)})`);
      }
      if (spec.maxErrorRate !== undefined) {
        ok &&= measured.errorRate !== null && measured.errorRate <= spec.maxErrorRate;
        parts.push(`error rate ${measured.errorRate === null ? "unknown" : formatPercent(measured.errorRate)} (at most ${formatPercent(spec.maxErrorRate)})`);
      }
      if (spec.maxP99 !== undefined) {
        const limit = (parseGoDuration(spec.maxP99) ?? 0) * 1000;
        const p99 = measured.durationMs["p(99)"];
        ok &&= p99 !== undefined && p99 <= limit;
        parts.push(`p99 ${p99 === undefined ? "unknown" : formatMs(p99)} (at most ${formatMs(limit)})`);
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
      const took = injected?.recovered !== undefined ? await injected.recovered : recoverySeconds;
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
      faultStartedAt: (faultStartedAt as Date | null)?.toISOString() ?? null,
      faultEndedAt: faultEndedAt?.toISOString() ?? null,
      recoveredAt: recoveredAt?.toISOString() ?? null,
      finishedAt: finished.toISOString(),
    },
    measured: { recoverySeconds, phases },
    slis: allSlis,
    expectations: observed,
    touched: injected?.touched ?? [],
    undone,
    host: hostname(),
    tools,
    failures,
  };
}

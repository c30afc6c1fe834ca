import { existsSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { CollectorError, ConfigurationError } from "../../engine/errors.js";
import type { CollectedInput, FindingPlace, Gate, GateContext } from "../../engine/gate.js";
import type { PolicyFinding } from "../../engine/types.js";
import { redactSecrets } from "../../sources/credentials.js";
import { formatDuration, parseCatalogDuration, parseGoDuration } from "../../sources/duration.js";
import { displayPath, resolveInside, standaloneWorkspace } from "../../sources/files.js";
import { readK6Summary, requireJudgeable } from "../../sources/k6.js";
import { isRecord } from "../../sources/kubernetes.js";
import { readYamlFile } from "../../sources/yaml.js";
import { formatMs, formatPercent } from "../load-budget/index.js";
import { k6RunFromFlags, runScript, type K6RunOptions } from "../load-budget/run.js";
import { fetchBaselineArtifact, type BaselineArtifact } from "./artifact.js";
import { baselineKey, parseBaseline, readBaseline, type BaselineMeasurement, type LoadedBaseline } from "./baseline.js";
import { readSlos, type Objective, type SloDefinition } from "./definitions.js";
import { SLO_FLAGS } from "./flags.js";
import { BURN_WINDOWS, k6Measurer, prometheusMeasurer, quantileStat, scrapeMeasurer, type Measurer, type ObjectiveMeasurement } from "./measure.js";
import { PrometheusClient, scrape } from "./prometheus.js";
import { flagList } from "../flag-values.js";

export interface SloOptions extends Partial<K6RunOptions> {
  /** The SLO file (default .resilience/slos.yaml). */
  slos?: string;
  /** Measure from a k6 summary. */
  summary?: string;
  /** Measure from a Prometheus-compatible query API (base URL). */
  prometheus?: string;
  /** Measure from scrapes of these /metrics URLs before and after a load run (or an observation period). */
  metrics?: string[];
  /** Without a k6 script: how long to wait between the two scrapes (Go duration like 60s). */
  observe?: string;
  /** Prometheus: evaluate objectives over this window instead of each SLO's timeWindow. */
  window?: string;
  /** The k6 tag SLOs map to with resilience-gates.io/k6-endpoint (default endpoint). */
  tag?: string;
  /** Baseline written by `resilience-gates baseline save`: a path, or a workflow artifact that holds it. */
  baseline?: string | BaselineArtifact;
  tolerance?: { latencyPercent?: number; errorRatePoints?: number };
  /** Fewest events on each side for a baseline comparison (default 100). */
  minSamples?: number;
}

export interface Measured {
  slo: SloDefinition;
  objective: Objective;
  measurement: ObjectiveMeasurement;
}

export const DEFAULT_MIN_SAMPLES = 100;

async function measurerFor(context: GateContext, options: SloOptions, slos: readonly SloDefinition[]): Promise<Measurer> {
  const sources = [options.summary !== undefined, options.prometheus !== undefined, (options.metrics?.length ?? 0) > 0].filter(Boolean).length;
  if (sources !== 1) {
    throw new ConfigurationError(
      `slo: give exactly one source of measurements: --summary F (a k6 summary), --prometheus URL (a query API) or --metrics URL (scrapes of /metrics around a run); got ${sources}`,
    );
  }
  if (options.summary !== undefined) {
    const absolute = resolveInside(context.workspace, options.summary, "k6 summary");
    if (!existsSync(absolute)) throw new ConfigurationError(`slo: k6 summary ${options.summary} does not exist; write it with \`k6 run --summary-export ${options.summary}\``);
    const summary = readK6Summary(context.workspace, absolute, displayPath(context.workspace, absolute));
    requireJudgeable(summary);
    return k6Measurer(summary);
  }
  if (options.prometheus !== undefined) {
    if (options.window !== undefined && parseCatalogDuration(options.window) === undefined) throw new ConfigurationError(`slo: window ${options.window} is not a duration like 1h or 28d`);
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
  const hasRun = options.script !== undefined || options.target !== undefined;
  if (!hasRun && options.observe === undefined) {
    throw new ConfigurationError("slo: --metrics scrapes before and after a load run: give --script F --target URL (the gate runs k6 between the scrapes) or --observe 60s (it waits that long)");
  }
  const before = (await Promise.all(urls.map((url) => scrape(url)))).flat();
  if (hasRun) {
    const endpoints = [...new Set(slos.flatMap((slo) => (slo.k6 ? [slo.k6.endpoint] : [])))];
    await runScript(context, "slo", { script: options.script ?? "", target: options.target ?? "", ...options }, options.tag ?? "endpoint", endpoints);
  } else {
    const seconds = parseGoDuration(options.observe ?? "");
    if (seconds === undefined || seconds <= 0) throw new ConfigurationError(`slo: observe ${options.observe} is not a duration like 60s or 5m`);
    context.logger.info(`slo: observing ${urls.join(", ")} for ${formatDuration(seconds)}`);
    await sleep(seconds * 1000);
  }
  const after = (await Promise.all(urls.map((url) => scrape(url)))).flat();
  return scrapeMeasurer(before, after, urls);
}

/** Measures every objective of every SLO; used by the gate and by `baseline save`. */
export async function measureSlos(context: GateContext, options: SloOptions): Promise<{ file: string; measurer: Measurer; measured: Measured[] }> {
  const { file, slos } = readSlos(context.workspace, options.slos, options.tag ?? "endpoint");
  const measurer = await measurerFor(context, options, slos);
  const measured: Measured[] = [];
  for (const slo of slos) {
    for (const objective of slo.objectives) measured.push({ slo, objective, measurement: await measurer.measure(slo, objective) });
  }
  return { file, measurer, measured };
}

/** The figures a baseline keeps: each ratio SLO's error rate and each latency objective's quantile. */
export function baselineMeasurements(measured: readonly Measured[]): BaselineMeasurement[] {
  const result: BaselineMeasurement[] = [];
  for (const { slo, objective, measurement } of measured) {
    if (slo.indicator.kind === "ratio") {
      if (objective.index === 0 && measurement.ratio !== null) result.push({ slo: slo.name, objective: null, metric: "error_rate", value: 1 - measurement.ratio, samples: measurement.samples });
    } else if (measurement.quantileSeconds !== null) {
      result.push({ slo: slo.name, objective: objective.index, metric: "latency", quantile: objective.target, value: measurement.quantileSeconds, samples: measurement.samples });
    }
  }
  return result;
}

/** A share as a percentage with as many decimals as it takes not to read like the target (99.89%, not 99.9%). */
function percentBeside(value: number, target: number): string {
  for (let digits = 2; digits < 6; digits++) {
    if ((value * 100).toFixed(digits) !== (target * 100).toFixed(digits)) return `${Number((value * 100).toFixed(digits))}%`;
  }
  return `${Number((value * 100).toFixed(6))}%`;
}

function measuredText(slo: SloDefinition, objective: Objective, m: ObjectiveMeasurement): { measured: string; objective: string } {
  const requests = `${m.samples} events`;
  if (slo.indicator.kind === "ratio") {
    return { measured: `${percentBeside(m.ratio ?? 0, objective.target)} good of ${requests}`, objective: `at least ${formatPercent(objective.target)} good` };
  }
  const threshold = formatMs((objective.value ?? 0) * 1000);
  const cmp = objective.op === "lt" ? "under" : "at most";
  if (m.method === "quantile") {
    return {
      measured: `${quantileStat(objective.target)} ${formatMs((m.quantileSeconds ?? 0) * 1000)} over ${requests}`,
      objective: `${quantileStat(objective.target)} ${cmp} ${threshold}`,
    };
  }
  return {
    measured: `${percentBeside(m.ratio ?? 0, objective.target)} of ${requests} within ${threshold}`,
    objective: `at least ${formatPercent(objective.target)} ${cmp} ${threshold}`,
  };
}

function burnText(errorRatio: number | null, target: number): string {
  return errorRatio === null ? "" : `${Number((errorRatio / (1 - target)).toFixed(1))}x`;
}

async function loadBaseline(context: GateContext, baseline: SloOptions["baseline"]): Promise<LoadedBaseline | undefined> {
  if (baseline === undefined) return undefined;
  if (typeof baseline === "string") return readBaseline(context.workspace, baseline);
  const { text, shown } = await fetchBaselineArtifact(baseline, process.env, context.logger, context.githubToken);
  return parseBaseline(text, shown);
}

async function collect(context: GateContext, options: SloOptions): Promise<CollectedInput> {
  const baseline = await loadBaseline(context, options.baseline);
  const { file, measurer, measured } = await measureSlos(context, options);
  const slos = [...new Set(measured.map((entry) => entry.slo))];
  const minSamples = options.minSamples ?? DEFAULT_MIN_SAMPLES;
  const latencyPercent = options.tolerance?.latencyPercent ?? 10;
  const errorRatePoints = options.tolerance?.errorRatePoints ?? 0.1;
  const tolerance = {
    latency_percent: latencyPercent,
    error_rate_points: errorRatePoints,
    text: { latency: `+${latencyPercent}%`, error_rate: `+${errorRatePoints} points` },
  };

  const baselineIndex = new Map((baseline?.measurements ?? []).map((entry) => [baselineKey(entry), entry]));
  const current = baselineMeasurements(measured);
  const comparisons = baseline
    ? current.map((now, id) => {
        const found = baselineIndex.get(baselineKey(now));
        const then = found && (now.metric !== "latency" || found.quantile === now.quantile) ? found : undefined;
        const show = (value: number): string => (now.metric === "latency" ? formatMs(value * 1000) : formatPercent(value));
        const change =
          then === undefined
            ? ""
            : now.metric === "latency"
              ? then.value > 0
                ? `${now.value >= then.value ? "+" : ""}${Number((((now.value - then.value) / then.value) * 100).toFixed(1))}%`
                : "new latency"
              : `${now.value >= then.value ? "+" : ""}${Number(((now.value - then.value) * 100).toFixed(2))} points`;
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
          text: { current: show(now.value), baseline: then === undefined ? "" : show(then.value), change },
        };
      })
    : [];

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
          burn: Object.fromEntries(BURN_WINDOWS.map((window) => [window, burnText(measurement.burn?.[window] ?? null, objective.target)])),
        },
      };
    }),
    comparisons,
  };

  const locate = (finding: PolicyFinding): FindingPlace => {
    if (typeof finding.objective === "number") {
      const entry = measured[finding.objective];
      if (!entry) throw new CollectorError(`policy finding ${finding.rule} names unknown objective ${finding.objective}`);
      return { resource: { kind: "SLO", name: entry.slo.name }, location: entry.slo.locate(["spec", "objectives", entry.objective.index]) };
    }
    if (typeof finding.comparison === "number") {
      const comparison = comparisons[finding.comparison];
      const slo = comparison ? slos[comparison.slo] : undefined;
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
      ...(baseline ? { baselineMeasurements: baseline.measurements.length } : {}),
    },
  };
}

export function sloOptionsFromFlags(flags: Record<string, unknown>): SloOptions | undefined {
  const string = (name: string): string | undefined => (typeof flags[name] === "string" ? (flags[name] as string) : undefined);
  const metrics = flagList(flags.metrics);
  const slos = string("slo");
  const summary = string("summary");
  const prometheus = string("prometheus");
  if (!slos && !summary && !prometheus && metrics.length === 0) return undefined;
  const minSamples = string("min-samples");
  if (minSamples !== undefined && !/^[0-9]+$/.test(minSamples)) throw new ConfigurationError(`--min-samples ${minSamples} is not a whole number`);
  return {
    ...(slos ? { slos } : {}),
    ...(summary ? { summary } : {}),
    ...(prometheus ? { prometheus } : {}),
    ...(metrics.length ? { metrics } : {}),
    ...(string("baseline") ? { baseline: string("baseline") } : {}),
    ...(string("baseline-artifact") ? { baseline: { artifact: string("baseline-artifact") as string } } : {}),
    ...(string("observe") ? { observe: string("observe") } : {}),
    ...(string("window") ? { window: string("window") } : {}),
    ...(minSamples !== undefined ? { minSamples: Number(minSamples) } : {}),
    ...k6RunFromFlags(flags),
  };
}

export const sloGate: Gate<SloOptions> = {
  id: "slo",
  summary: "Measured SLIs meet every SLO objective, do not regress against the baseline, and do not burn error budget too fast",
  cliFlags: SLO_FLAGS,
  optionsFromFlags: sloOptionsFromFlags,
  collect,
  fixtureOptions(file) {
    const [document] = readYamlFile(standaloneWorkspace(file), file, file);
    if (!isRecord(document?.value)) throw new ConfigurationError(`fixture ${file} must be a mapping of slo options`);
    return document.value as SloOptions;
  },
};

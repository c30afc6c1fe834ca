/**
 * Measures each SLO objective from one source: a k6 summary, a Prometheus query API, or two scrapes of
 * the services' own /metrics around a load run. Missing data is a CollectorError naming what is missing.
 */
import { CollectorError, ConfigurationError } from "../../engine/errors.js";
import { formatDuration, parseCatalogDuration } from "../../sources/duration.js";
import { measureEndpoint, type K6Summary } from "../../sources/k6.js";
import type { Objective, SloDefinition } from "./definitions.js";
import { counterSelector, formatSelector, parseSelector, sumMatching, withRange, type PrometheusClient, type Sample, type Selector } from "./prometheus.js";

export const BURN_WINDOWS = ["5m", "30m", "1h", "6h"] as const;
export type BurnWindow = (typeof BURN_WINDOWS)[number];

export interface ObjectiveMeasurement {
  /** How the objective is judged: the share of good events against the target, or the latency at the target quantile against the value. */
  method: "ratio" | "quantile";
  samples: number;
  /** Share of good events (ratio indicators; threshold indicators measured from histograms). */
  ratio: number | null;
  /** Latency in seconds at the objective's target quantile (threshold indicators). */
  quantileSeconds: number | null;
  /** Error ratio (1 - good/total) over each burn-rate window, where time series exist. */
  burn: Record<BurnWindow, number | null> | null;
}

export interface Measurer {
  source: "k6-summary" | "prometheus" | "metrics";
  describe: string;
  measure(slo: SloDefinition, objective: Objective): Promise<ObjectiveMeasurement>;
}

/** `p(95)` for 0.95, `p(99.9)` for 0.999: the k6 trend statistic of a target quantile. */
export function quantileStat(target: number): string {
  return `p(${Number((target * 100).toFixed(4))})`;
}

export function k6Measurer(summary: K6Summary): Measurer {
  return {
    source: "k6-summary",
    describe: summary.file,
    measure: async (slo, objective) => {
      if (!slo.k6) {
        throw new ConfigurationError(
          `SLO ${slo.name} cannot be measured from a k6 summary: it has no resilience-gates.io/k6-endpoint annotation naming the k6 endpoint (tag value) it maps to`,
          slo.locate(["metadata", "name"]),
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
      if (ms === undefined) {
        throw new CollectorError(
          `SLO ${slo.name}: ${summary.file} has no ${stat} of http_req_duration{${what}} for target ${objective.target}; run k6 with --summary-trend-stats including ${stat}`,
          slo.locate(["spec", "objectives", objective.index, "target"]),
        );
      }
      return { method: "quantile", samples: measured.samples, ratio: null, quantileSeconds: ms / 1000, burn: null };
    },
  };
}

function ratioSelectors(slo: SloDefinition, indicator: { good: string; total: string }): { good: Selector; total: Selector } {
  const good = counterSelector(indicator.good);
  const total = counterSelector(indicator.total);
  if (!good || !total) {
    throw new ConfigurationError(
      `SLO ${slo.name}: cannot evaluate ${good ? indicator.total : indicator.good} from /metrics scrapes: only sum(rate(metric{labels}[range])) or a bare selector is supported there; use --prometheus for other PromQL`,
      slo.locate(["spec", "indicator", "spec", "ratioMetric"]),
    );
  }
  return { good, total };
}

/** `http_request_duration_seconds_bucket{...}` -> the bucket selector and the `_count` selector. */
function histogramSelectors(slo: SloDefinition, query: string): { bucket: Selector; count: Selector } {
  const bucket = parseSelector(query);
  if (!bucket || !bucket.name.endsWith("_bucket")) {
    throw new ConfigurationError(
      `SLO ${slo.name}: the thresholdMetric query must be a histogram bucket selector like http_request_duration_seconds_bucket{route="/v1/x"}, not ${query}`,
      slo.locate(["spec", "indicator", "spec", "thresholdMetric"]),
    );
  }
  return { bucket, count: { name: bucket.name.replace(/_bucket$/, "_count"), matchers: bucket.matchers } };
}

function le(value: number): string {
  return String(value);
}

/** histogram_quantile over cumulative buckets: linear interpolation inside the bucket the rank falls in. */
export function histogramQuantile(q: number, buckets: readonly { le: number; count: number }[]): number | null {
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

export function scrapeMeasurer(before: readonly Sample[], after: readonly Sample[], urls: readonly string[]): Measurer {
  const delta = (slo: SloDefinition, selector: Selector): { value: number; series: number } => {
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
        const { good, total } = ratioSelectors(slo, slo.indicator);
        const t = delta(slo, total);
        if (t.series === 0 || t.value === 0) {
          throw new CollectorError(`SLO ${slo.name}: no events of ${formatSelector(total)} between the scrapes of ${urls.join(", ")}; no measurement is an error, not a pass`, slo.locate(["spec", "indicator"]));
        }
        const g = delta(slo, good);
        return { method: "ratio", samples: t.value, ratio: g.value / t.value, quantileSeconds: null, burn: null };
      }
      const { bucket, count } = histogramSelectors(slo, slo.indicator.query);
      const t = delta(slo, count);
      if (t.series === 0 || t.value === 0) {
        throw new CollectorError(`SLO ${slo.name}: no events of ${formatSelector(count)} between the scrapes of ${urls.join(", ")}; no measurement is an error, not a pass`, slo.locate(["spec", "indicator"]));
      }
      const bounds = new Set(after.filter((s) => s.name === bucket.name && sumMatching([s], bucket).series > 0).map((s) => s.labels.le ?? ""));
      const value = objective.value as number;
      if (!bounds.has(le(value))) {
        throw new ConfigurationError(
          `SLO ${slo.name}: ${bucket.name} has no bucket at le="${le(value)}" (it has ${[...bounds].join(", ")}); add a bucket at every SLO threshold to the service's histogram`,
          slo.locate(["spec", "objectives", objective.index, "value"]),
        );
      }
      const withLe = (bound: string): Selector => ({ name: bucket.name, matchers: [...bucket.matchers.filter((m) => m.label !== "le"), { label: "le", op: "=", value: bound }] });
      const cumulative = [...bounds].map((bound) => ({ le: bound === "+Inf" ? Number.POSITIVE_INFINITY : Number(bound), count: delta(slo, withLe(bound)).value }));
      const good = delta(slo, withLe(le(value))).value;
      return { method: "ratio", samples: t.value, ratio: good / t.value, quantileSeconds: histogramQuantile(objective.target, cumulative), burn: null };
    },
  };
}

export function prometheusMeasurer(client: PrometheusClient, window: string | undefined): Measurer {
  const goodAndTotal = (slo: SloDefinition, objective: Objective, range: string): { good: string; total: string } => {
    if (slo.indicator.kind === "ratio") {
      const good = withRange(slo.indicator.good, range);
      const total = withRange(slo.indicator.total, range);
      if (!good || !total) {
        throw new ConfigurationError(
          `SLO ${slo.name}: the ratioMetric queries need a range like [5m] (as in sum(rate(x[5m]))) so the gate can evaluate them over the SLO window and the burn-rate windows`,
          slo.locate(["spec", "indicator", "spec", "ratioMetric"]),
        );
      }
      return { good, total };
    }
    const { bucket, count } = histogramSelectors(slo, slo.indicator.query);
    const atValue: Selector = { name: bucket.name, matchers: [...bucket.matchers.filter((m) => m.label !== "le"), { label: "le", op: "=", value: le(objective.value as number) }] };
    return { good: `sum(rate(${formatSelector(atValue)}[${range}]))`, total: `sum(rate(${formatSelector(count)}[${range}]))` };
  };
  const errorRatio = async (slo: SloDefinition, objective: Objective, range: string): Promise<number | null> => {
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
          slo.locate(["spec", "indicator"]),
        );
      }
      let quantileSeconds: number | null = null;
      if (slo.indicator.kind === "threshold") {
        const { bucket } = histogramSelectors(slo, slo.indicator.query);
        quantileSeconds = await client.scalar(`histogram_quantile(${objective.target}, sum by (le) (rate(${formatSelector(bucket)}[${range}])))`);
      }
      const burn = {} as Record<BurnWindow, number | null>;
      for (const burnWindow of BURN_WINDOWS) burn[burnWindow] = await errorRatio(slo, objective, burnWindow);
      return { method: "ratio", samples: Math.round(total * seconds), ratio: good / total, quantileSeconds, burn };
    },
  };
}

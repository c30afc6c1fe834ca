// The slo gate against measurements over HTTP. No Prometheus binary exists here, so a small real HTTP
// server in this file implements GET /api/v1/query with Prometheus's documented response format
// ({"status": "success", "data": {"resultType": "vector", "result": [{"metric": {}, "value": [t, "v"]}]}})
// over counter series whose rates change at a point in time; the gate cannot tell it from Prometheus for
// the queries it sends. Scrape mode gets a small /metrics server whose counters grow between scrapes.
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/engine/logger.js";
import type { PolicyBundle } from "../../src/engine/policy.js";
import { runGates } from "../../src/engine/run.js";
import type { GateResult } from "../../src/engine/types.js";
import type { SloOptions } from "../../src/gates/slo/index.js";
import { histogramQuantile } from "../../src/gates/slo/measure.js";
import { counterSelector, parseExposition, withRange } from "../../src/gates/slo/prometheus.js";
import { collectBudgets } from "../../src/gates/release/budgets.js";
import { compileGateBundle } from "../backups/bundle.js";
import { repoRoot } from "../support/cli.js";
import { FIXTURE_NOW } from "../support/gate-fixtures.js";

const slos = "fixtures/slo/data/slos.yaml";

/** A counter series: `rate` per second before the last `recentSeconds`, `recent` per second within them. */
interface Series {
  name: string;
  labels: Record<string, string>;
  rate: number;
  recent: number;
  recentSeconds: number;
}

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };
const seconds = (text: string): number => [...text.matchAll(/(\d+)([smhdw])/g)].reduce((total, m) => total + Number(m[1]) * (UNITS[m[2] as string] as number), 0);

function selects(selector: string, series: Series): boolean {
  const match = /^(\w+)\{(.*)\}$/.exec(selector.trim());
  if (!match || match[1] !== series.name) return false;
  return [...(match[2] as string).matchAll(/(\w+)(=~|!~|!=|=)"((?:[^"\\]|\\.)*)"/g)].every(([, label, op, value]) => {
    const actual = series.labels[label as string] ?? "";
    const re = new RegExp(`^(?:${value})$`);
    return op === "=" ? actual === value : op === "!=" ? actual !== value : op === "=~" ? re.test(actual) : !re.test(actual);
  });
}

function averageRate(series: Series, window: number): number {
  const recent = Math.min(window, series.recentSeconds);
  return (recent * series.recent + (window - recent) * series.rate) / window;
}

let data: Series[] = [];
let reject = false;
const queries: string[] = [];

function evaluate(query: string): number | undefined {
  const sum = /^sum\(rate\((.+)\[(\w+)\]\)\)$/.exec(query);
  if (sum) {
    const matching = data.filter((series) => selects(sum[1] as string, series));
    return matching.length ? matching.reduce((total, series) => total + averageRate(series, seconds(sum[2] as string)), 0) : undefined;
  }
  const quantile = /^histogram_quantile\(([\d.]+), sum by \(le\) \(rate\((.+)\[(\w+)\]\)\)\)$/.exec(query);
  if (quantile) {
    const buckets = data
      .filter((series) => selects(quantile[2] as string, series))
      .map((series) => ({ le: Number(series.labels.le === "+Inf" ? Infinity : series.labels.le), count: averageRate(series, seconds(quantile[3] as string)) }));
    return buckets.length ? (histogramQuantile(Number(quantile[1]), buckets) ?? undefined) : undefined;
  }
  throw new Error(`this test server does not evaluate ${query}`);
}

let prometheus: Server;
let metricsServer: Server;
let prometheusUrl: string;
let metricsUrl: string;
let scrapes = 0;
let bundle: PolicyBundle;

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  return `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
}

beforeAll(async () => {
  bundle = await compileGateBundle(["slo"]);
  prometheus = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    res.setHeader("content-type", "application/json");
    if (url.pathname !== "/api/v1/query") {
      res.statusCode = 404;
      res.end(JSON.stringify({ status: "error", errorType: "not_found", error: "no such endpoint" }));
      return;
    }
    const query = url.searchParams.get("query") ?? "";
    queries.push(query);
    if (reject) {
      res.statusCode = 400;
      res.end(JSON.stringify({ status: "error", errorType: "bad_data", error: "1:5: parse error: unexpected character" }));
      return;
    }
    const value = evaluate(query);
    const time = Date.now() / 1000;
    res.end(JSON.stringify({ status: "success", data: { resultType: "vector", result: value === undefined ? [] : [{ metric: {}, value: [time, String(value)] }] } }));
  });
  prometheusUrl = await listen(prometheus);
  // Each scrape reports 100 more POST /v1/payments: 90 answered 201, 10 answered 500; all within 0.3 s.
  metricsServer = createServer((_req, res) => {
    const n = scrapes++;
    const line = (labels: string, value: number): string => `http_request_duration_seconds_count{service="api",method="POST",route="/v1/payments",${labels}} ${value}`;
    const buckets = ["0.15", "0.3", "0.8", "+Inf"].map((le) => `http_request_duration_seconds_bucket{service="api",route="/v1/payments",le="${le}"} ${100 * n}`);
    const reads = ["0.15", "+Inf"].map((le) => `http_request_duration_seconds_bucket{service="api",route="/v1/payments/:id",le="${le}"} ${50 * n}`);
    res.setHeader("content-type", "text/plain; version=0.0.4");
    res.end(
      [
        "# HELP http_request_duration_seconds Duration of HTTP requests served.",
        "# TYPE http_request_duration_seconds histogram",
        line('status="201"', 90 * n),
        line('status="500"', 10 * n),
        ...buckets,
        ...reads,
        `http_request_duration_seconds_count{service="api",route="/v1/payments/:id",status="200"} ${50 * n}`,
        "",
      ].join("\n"),
    );
  });
  metricsUrl = `${await listen(metricsServer)}/metrics`;
});
afterAll(async () => {
  await Promise.all([new Promise((resolve) => prometheus?.close(resolve)), new Promise((resolve) => metricsServer?.close(resolve))]);
});

async function judge(options: SloOptions): Promise<GateResult> {
  const report = await runGates(
    { config: { workspace: { root: repoRoot, base: repoRoot }, gates: {}, policies: [], rules: {} }, gates: [["slo", options as Record<string, unknown>]], now: FIXTURE_NOW, logger: silentLogger },
    bundle,
  );
  return report.gates[0] as GateResult;
}

/** The reference app's traffic: `errors` per second of 500s on POST /v1/payments within the last `recentSeconds`. */
function traffic(errors: number, recentSeconds: number): Series[] {
  const series = (name: string, labels: Record<string, string>, rate: number, recent = rate): Series => ({ name, labels: { service: "api", ...labels }, rate, recent, recentSeconds });
  return [
    series("http_request_duration_seconds_count", { route: "/v1/payments", status: "201" }, 10),
    series("http_request_duration_seconds_count", { route: "/v1/payments", status: "500" }, 0.001, errors),
    series("http_request_duration_seconds_bucket", { route: "/v1/payments", le: "0.3" }, 9.99),
    series("http_request_duration_seconds_bucket", { route: "/v1/payments", le: "0.8" }, 10.001),
    series("http_request_duration_seconds_bucket", { route: "/v1/payments", le: "+Inf" }, 10.001),
    series("http_request_duration_seconds_count", { route: "/v1/payments/:id", status: "200" }, 20),
    series("http_request_duration_seconds_bucket", { route: "/v1/payments/:id", le: "0.15" }, 19.95),
    series("http_request_duration_seconds_bucket", { route: "/v1/payments/:id", le: "+Inf" }, 20),
  ];
}

const rules = (result: GateResult): string[] => result.findings.map((finding) => `${finding.rule} ${finding.resource?.name ?? ""}`).sort();

describe("slo gate on a Prometheus-compatible query API", () => {
  it("passes healthy traffic, evaluating each objective over the SLO window and the burn-rate windows", async () => {
    data = traffic(0.001, 3600);
    queries.length = 0;
    const result = await judge({ slos, prometheus: prometheusUrl });
    expect(result.error).toBeUndefined();
    expect(rules(result)).toEqual([]);
    expect(queries).toContain('sum(rate(http_request_duration_seconds_count{service="api",route="/v1/payments",status!~"5.."}[28d]))');
    expect(queries).toContain('sum(rate(http_request_duration_seconds_bucket{service="api",route="/v1/payments",le="0.3"}[28d]))');
    for (const window of ["5m", "30m", "1h", "6h"]) expect(queries).toContain(`sum(rate(http_request_duration_seconds_count{service="api",route="/v1/payments"}[${window}]))`);
  });

  it("blocks a fast burn: 2% errors over the last hour is 19.6x a 99.9% budget over 1h and 5m (SLO-005)", async () => {
    data = traffic(0.2, 3600);
    const result = await judge({ slos, prometheus: prometheusUrl });
    expect(rules(result)).toEqual(["SLO-005 create-payment-availability"]);
    expect(result.findings[0]?.message).toBe(
      "SLO create-payment-availability, objective 99.9% of payment requests succeed: error budget burns at 19.6x over 1h and 19.6x over 5m, above 14.4x on both",
    );
  });

  it("blocks a slow burn: 0.7% errors for six hours is 7x over 6h and 30m but under 14.4x (SLO-006)", async () => {
    data = traffic(0.07, 6 * 3600);
    const result = await judge({ slos, prometheus: prometheusUrl });
    expect(rules(result)).toEqual(["SLO-006 create-payment-availability"]);
  });

  it("blocks a missed objective over the window given with --window", async () => {
    data = traffic(0.07, 6 * 3600);
    const result = await judge({ slos, prometheus: prometheusUrl, window: "6h" });
    expect(rules(result)).toEqual(["SLO-001 create-payment-availability", "SLO-006 create-payment-availability"]);
  });

  it("errors when Prometheus has no series for a query: a missing measurement is never a pass", async () => {
    data = traffic(0.001, 3600).filter((series) => series.labels.route !== "/v1/payments/:id");
    const result = await judge({ slos, prometheus: prometheusUrl });
    expect(result.verdict).toBe("error");
    expect(result.error).toMatch(/SLO get-payment-latency: Prometheus at http:\/\/127\.0\.0\.1:\d+ has no data for sum\(rate\(.*route="\/v1\/payments\/:id".*\[28d\]\)\) over 28d; no measurement is an error, not a pass/);
  });

  it("errors with Prometheus's own message when it rejects a query, and when it cannot be reached", async () => {
    reject = true;
    try {
      const result = await judge({ slos, prometheus: prometheusUrl });
      expect(result.error).toMatch(/Prometheus rejected the query .*: bad_data: 1:5: parse error: unexpected character/);
    } finally {
      reject = false;
    }
    const closed = createServer();
    const gone = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    const down = await judge({ slos, prometheus: gone });
    expect(down.error).toMatch(/cannot reach Prometheus at http:\/\/127\.0\.0\.1:\d+: .*ECONNREFUSED/);
  });
});

describe("slo gate on /metrics scrapes", () => {
  it("measures the difference between two scrapes around an observation period", async () => {
    const result = await judge({ slos, metrics: [metricsUrl], observe: "1s" });
    expect(result.error).toBeUndefined();
    // 10 of every 100 payment requests answered 500: 90% good against 99.9%; latency all within bounds.
    expect(rules(result)).toEqual(["SLO-001 create-payment-availability"]);
    expect(result.findings[0]?.message).toBe(
      "SLO create-payment-availability, objective 99.9% of payment requests succeed: measured 90% good of 100 events; the objective is at least 99.9% good",
    );
  });

  it("needs a load run or an observation period between the scrapes", async () => {
    expect((await judge({ slos, metrics: [metricsUrl] })).error).toMatch(/give --script F --target URL .* or --observe 60s/);
  });
});

describe("PromQL and exposition helpers", () => {
  it("reads the selector inside sum(rate(...)) and replaces ranges", () => {
    expect(counterSelector('sum(rate(x_count{a="1",status!~"5.."}[5m]))')).toEqual({
      name: "x_count",
      matchers: [
        { label: "a", op: "=", value: "1" },
        { label: "status", op: "!~", value: "5.." },
      ],
    });
    expect(counterSelector("sum(rate(x[5m])) / sum(rate(y[5m]))")).toBeUndefined();
    expect(withRange("sum(rate(x[5m])) + sum(rate(y[1h30m]))", "28d")).toBe("sum(rate(x[28d])) + sum(rate(y[28d]))");
    expect(withRange("sum(x)", "28d")).toBeUndefined();
  });

  it("parses the text format and names the line it cannot read", () => {
    const samples = parseExposition('# TYPE a counter\na_total{x="1",y="q\\"uote"} 3\nb 1.5e3 1700000000\nc{le="+Inf"} +Inf\n', "m");
    expect(samples).toEqual([
      { name: "a_total", labels: { x: "1", y: 'q"uote' }, value: 3 },
      { name: "b", labels: {}, value: 1500 },
      { name: "c", labels: { le: "+Inf" }, value: Infinity },
    ]);
    expect(() => parseExposition("ok 1\nnot a metric line\n", "http://svc/metrics")).toThrow(/^http:\/\/svc\/metrics line 2 is not in the Prometheus text format/);
  });

  it("interpolates histogram quantiles like histogram_quantile", () => {
    const buckets = [
      { le: 0.1, count: 50 },
      { le: 0.3, count: 90 },
      { le: Infinity, count: 100 },
    ];
    expect(histogramQuantile(0.5, buckets)).toBeCloseTo(0.1);
    expect(histogramQuantile(0.7, buckets)).toBeCloseTo(0.2);
    expect(histogramQuantile(0.95, buckets)).toBe(0.3);
    expect(histogramQuantile(0.5, [{ le: Infinity, count: 0 }])).toBeNull();
  });
});

describe("release gate error budgets from the same query API", () => {
  const budgets = { slos, catalog: "fixtures/release/data/catalog.yaml", prometheus: "" };
  let release: PolicyBundle;
  beforeAll(async () => {
    release = await compileGateBundle(["release"]);
  });

  async function judgeRelease(): Promise<GateResult> {
    const options = { checkRunsFile: "fixtures/release/rel-pass.yaml", requiredGates: ["security-context", "migrations"], freshnessGates: [], errorBudgets: { ...budgets, prometheus: prometheusUrl } };
    const report = await runGates(
      { config: { workspace: { root: repoRoot, base: repoRoot }, gates: {}, policies: [], rules: {} }, gates: [["release", options]], now: FIXTURE_NOW, logger: silentLogger },
      release,
    );
    return report.gates[0] as GateResult;
  }

  it("measures each tier 1 objective's budget over its 28d window: 0.7% errors for 6 hours leave most of it", async () => {
    data = traffic(0.07, 6 * 3600);
    const { facts, errors } = await collectBudgets({ workspace: { root: repoRoot, base: repoRoot }, logger: silentLogger, now: FIXTURE_NOW }, { ...budgets, prometheus: prometheusUrl });
    expect(errors).toEqual([]);
    const availability = facts.find((fact) => fact.slo === "create-payment-availability");
    // (6 h x 0.07/s + the rest of 28 d x 0.001/s) over 28 d of ~10 requests/s: 0.016% bad of 0.1% allowed.
    expect(availability?.bad).toBeCloseTo(0.0001616, 6);
    expect(availability?.remaining).toBeCloseTo(0.838, 3);
    expect(availability?.source).toBe(`Prometheus ${prometheusUrl} over 28d`);
    expect(facts.map((fact) => `${fact.slo}#${fact.objective}`)).toEqual(["create-payment-availability#0", "create-payment-latency#0", "create-payment-latency#1", "get-payment-latency#0"]);
    expect((await judgeRelease()).verdict).toBe("pass");
  });

  it("blocks a release tag while 2% errors for three days have spent the availability budget (REL-010)", async () => {
    data = traffic(0.2, 3 * 86_400);
    const result = await judgeRelease();
    expect(rules(result)).toEqual(["REL-010 create-payment-availability"]);
    expect(result.findings[0]?.location).toEqual({ file: slos, line: 29, column: 7 });
    expect(result.findings[0]?.message).toMatch(/is exhausted over its 28d window: 0\.22% bad against 0\.1% allowed, -122\.72% of the budget left \(Prometheus http:\/\/127\.0\.0\.1:\d+ over 28d, \d+ events\); ship a reliability release/);
  });

  it("blocks when Prometheus has no data for an SLO: an unknown budget is none (REL-011)", async () => {
    data = traffic(0.001, 3600).filter((series) => series.labels.route !== "/v1/payments/:id");
    const result = await judgeRelease();
    expect(rules(result)).toEqual(["REL-011 get-payment-latency"]);
  });
});

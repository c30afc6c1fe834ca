// FAIL_MODE and SLOW_MODE change what a short burst measures: latency percentiles and error ratio seen by
// the client, and the http_request_duration_seconds histogram the SLO gate reads. They come from the
// environment and switch at run time through the token-protected admin endpoint.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Faults, parseFailMode, parseSlowMode } from "../src/faults.js";
import { ADMIN_TOKEN, metricValue, percentile, send, startStack, type ServiceProcess, type Stack } from "./support/services.js";
import { assertTools, skipStores } from "./support/stores.js";

interface Burst {
  p95: number;
  errorRatio: number;
  statuses: number[];
}

/** `total` requests, `concurrency` at a time, against GET /v1/payments/:id (read through the cache). */
async function burst(service: ServiceProcess, path: string, total = 40, concurrency = 4): Promise<Burst> {
  const latencies: number[] = [];
  const statuses: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next++;
        const r = await send(service.url, "GET", path, { tenant: "burst" });
        latencies.push(r.ms);
        statuses.push(r.status);
      }
    }),
  );
  return { p95: percentile(latencies, 95), errorRatio: statuses.filter((s) => s >= 500).length / statuses.length, statuses };
}

describe("fault specifications", () => {
  it("parses FAIL_MODE as a ratio, a status or both", () => {
    expect(parseFailMode("off")).toBeNull();
    expect(parseFailMode("")).toBeNull();
    expect(parseFailMode("0.25")).toEqual({ ratio: 0.25, status: 500 });
    expect(parseFailMode("30%")).toEqual({ ratio: 0.3, status: 500 });
    expect(parseFailMode("503")).toEqual({ ratio: 1, status: 503 });
    expect(parseFailMode("0.1:429")).toEqual({ ratio: 0.1, status: 429 });
    expect(() => parseFailMode("2")).toThrow(/ratio/);
    expect(() => parseFailMode("0.5:200")).toThrow(/status/);
  });

  it("parses SLOW_MODE as milliseconds or a range", () => {
    expect(parseSlowMode("off")).toBeNull();
    expect(parseSlowMode("250")).toEqual({ minMs: 250, maxMs: 250 });
    expect(parseSlowMode("250ms")).toEqual({ minMs: 250, maxMs: 250 });
    expect(parseSlowMode("100-400")).toEqual({ minMs: 100, maxMs: 400 });
    expect(() => parseSlowMode("400-100")).toThrow(/reversed/);
    expect(() => parseSlowMode("slow")).toThrow();
  });

  it("leaves the settings unchanged when a change is invalid", () => {
    const faults = new Faults("0.5", "100");
    expect(() => faults.set({ failMode: "off", slowMode: "nope" })).toThrow();
    expect(faults.describe()).toMatchObject({ failMode: "0.5", slowMode: "100" });
  });
});

describe.skipIf(skipStores)("FAIL_MODE and SLOW_MODE on the running services", () => {
  let stack: Stack;
  let paymentPath: string;

  beforeAll(async () => {
    assertTools();
    stack = await startStack("faults", { apiEnv: { RATE_LIMIT_MAX: "100000", CACHE_TTL_SECONDS: "0" } });
    const created = await send(stack.api.url, "POST", "/v1/payments", { tenant: "burst", key: "burst-seed", body: { amount_cents: 500, currency: "EUR" } });
    expect(created.status).toBe(201);
    paymentPath = `/v1/payments/${String(created.body.id)}`;
  });
  afterAll(async () => {
    await stack?.teardown();
  });

  const route = { route: "/v1/payments/:id" };

  it("a healthy burst is fast and error-free", async () => {
    const result = await burst(stack.api, paymentPath);
    expect(result.errorRatio).toBe(0);
    expect(result.p95).toBeLessThan(250);
  });

  it("SLOW_MODE set at run time raises the p95 and the histogram's slow buckets", async () => {
    const before = await stack.api.metrics();
    await stack.api.setFaults({ slowMode: "300" });
    const result = await burst(stack.api, paymentPath, 24, 6);
    await stack.api.setFaults({ slowMode: "off" });
    expect(result.errorRatio).toBe(0);
    expect(result.p95).toBeGreaterThanOrEqual(300);
    const after = await stack.api.metrics();
    const fast = (text: string): number => metricValue(text, "http_request_duration_seconds_bucket", { ...route, status: "200", le: "0.25" });
    const all = (text: string): number => metricValue(text, "http_request_duration_seconds_count", { ...route, status: "200" });
    expect(all(after) - all(before)).toBe(24);
    expect(fast(after) - fast(before)).toBe(0);
  });

  it("FAIL_MODE as a ratio fails about that share of requests", async () => {
    await stack.api.setFaults({ failMode: "0.5" });
    const result = await burst(stack.api, paymentPath, 80, 8);
    await stack.api.setFaults({ failMode: "off" });
    expect(result.errorRatio).toBeGreaterThan(0.25);
    expect(result.errorRatio).toBeLessThan(0.75);
    expect(new Set(result.statuses)).toEqual(new Set([200, 500]));
    const metrics = await stack.api.metrics();
    expect(metricValue(metrics, "http_request_duration_seconds_count", { ...route, status: "500" })).toBe(result.statuses.filter((s) => s === 500).length);
  });

  it("FAIL_MODE as a status in payments surfaces at the api, and clearing it restores service", async () => {
    await stack.payments.setFaults({ failMode: "503" });
    const failing = await burst(stack.api, paymentPath, 12, 3);
    expect(failing.statuses.every((s) => s === 503)).toBe(true);
    await stack.payments.setFaults({ failMode: "off" });
    const healthy = await burst(stack.api, paymentPath, 12, 3);
    expect(healthy.errorRatio).toBe(0);
  });

  it("takes FAIL_MODE and SLOW_MODE from the environment", async () => {
    const api = await stack.startApi({ FAIL_MODE: "1:502", SLOW_MODE: "120" });
    const result = await burst(api, paymentPath, 8, 2);
    expect(result.statuses.every((s) => s === 502)).toBe(true);
    expect(result.p95).toBeGreaterThanOrEqual(120);
    // Health, readiness and metrics are never faulted.
    expect((await send(api.url, "GET", "/readyz")).status).toBe(200);
    const metrics = await api.metrics();
    expect(metricValue(metrics, "fault_injection_fail_ratio")).toBe(1);
    expect(metricValue(metrics, "fault_injection_slow_max_ms")).toBe(120);
  });

  it("protects the admin endpoint with the admin token", async () => {
    const put = (headers: Record<string, string>): Promise<number> =>
      fetch(`${stack.api.url}/admin/faults`, { method: "PUT", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ failMode: "1" }) }).then(
        (r) => r.status,
      );
    expect(await put({})).toBe(401);
    expect(await put({ authorization: "Bearer wrong" })).toBe(401);
    expect(await put({ "x-admin-token": ADMIN_TOKEN })).toBe(200);
    expect(await put({ authorization: `Bearer ${ADMIN_TOKEN}` })).toBe(200);
    await stack.api.setFaults({ failMode: "off" });
    const bad = await fetch(`${stack.api.url}/admin/faults`, {
      method: "PUT",
      headers: { "content-type": "application/json", "x-admin-token": ADMIN_TOKEN },
      body: JSON.stringify({ slowMode: "fast" }),
    });
    expect(bad.status).toBe(400);
  });
});

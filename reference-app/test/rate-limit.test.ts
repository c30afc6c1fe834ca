// The per-tenant rate limit lives in Redis: one tenant's burst gets 429 with Retry-After, other tenants
// are untouched, a tenants row overrides the default, and api replicas share one budget per tenant.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { metricValue, send, startStack, type Stack } from "./support/services.js";
import { assertTools, skipStores } from "./support/stores.js";

describe.skipIf(skipStores)("per-tenant rate limit (real Redis)", () => {
  let stack: Stack;

  beforeAll(async () => {
    assertTools();
    stack = await startStack("rate-limit", { apiEnv: { RATE_LIMIT_MAX: "5", RATE_LIMIT_WINDOW_MS: "60000" } });
  });
  afterAll(async () => {
    await stack?.teardown();
  });

  it("refuses a tenant over its limit with 429 and Retry-After, and leaves other tenants alone", async () => {
    const noisy = [];
    for (let i = 0; i < 8; i++) noisy.push(await send(stack.api.url, "GET", "/v1/balance", { tenant: "noisy" }));
    expect(noisy.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    const refused = noisy[5]!;
    expect(refused.body.error).toBe("rate_limited");
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get("ratelimit-remaining")).toBe("0");

    // Another tenant, at the same moment, has its whole budget.
    const quiet = await Promise.all(Array.from({ length: 5 }, () => send(stack.api.url, "GET", "/v1/balance", { tenant: "quiet" })));
    expect(quiet.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);

    const metrics = await stack.api.metrics();
    expect(metricValue(metrics, "rate_limit_rejections_total", { route: "/v1/balance" })).toBe(3);
    expect(metricValue(metrics, "http_request_duration_seconds_count", { route: "/v1/balance", status: "429" })).toBe(3);
  });

  it("shares one budget per tenant across api replicas", async () => {
    const second = await stack.startApi();
    const statuses = [];
    for (let i = 0; i < 6; i++) {
      const target = i % 2 === 0 ? stack.api : second;
      statuses.push((await send(target.url, "GET", "/v1/balance", { tenant: "shared" })).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it("takes a tenant's own limit from the tenants table", async () => {
    const client = new pg.Client({ connectionString: stack.databaseUrl });
    await client.connect();
    await client.query("INSERT INTO tenants (slug, display_name, rate_limit_max) VALUES ('big-co', 'Big Co', 8)");
    await client.end();
    const statuses = [];
    for (let i = 0; i < 9; i++) statuses.push((await send(stack.api.url, "GET", "/v1/balance", { tenant: "big-co" })).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(8);
    expect(statuses[8]).toBe(429);
  });

  it("rejects a request without a valid tenant before spending any budget", async () => {
    expect((await send(stack.api.url, "GET", "/v1/balance")).status).toBe(400);
    expect((await send(stack.api.url, "GET", "/v1/balance", { tenant: "Not A Tenant" })).status).toBe(400);
  });
});

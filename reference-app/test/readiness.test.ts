// /readyz follows what each service cannot serve without: payments is not ready without PostgreSQL (its
// ledger); a store a service degrades around (Redis for both, PostgreSQL for the api, whose tenant limits
// fall back to the default) is reported as "degraded" with 200, so that Kubernetes keeps the replicas in
// their Service. /healthz (the process is alive) stays true throughout.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { send, startStack, type ServiceProcess, type Stack } from "./support/services.js";
import { assertTools, skipStores, sleep } from "./support/stores.js";

async function waitForReadiness(service: ServiceProcess, status: number, state: "ready" | "degraded" | "not_ready", timeoutMs = 20_000): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  let last: { status: number; body: Record<string, unknown> } | undefined;
  while (Date.now() < deadline) {
    last = await send(service.url, "GET", "/readyz");
    if (last.status === status && last.body.status === state) return last.body;
    await sleep(100);
  }
  throw new Error(`${service.name} /readyz stayed ${last?.status} ${JSON.stringify(last?.body)}, expected ${status} ${state}`);
}

describe.skipIf(skipStores)("readiness follows PostgreSQL and Redis", () => {
  let stack: Stack;

  beforeAll(async () => {
    assertTools();
    stack = await startStack("readiness", { apiEnv: { RATE_LIMIT_MAX: "100000" } });
  });
  afterAll(async () => {
    await stack?.teardown();
  });

  it("payments turns not ready when PostgreSQL stops, the api degraded, and both ready when it returns", async () => {
    for (const service of [stack.api, stack.payments]) {
      expect((await waitForReadiness(service, 200, "ready")).checks).toEqual({ postgres: "ok", redis: "ok" });
    }
    // Writes keep arriving while PostgreSQL goes down: each gets 201 or 503, and no process crashes.
    let writing = true;
    const statuses: number[] = [];
    const writers = Array.from({ length: 4 }, async (_, w) => {
      for (let i = 0; writing; i++) {
        const r = await send(stack.api.url, "POST", "/v1/payments", { tenant: "outage", key: `w${w}-${i}`, body: { amount_cents: 1, currency: "EUR" } });
        statuses.push(r.status);
      }
    });
    await sleep(200);
    await stack.postgres.stop();
    await sleep(300);
    writing = false;
    await Promise.all(writers);
    expect(statuses.length).toBeGreaterThan(4);
    expect(new Set(statuses.filter((s) => s !== 201 && s !== 503))).toEqual(new Set());
    expect([stack.api.running, stack.payments.running]).toEqual([true, true]);
    for (const [service, status, state] of [[stack.api, 200, "degraded"], [stack.payments, 503, "not_ready"]] as const) {
      const body = await waitForReadiness(service, status, state);
      const checks = body.checks as Record<string, string>;
      expect(checks.postgres).not.toBe("ok");
      expect(checks.redis).toBe("ok");
      expect((await send(service.url, "GET", "/healthz")).status).toBe(200);
    }
    // Writes fail while the ledger is down (and nothing hangs).
    const failed = await send(stack.api.url, "POST", "/v1/payments", { tenant: "acme", key: "during-outage", body: { amount_cents: 1, currency: "EUR" } });
    expect(failed.status).toBe(503);
    expect(failed.body.error).toBe("unavailable");

    await stack.postgres.start();
    for (const service of [stack.api, stack.payments]) await waitForReadiness(service, 200, "ready");
    const retried = await send(stack.api.url, "POST", "/v1/payments", { tenant: "acme", key: "during-outage", body: { amount_cents: 1, currency: "EUR" } });
    expect(retried.status).toBe(201);
  });

  it("stays ready (degraded) while Redis is down, so Kubernetes keeps routing; the rate limit fails open meanwhile", async () => {
    await stack.redis.stop();
    for (const service of [stack.api, stack.payments]) {
      const body = await waitForReadiness(service, 200, "degraded");
      expect((body.checks as Record<string, string>).redis).not.toBe("ok");
      expect((body.checks as Record<string, string>).postgres).toBe("ok");
    }
    const served = await send(stack.api.url, "GET", "/v1/balance", { tenant: "acme" });
    expect(served.status).toBe(200);

    await stack.redis.start();
    await waitForReadiness(stack.api, 200, "ready");
    await waitForReadiness(stack.payments, 200, "ready");
  });
});

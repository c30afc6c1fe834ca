// SIGTERM: readiness turns false at once, requests already in flight finish, the listener closes, the
// pools close, and the process exits 0; past SHUTDOWN_TIMEOUT_MS the remaining connections are cut (exit 1).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { send, startService, type Stack, startStack } from "./support/services.js";
import { assertTools, canConnect, skipStores, sleep } from "./support/stores.js";

describe.skipIf(skipStores)("graceful shutdown on SIGTERM", () => {
  let stack: Stack;

  beforeAll(async () => {
    assertTools();
    stack = await startStack("shutdown", { apiEnv: { RATE_LIMIT_MAX: "100000" } });
  });
  afterAll(async () => {
    await stack?.teardown();
  });

  it("drains in-flight requests before exiting 0, answering /readyz 503 meanwhile", async () => {
    const api = await stack.startApi({ SHUTDOWN_DRAIN_DELAY_MS: "600", SHUTDOWN_TIMEOUT_MS: "10000" });
    await api.setFaults({ slowMode: "1500" });
    const started = performance.now();
    const inflight = Array.from({ length: 4 }, (_, i) =>
      send(api.url, "POST", "/v1/payments", { tenant: "drain", key: `drain-${Date.now()}-${i}`, body: { amount_cents: 10 + i, currency: "EUR" } }).then(
        (r) => ({ ...r, finishedAt: performance.now() - started }),
      ),
    );
    await sleep(300);
    api.child.kill("SIGTERM");
    await sleep(150);
    const ready = await send(api.url, "GET", "/readyz");
    expect(ready.status).toBe(503);
    expect(ready.body.status).toBe("draining");

    const results = await Promise.all(inflight);
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    const exit = await api.exited;
    const exitedAt = performance.now() - started;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(exitedAt).toBeGreaterThanOrEqual(Math.max(...results.map((r) => r.finishedAt)));
    expect(await canConnect(api.port)).toBe(false);
    const log = api.logs.join("\n");
    expect(log).toContain("shutdown: readiness is false, draining");
    expect(log).toContain("shutdown: drained cleanly");
  });

  it("cuts requests still running at SHUTDOWN_TIMEOUT_MS and exits 1", async () => {
    const api = await stack.startApi({ SHUTDOWN_TIMEOUT_MS: "500" });
    await api.setFaults({ slowMode: "5000" });
    const stuck = send(api.url, "GET", "/v1/balance", { tenant: "drain" }).then(
      (r) => r.status,
      () => "cut",
    );
    await sleep(200);
    const signalled = performance.now();
    api.child.kill("SIGTERM");
    const exit = await api.exited;
    expect(exit.code).toBe(1);
    expect(performance.now() - signalled).toBeLessThan(3_000);
    expect(await stuck).toBe("cut");
  });

  it("exits 0 from payments too, closing its pool and stopping the outbox relay", async () => {
    const payments = await startService(stack.outdir, "payments", { DATABASE_URL: stack.databaseUrl, REDIS_URL: stack.redis.url, OUTBOX_POLL_MS: "20" });
    await sleep(200);
    const exit = await payments.stop("SIGTERM");
    expect(exit).toEqual({ code: 0, signal: null });
  });
});

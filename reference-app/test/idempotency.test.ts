// Concurrent retries with one Idempotency-Key charge once: the unique constraint and
// INSERT ... ON CONFLICT decide, and the outbox event is written in the same transaction.
import { Redis } from "ioredis";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { send, startStack, type Stack } from "./support/services.js";
import { assertTools, skipStores, sleep } from "./support/stores.js";

describe.skipIf(skipStores)("idempotent charges (real PostgreSQL)", () => {
  let stack: Stack;
  let db: pg.Client;

  beforeAll(async () => {
    assertTools();
    stack = await startStack("idempotency", { apiEnv: { RATE_LIMIT_MAX: "100000" } });
    db = new pg.Client({ connectionString: stack.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await stack?.teardown();
  });

  const payment = { amount_cents: 4200, currency: "EUR", customer_id: "cus_1", description: "order 1" };

  it("charges once when 25 retries with one key arrive at the same time through the api", async () => {
    const key = `retry-${Date.now()}`;
    const responses = await Promise.all(
      Array.from({ length: 25 }, () => send(stack.api.url, "POST", "/v1/payments", { tenant: "acme", key, body: payment })),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(24);
    const ids = new Set(responses.map((r) => r.body.id));
    expect(ids.size).toBe(1);
    expect(responses.filter((r) => r.headers.get("idempotent-replayed") === "true")).toHaveLength(24);

    const { rows } = await db.query("SELECT id, amount_cents FROM ledger_entries WHERE tenant_id = 'acme' AND idempotency_key = $1", [key]);
    expect(rows).toHaveLength(1);
    expect(String(rows[0].id)).toBe([...ids][0]);
    const outbox = await db.query("SELECT event_type FROM outbox_events WHERE ledger_entry_id = $1", [rows[0].id]);
    expect(outbox.rows).toEqual([{ event_type: "payment.captured" }]);
  });

  it("charges once when 40 retries hit payments directly, bypassing the api", async () => {
    const key = `direct-${Date.now()}`;
    const responses = await Promise.all(
      Array.from({ length: 40 }, () =>
        send(stack.payments.url, "POST", "/internal/payments", { tenant: "globex", key, body: { amount_cents: 999, currency: "USD" } }),
      ),
    );
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 200)).toHaveLength(39);
    const { rows } = await db.query("SELECT count(*)::int AS n FROM ledger_entries WHERE tenant_id = 'globex' AND idempotency_key = $1", [key]);
    expect(rows[0].n).toBe(1);
  });

  it("scopes keys to the tenant and refuses a key reused for a different request", async () => {
    const key = `scoped-${Date.now()}`;
    const a = await send(stack.api.url, "POST", "/v1/payments", { tenant: "tenant-a", key, body: payment });
    const b = await send(stack.api.url, "POST", "/v1/payments", { tenant: "tenant-b", key, body: payment });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).not.toBe(b.body.id);
    const changed = await send(stack.api.url, "POST", "/v1/payments", { tenant: "tenant-a", key, body: { ...payment, amount_cents: 1 } });
    expect(changed.status).toBe(422);
    expect(changed.body.error).toBe("idempotency_key_reused");
    const { rows } = await db.query("SELECT count(*)::int AS n FROM ledger_entries WHERE idempotency_key = $1", [key]);
    expect(rows[0].n).toBe(2);
  });

  it("requires an Idempotency-Key and a valid body", async () => {
    expect((await send(stack.api.url, "POST", "/v1/payments", { tenant: "acme", body: payment })).status).toBe(400);
    const bad = await send(stack.api.url, "POST", "/v1/payments", { tenant: "acme", key: "k-bad", body: { amount_cents: -5, currency: "EUR" } });
    expect(bad.status).toBe(400);
  });

  it("passes the correlation id from api to payments and relays the outbox event to Redis", async () => {
    const requestId = `corr-${Date.now()}`;
    const created = await send(stack.api.url, "POST", "/v1/payments", {
      tenant: "acme",
      key: `corr-${Date.now()}`,
      body: payment,
      headers: { "x-request-id": requestId },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get("x-request-id")).toBe(requestId);
    const { rows } = await db.query("SELECT request_id FROM ledger_entries WHERE id = $1", [created.body.id]);
    expect(rows[0].request_id).toBe(requestId);
    // payments writes its access log line as the response finishes; the pipe may deliver it a moment later.
    const logged = () =>
      stack.payments.logs.some((line) => {
        const entry = JSON.parse(line) as Record<string, unknown>;
        return entry.request_id === requestId && entry.route === "/internal/payments";
      });
    for (let i = 0; i < 50 && !logged(); i++) await sleep(100);
    expect(logged()).toBe(true);

    const redis = new Redis(stack.redis.url);
    try {
      let published: string | undefined;
      for (let i = 0; i < 50 && !published; i++) {
        const entries = await redis.xrange("payments.events", "-", "+");
        published = entries.map(([, fields]) => fields).find((fields) => fields[fields.indexOf("request_id") + 1] === requestId)?.join(" ");
        if (!published) await sleep(100);
      }
      expect(published).toContain("payment.captured");
    } finally {
      redis.disconnect();
    }
    // The relay stamps published_at when its transaction commits, just after the XADD.
    let publishedAt: unknown = null;
    for (let i = 0; i < 50 && !publishedAt; i++) {
      const outbox = await db.query("SELECT published_at FROM outbox_events WHERE ledger_entry_id = $1", [created.body.id]);
      publishedAt = outbox.rows[0].published_at;
      if (!publishedAt) await sleep(100);
    }
    expect(publishedAt).toBeInstanceOf(Date);
  });

  it("serves reads through the Redis cache", async () => {
    const created = await send(stack.api.url, "POST", "/v1/payments", { tenant: "reader", key: `read-${Date.now()}`, body: payment });
    const first = await send(stack.api.url, "GET", `/v1/payments/${String(created.body.id)}`, { tenant: "reader" });
    const second = await send(stack.api.url, "GET", `/v1/payments/${String(created.body.id)}`, { tenant: "reader" });
    expect([first.status, second.status]).toEqual([200, 200]);
    expect([first.headers.get("x-cache"), second.headers.get("x-cache")]).toEqual(["miss", "hit"]);
    expect(second.body).toEqual(first.body);
    // Another tenant cannot read it, cached or not.
    expect((await send(stack.api.url, "GET", `/v1/payments/${String(created.body.id)}`, { tenant: "intruder" })).status).toBe(404);
  });

  it("answers an expired read from its stale copy at once, also while payments fails, and refreshes it behind", async () => {
    const created = await send(stack.api.url, "POST", "/v1/payments", { tenant: "stale", key: `stale-${Date.now()}`, body: payment });
    const path = `/v1/payments/${String(created.body.id)}`;
    const neverRead = await send(stack.api.url, "POST", "/v1/payments", { tenant: "stale", key: `unread-${Date.now()}`, body: payment });
    const first = await send(stack.api.url, "GET", path, { tenant: "stale" });
    expect(first.headers.get("x-cache")).toBe("miss");
    const redis = new Redis(stack.redis.url);
    try {
      // The fresh entry's TTL ran out; the stale copy is still there.
      await redis.del(`cache:v1:payment:stale:${String(created.body.id)}`);
      expect(await redis.ttl(`cache:v1:payment:stale:${String(created.body.id)}:stale`)).toBeGreaterThan(30);
      await stack.payments.setFaults({ failMode: "503" });
      const stale = await send(stack.api.url, "GET", path, { tenant: "stale" });
      expect([stale.status, stale.headers.get("x-cache")]).toEqual([200, "stale"]);
      expect(stale.body).toEqual(first.body);
      // A payment never read before has no stale copy: the failure is passed on.
      const unread = await send(stack.api.url, "GET", `/v1/payments/${String(neverRead.body.id)}`, { tenant: "stale" });
      expect(unread.status).toBe(503);
      // While payments fails, the background refresh keeps the stale copy and the fresh entry stays gone.
      expect(await redis.exists(`cache:v1:payment:stale:${String(created.body.id)}`)).toBe(0);
      await stack.payments.setFaults({ failMode: "off" });
      // Healthy again: the stale copy answers at once and the background refresh makes the entry fresh.
      expect((await send(stack.api.url, "GET", path, { tenant: "stale" })).headers.get("x-cache")).toBe("stale");
      let refreshed: string | null = null;
      for (let i = 0; i < 50 && refreshed !== "hit"; i++) {
        await sleep(50);
        refreshed = (await send(stack.api.url, "GET", path, { tenant: "stale" })).headers.get("x-cache");
      }
      expect(refreshed).toBe("hit");
    } finally {
      await stack.payments.setFaults({ failMode: "off" });
      redis.disconnect();
    }
  });
});

// node dist/smoke.js: an end-to-end check through api -> payments -> PostgreSQL (the `helm test` hook and
// `scripts/stack.sh smoke`). Exit 0 when every step passed.
import { randomUUID } from "node:crypto";

const base = (process.env.API_URL ?? "http://127.0.0.1:8080").replace(/\/+$/, "");
const tenant = process.env.SMOKE_TENANT ?? "smoke-test";
const key = `smoke-${randomUUID()}`;
const requestId = `smoke-${randomUUID()}`;
const headers = { "content-type": "application/json", "x-tenant-id": tenant, "idempotency-key": key, "x-request-id": requestId };
const payment = { amount_cents: 1234, currency: "EUR", description: "smoke test" };

function fail(step: string, detail: string): never {
  console.error(`smoke: FAIL ${step}: ${detail}`);
  process.exit(1);
}

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown>; headers: Headers }> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= 5; attempt++) {
    try {
      const response = await fetch(`${base}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
      const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
      return { status: response.status, json, headers: response.headers };
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
    }
  }
  fail(`${method} ${path}`, `unreachable: ${lastError instanceof Error ? lastError.message : String(lastError)}`);
}

const first = await call("POST", "/v1/payments", payment);
if (first.status !== 201) fail("create payment", `expected 201, got ${first.status} ${JSON.stringify(first.json)}`);
if (first.headers.get("x-request-id") !== requestId) fail("correlation id", `x-request-id was not echoed`);
console.log(`smoke: ok   created payment ${String(first.json.id)} through api -> payments`);

const retry = await call("POST", "/v1/payments", payment);
if (retry.status !== 200 || retry.json.id !== first.json.id) fail("idempotent retry", `expected 200 with id ${String(first.json.id)}, got ${retry.status} ${JSON.stringify(retry.json)}`);
console.log("smoke: ok   a retry with the same Idempotency-Key returned the same payment");

const read = await call("GET", `/v1/payments/${String(first.json.id)}`);
if (read.status !== 200 || read.json.amount_cents !== payment.amount_cents) fail("read payment", `got ${read.status} ${JSON.stringify(read.json)}`);
console.log("smoke: ok   read the payment back");

const balance = await call("GET", "/v1/balance");
if (balance.status !== 200) fail("balance", `got ${balance.status} ${JSON.stringify(balance.json)}`);
console.log("smoke: ok   balance answered");
console.log("smoke: PASS");

// k6 load script for the reference app. Every request carries the tag `endpoint`, which the load-budget
// gate (.resilience/load-budgets.yaml) and the SLOs (.resilience/slos.yaml) are written against.
//
//   k6 run -e BASE_URL=http://127.0.0.1:58080 reference-app/load/reference-app.js
//
// Options (k6 -e NAME=VALUE): BASE_URL, DURATION (default 30s), RATE (create-payment iterations per
// second, default 10), TENANTS (how many tenants the traffic is spread over, default 10), RETRY_SHARE
// (share of creates retried with the same Idempotency-Key, default 0.2).
import http from "k6/http";
import { check } from "k6";
import exec from "k6/execution";

const BASE_URL = (__ENV.BASE_URL || "http://127.0.0.1:58080").replace(/\/+$/, "");
const DURATION = __ENV.DURATION || "30s";
const RATE = Number(__ENV.RATE || 10);
const TENANTS = Number(__ENV.TENANTS || 10);
const RETRY_SHARE = Number(__ENV.RETRY_SHARE || 0.2);

export const options = {
  discardResponseBodies: false,
  scenarios: {
    create_payment: {
      executor: "constant-arrival-rate",
      exec: "createPayment",
      rate: RATE,
      timeUnit: "1s",
      duration: DURATION,
      preAllocatedVUs: Math.max(5, RATE),
      maxVUs: Math.max(20, RATE * 4),
    },
    read_payment: {
      executor: "constant-arrival-rate",
      exec: "readPayment",
      rate: RATE * 2,
      timeUnit: "1s",
      duration: DURATION,
      preAllocatedVUs: Math.max(5, RATE),
      maxVUs: Math.max(20, RATE * 4),
    },
    balance: {
      executor: "constant-arrival-rate",
      exec: "balance",
      rate: Math.max(1, Math.round(RATE / 2)),
      timeUnit: "1s",
      duration: DURATION,
      preAllocatedVUs: 2,
      maxVUs: 10,
    },
  },
  // The same budgets as .resilience/load-budgets.yaml, so a plain `k6 run` fails the same way the gate does.
  thresholds: {
    "http_req_duration{endpoint:create-payment}": ["p(95)<300", "p(99)<800"],
    "http_req_failed{endpoint:create-payment}": ["rate<0.01"],
    "http_req_duration{endpoint:create-payment-retry}": ["p(95)<300", "p(99)<800"],
    "http_req_failed{endpoint:create-payment-retry}": ["rate<0.01"],
    "http_req_duration{endpoint:get-payment}": ["p(95)<150", "p(99)<400"],
    "http_req_failed{endpoint:get-payment}": ["rate<0.005"],
    "http_req_duration{endpoint:get-balance}": ["p(95)<200", "p(99)<500"],
    "http_req_failed{endpoint:get-balance}": ["rate<0.01"],
  },
  summaryTrendStats: ["avg", "min", "med", "max", "p(90)", "p(95)", "p(99)"],
};

function tenantFor(n) {
  return `load-tenant-${n % TENANTS}`;
}

function headers(tenant, extra) {
  return Object.assign({ "content-type": "application/json", "x-tenant-id": tenant, "x-request-id": `k6-${uid()}` }, extra || {});
}

let counter = 0;
function uid() {
  counter++;
  return `${__VU}-${counter}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e9).toString(36)}`;
}

// One payment per tenant to read back, made before the run starts. A seed is retried a few times, so a
// service running with FAIL_MODE still gets its load (and fails its budgets) instead of aborting the run.
export function setup() {
  const seeded = [];
  for (let t = 0; t < TENANTS; t++) {
    const tenant = tenantFor(t);
    let res;
    for (let attempt = 0; attempt < 10; attempt++) {
      res = http.post(`${BASE_URL}/v1/payments`, JSON.stringify({ amount_cents: 100, currency: "EUR", description: "k6 seed" }), {
        headers: headers(tenant, { "idempotency-key": `k6-seed-${tenant}` }),
        tags: { endpoint: "setup" },
      });
      if (res.status === 200 || res.status === 201 || res.status === 0) break;
    }
    if (res.status !== 200 && res.status !== 201) throw new Error(`setup: seeding ${tenant} failed with ${res.status} ${res.error || res.body}`);
    seeded.push({ tenant, id: res.json("id") });
  }
  return { seeded };
}

export function createPayment() {
  const n = exec.scenario.iterationInTest;
  const tenant = tenantFor(n);
  const key = `k6-${uid()}`;
  const body = JSON.stringify({ amount_cents: 100 + (n % 900), currency: "EUR", customer_id: `cus_${n % 97}` });
  const res = http.post(`${BASE_URL}/v1/payments`, body, {
    headers: headers(tenant, { "idempotency-key": key }),
    tags: { endpoint: "create-payment" },
  });
  check(res, { "create-payment: 201": (r) => r.status === 201 }, { endpoint: "create-payment" });
  if (Math.random() < RETRY_SHARE) {
    // A client retry of the same request: must return the same payment, not charge again.
    const retry = http.post(`${BASE_URL}/v1/payments`, body, {
      headers: headers(tenant, { "idempotency-key": key }),
      tags: { endpoint: "create-payment-retry" },
    });
    check(
      retry,
      { "create-payment-retry: same payment": (r) => r.status === 200 && res.status === 201 && r.json("id") === res.json("id") },
      { endpoint: "create-payment-retry" },
    );
  }
}

export function readPayment(data) {
  const seed = data.seeded[exec.scenario.iterationInTest % data.seeded.length];
  const res = http.get(`${BASE_URL}/v1/payments/${seed.id}`, {
    headers: headers(seed.tenant),
    tags: { endpoint: "get-payment", name: "GET /v1/payments/:id" },
  });
  check(res, { "get-payment: 200": (r) => r.status === 200 }, { endpoint: "get-payment" });
}

export function balance() {
  const tenant = tenantFor(exec.scenario.iterationInTest);
  const res = http.get(`${BASE_URL}/v1/balance`, { headers: headers(tenant), tags: { endpoint: "get-balance" } });
  check(res, { "get-balance: 200": (r) => r.status === 200 }, { endpoint: "get-balance" });
}

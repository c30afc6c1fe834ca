// Writes the signed chaos results of fixtures/chaos-readiness/data/results/ from one base result, signed
// with the restore-proofs fixtures' test-only drill key (chaos results use the drill keys), and one
// signed with the key nobody trusts. Ed25519 signatures are deterministic, so running it again rewrites
// identical files:  npx tsx test/chaos-readiness/make-fixtures.ts
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { RESULT_TYPE, type ChaosResult, type SliRecord } from "../../src/chaos/result.js";
import { parsePrivateKey, signProof } from "../../src/drill/signing.js";

const keys = join("fixtures", "restore-proofs", "data", "keys");
const out = join("fixtures", "chaos-readiness", "data", "results");
mkdirSync(out, { recursive: true });
const key = parsePrivateKey(readFileSync(join(keys, "drill-signing-key.pem"), "utf8"), "fixture key");
const forger = parsePrivateKey(readFileSync(join(keys, "forger", "drill-signing-key.pem"), "utf8"), "forger key");

/** ISO time `days` days and `seconds` seconds before the fixtures' now (2026-11-01T00:00:00Z). */
function ago(days: number, seconds = 0): string {
  return new Date(Date.parse("2026-11-01T00:00:00Z") - days * 86_400_000 - seconds * 1000).toISOString();
}

function slis(phase: SliRecord["phase"], required = true): SliRecord[] {
  return [
    { phase, slo: "api-create-payment-availability", objective: 0, target: 0.999, samples: 120, ratio: 1, quantileSeconds: null, met: true, required },
    { phase, slo: "api-create-payment-latency", objective: 0, target: 0.95, samples: 120, ratio: null, quantileSeconds: 0.021, met: true, required },
  ];
}

/** A passing api experiment that finished `days` days ago: Redis stopped, the limiter failed open. */
function base(days = 12): ChaosResult {
  return {
    type: RESULT_TYPE,
    experiment: "api-redis-down",
    service: "api",
    dependency: "ratelimit-redis",
    podLoss: false,
    target: "local",
    serviceVersion: "1.4.0",
    result: "passed",
    fault: { kind: "stop-process", detail: "redis (pid 30854) stopped with SIGTERM" },
    times: { startedAt: ago(days, 25), faultStartedAt: ago(days, 19), faultEndedAt: ago(days, 8), recoveredAt: ago(days, 6), finishedAt: ago(days) },
    measured: {
      recoverySeconds: 1.63,
      phases: {
        before: { requests: 150, errors: 0, durationSeconds: 5.4, aborted: false },
        during: { requests: 375, errors: 0, durationSeconds: 10.4, aborted: false },
        after: { requests: 155, errors: 0, durationSeconds: 5.3, aborted: false },
      },
    },
    slis: [...slis("before"), ...slis("during"), ...slis("after")],
    expectations: [
      { description: "the rate limiter fails open", observed: true, detail: "rate_limit_errors_total rose by 377 during the fault (want at least 10)" },
      { description: "payments are still created while Redis is down", observed: true, detail: "101 requests to create-payment, error rate 0% (at most 0.1%)" },
    ],
    touched: [{ kind: "Process", name: "redis", action: "stop with SIGTERM" }],
    undone: [{ what: "start redis again", ok: true, detail: "restarted with `bash ../scripts/stack.sh start`" }],
    host: "ci-runner-3",
    tools: { "resilience-gates": "0.1.0", k6: "v1.4.2" },
    failures: [],
  };
}

function paymentsSlow(days = 12): ChaosResult {
  return {
    ...base(days),
    experiment: "api-payments-slow",
    dependency: "payments",
    fault: { kind: "fault-switch", detail: "payments-faults: slowMode=2000" },
    expectations: [{ description: "the api times out on payments and answers 503 within its budget", observed: true, detail: "98 requests to create-payment, 100% answered 503, p99 1.02s" }],
    touched: [{ kind: "FaultSwitch", name: "payments-faults", action: "PUT slowMode=2000" }],
    undone: [{ what: "clear payments-faults", ok: true }],
  };
}

function podLoss(days = 12): ChaosResult {
  return {
    ...base(days),
    experiment: "api-pod-loss",
    dependency: null,
    podLoss: true,
    fault: { kind: "kill-process", detail: "api (pid 31002) killed with SIGKILL" },
    slis: [...slis("before"), ...slis("during", false), ...slis("after")],
    expectations: [{ description: "the lost api process is back and ready within 15 s", observed: true, detail: "recovered in 2.1s (within 15s)" }],
    touched: [{ kind: "Process", name: "api", action: "kill with SIGKILL, restart" }],
    undone: [{ what: "wait for api to be restarted", ok: true }],
  };
}

const write = (name: string, result: unknown) => writeFileSync(join(out, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
const signed = (name: string, result: ChaosResult) => write(name, signProof(result, key));

signed("redis-passed", base());
signed("payments-passed", paymentsSlow());
signed("pod-loss-passed", podLoss());
signed("redis-stale", base(120));
signed("payments-stale", paymentsSlow(100));
signed("pod-loss-stale", podLoss(95));

const aborted = base(2);
aborted.result = "aborted";
aborted.measured.phases = { before: aborted.measured.phases.before, during: { requests: 61, errors: 40, durationSeconds: 3.1, aborted: true } };
aborted.slis = [...slis("before"), ...slis("during").map((record) => ({ ...record, ratio: record.ratio === null ? null : 0.34, quantileSeconds: record.quantileSeconds === null ? null : 1.9, met: false }))];
aborted.times.recoveredAt = ago(2, 6);
aborted.failures = ["the steady state broke beyond the abort limit (error rate 20%); k6 stopped the run", "no after-phase measurement: the service did not recover"];
signed("redis-aborted", aborted);

const undoFailed = base(2);
undoFailed.result = "failed";
undoFailed.undone = [{ what: "start redis again", ok: false, detail: "`bash ../scripts/stack.sh start` exited 1" }];
undoFailed.failures = ["undo failed: start redis again: `bash ../scripts/stack.sh start` exited 1"];
signed("redis-undo-failed", undoFailed);

const sloMissed = podLoss(2);
sloMissed.result = "failed";
sloMissed.slis = sloMissed.slis.map((record) => (record.phase === "after" && record.ratio !== null ? { ...record, ratio: 0.95, met: false } : record));
sloMissed.failures = ["SLOs missed after recovery: api-create-payment-availability#0 95% over 120 (target 0.999)"];
signed("pod-loss-slo-missed", sloMissed);

const notObserved = base(2);
notObserved.result = "failed";
const [first, ...others] = notObserved.expectations;
notObserved.expectations = [{ ...(first as ChaosResult["expectations"][number]), observed: false, detail: "rate_limit_errors_total rose by 0 during the fault (want at least 10)" }, ...others];
notObserved.failures = ["expected degradation not observed: the rate limiter fails open: rate_limit_errors_total rose by 0 during the fault (want at least 10)"];
signed("redis-not-observed", notObserved);

const noExpectation = base(2);
noExpectation.expectations = [];
signed("redis-no-expectation", noExpectation);

// Edited, then signed again with the real key: says passed while listing a failure and a missed SLO.
const contradictory = base(2);
contradictory.failures = ["SLOs missed during the fault: api-create-payment-availability#0 91% over 375 (target 0.999)"];
contradictory.slis = contradictory.slis.map((record) => (record.phase === "during" && record.ratio !== null ? { ...record, ratio: 0.91, met: false } : record));
signed("redis-contradictory", contradictory);

const backwards = base(2);
backwards.times.finishedAt = ago(2, 30);
backwards.measured.phases.during = { requests: 10, errors: 12, durationSeconds: 10, aborted: false };
signed("redis-impossible", backwards);

const future = base(-3);
signed("redis-future", future);

const otherVersion = base(30);
otherVersion.serviceVersion = "1.3.9";
signed("redis-old-version", otherVersion);

const orphan = base(2);
orphan.service = "search";
signed("search-orphan", orphan);
const undeclared = base(2);
undeclared.dependency = "memcached";
undeclared.experiment = "api-memcached-down";
signed("api-undeclared-dependency", undeclared);

write("redis-unsigned", base(1));
const tampered = signProof(base(1), key);
tampered.measured.recoverySeconds = 0.2;
write("redis-tampered", tampered);
write("redis-forged", signProof(base(1), forger));
const full = JSON.stringify(signProof(base(1), key), null, 2);
writeFileSync(join(out, "redis-truncated.json"), full.slice(0, full.indexOf('"slis"') + 30));
const badTime = signProof({ ...base(1), times: { ...base(1).times, finishedAt: "2026-10-32T00:00:00.000Z" } }, key);
write("redis-bad-time", badTime);
write("not-a-result", signProof({ type: RESULT_TYPE, experiment: "api-redis-down" } as unknown as ChaosResult, key));
console.error(`wrote the chaos-readiness fixture results into ${out}`);

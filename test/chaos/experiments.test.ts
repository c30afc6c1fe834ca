// The chaos file loader (errors at file and line, ${NAME:-default}) and the signed result's checks,
// on the reference app's own files and on small broken copies of them.
import { generateKeyPairSync } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadChaosConfig } from "../../src/chaos/experiments.js";
import { planLocal } from "../../src/chaos/local.js";
import { readResultText, RESULT_TYPE, type ChaosResult } from "../../src/chaos/result.js";
import { signProof } from "../../src/drill/signing.js";
import { repoRoot } from "../support/cli.js";

const scratch = mkdtempSync(join(repoRoot, ".work-chaos-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function copyApp(edit: (text: string) => string): { root: string; base: string } {
  const base = mkdtempSync(join(scratch, "app-"));
  cpSync(join(repoRoot, "reference-app", ".resilience"), join(base, ".resilience"), { recursive: true });
  const file = join(base, ".resilience", "chaos.yaml");
  writeFileSync(file, edit(readFileSync(file, "utf8")));
  return { root: repoRoot, base };
}

describe("chaos.yaml", () => {
  it("loads the reference app's experiments, expanding ${NAME:-default} from the environment", () => {
    const config = loadChaosConfig({ root: repoRoot, base: join(repoRoot, "reference-app") }, undefined, { API_URL: "http://127.0.0.1:9" });
    expect(config.experiments.map((experiment) => experiment.name)).toEqual(["api-redis-down", "api-payments-slow", "payments-ledger-db-down", "api-ledger-db-down", "payments-ratelimit-redis-down", "api-pod-loss", "payments-pod-loss"]);
    expect(config.load.target).toBe("http://127.0.0.1:9");
    expect(config.local.processes.redis?.pidFile).toBe("../.work/stack/run/redis.pid");
    expect(config.phases).toEqual({ before: 5, during: 10, after: 5 });
  });

  it("loads the cluster experiments of e2e (chaos-cluster.yaml) for the namespace it is given", () => {
    const config = loadChaosConfig({ root: repoRoot, base: join(repoRoot, "reference-app") }, ".resilience/chaos-cluster.yaml", { API_URL: "http://10.96.0.9:80", E2E_NAMESPACE: "e2e" });
    expect(config.experiments.map((experiment) => [experiment.name, experiment.target, experiment.fault.kind])).toEqual([
      ["api-pod-loss-cluster", "kubernetes", "delete-pod"],
      ["api-redis-down-cluster", "kubernetes", "scale-to-zero"],
    ]);
    expect(config.blastRadius.namespaces).toEqual(["e2e"]);
    expect(config.load.args).toEqual(["--no-connection-reuse"]);
  });

  it("names file and line of a schema violation, an unknown dependency, and a blast radius it would leave", () => {
    const badKind = copyApp((text) => text.replace("kind: stop-process, process: redis", "kind: unplug, process: redis"));
    expect(() => loadChaosConfig(badKind, undefined, {})).toThrow(/chaos\.yaml:\d+:\d+: .*kind.* must be one of/);
    const dependency = copyApp((text) => text.replace("dependency: ratelimit-redis", "dependency: memcached"));
    expect(() => loadChaosConfig(dependency, undefined, {})).toThrow(/chaos\.yaml:\d+:\d+: memcached is not a declared dependency of api \(.*catalog\.yaml line \d+ lists payments, ratelimit-redis, ledger-db\)/);
    const unset = copyApp((text) => text.replace("${API_URL:-http://127.0.0.1:58080}", "${CHAOS_TEST_UNSET}"));
    expect(() => loadChaosConfig(unset, undefined, {})).toThrow(/chaos\.yaml:\d+:\d+: \$\{CHAOS_TEST_UNSET\} is not set and has no default/);
    const narrow = loadChaosConfig(copyApp((text) => text.replace("processes: [redis, postgres, api, payments, payments-faults]", "processes: [api]")), undefined, {});
    const redisDown = narrow.experiments[0];
    expect(redisDown).toBeDefined();
    expect(() => planLocal(narrow, redisDown!)).toThrow(/would touch redis, which is not in blastRadius\.processes \(api\)/);
  });
});

describe("chaos results", () => {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const other = generateKeyPairSync("ed25519");
  const result: ChaosResult = {
    type: RESULT_TYPE, experiment: "api-redis-down", service: "api", dependency: "ratelimit-redis", podLoss: false, target: "local",
    serviceVersion: "0.1.0", result: "passed", fault: { kind: "stop-process", detail: "redis stopped" },
    times: { startedAt: "2026-12-02T09:46:20Z", faultStartedAt: "2026-12-02T09:46:27Z", faultEndedAt: "2026-12-02T09:46:38Z", recoveredAt: "2026-12-02T09:46:39Z", finishedAt: "2026-12-02T09:46:45Z" },
    measured: { recoverySeconds: 1.5, phases: { during: { requests: 369, errors: 0, durationSeconds: 10.3, aborted: false } } },
    slis: [], expectations: [], touched: [], undone: [{ what: "start redis again", ok: true }], tools: {}, failures: [],
  };
  const signed = JSON.stringify(signProof(result, privateKey), null, 2);

  it("verifies with the drill key, and names a changed value, another key, a truncation and a missing signature", () => {
    const ok = readResultText(signed, "r.json", [publicKey]);
    expect(ok.ok && ok.signature.status).toBe("valid");
    const changed = readResultText(signed.replace('"requests": 369', '"requests": 370'), "r.json", [publicKey]);
    expect(changed.ok && changed.signature.detail).toMatch(/changed after it was signed/);
    const unknown = readResultText(signed, "r.json", [other.publicKey]);
    expect(unknown.ok && unknown.signature.detail).toMatch(/not a trusted key/);
    const truncated = readResultText(signed.slice(0, 400), "r.json", [publicKey]);
    expect(truncated.ok).toBe(false);
    expect(!truncated.ok && truncated.message).toMatch(/truncated/);
    const unsigned = readResultText(JSON.stringify(result), "r.json", [publicKey]);
    expect(unsigned.ok && unsigned.signature.status).toBe("missing");
  });
});

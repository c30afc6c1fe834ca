import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigurationError } from "../../src/engine/errors.js";
import { silentLogger } from "../../src/engine/logger.js";
import type { PolicyBundle } from "../../src/engine/policy.js";
import { runGates } from "../../src/engine/run.js";
import type { GateResult } from "../../src/engine/types.js";
import { backupsGate, type BackupsOptions } from "../../src/gates/backups/index.js";
import { loadCatalog, TIER_DEFAULTS } from "../../src/sources/catalog.js";
import { repoRoot } from "../support/cli.js";
import { FIXTURE_NOW } from "../support/gate-fixtures.js";
import { compileGateBundle } from "./bundle.js";

const workspace = { root: repoRoot, base: repoRoot };
let bundle: PolicyBundle;
beforeAll(async () => {
  bundle = await compileGateBundle(["backups"]);
});

const scratchDirectories: string[] = [];
afterAll(() => {
  for (const directory of scratchDirectories) rmSync(directory, { recursive: true, force: true });
});

/** A scratch directory inside the repository (inputs may not come from outside it). */
function scratch(): string {
  const base = join(repoRoot, ".work");
  mkdirSync(base, { recursive: true });
  const directory = mkdtempSync(join(base, "backups-test-"));
  scratchDirectories.push(directory);
  return directory;
}

async function judge(options: BackupsOptions, now = FIXTURE_NOW): Promise<GateResult> {
  const report = await runGates(
    { config: { workspace, gates: {}, policies: [], rules: {} }, gates: [["backups", options as Record<string, unknown>]], now, logger: silentLogger },
    bundle,
  );
  return report.gates[0] as GateResult;
}

const where = (result: GateResult) => result.findings.map((f) => `${f.rule}@${f.location?.file}:${f.location?.line}`).sort();

describe("catalog", () => {
  it("accepts the minimal form and fills in the tier's limits", () => {
    const catalog = loadCatalog(workspace, "fixtures/backups/data/catalog.yaml");
    expect(catalog.stores).toHaveLength(1);
    const [store] = catalog.stores;
    expect(store).toMatchObject({ name: "ledger-db", service: "payments", owner: "team-payments", engine: "postgres", tier: 1, rpo: 1800, rto: 3600, drillEvery: 90 * 86_400, overrides: [] });
    expect(store?.location).toEqual({ file: "fixtures/backups/data/catalog.yaml", line: 7, column: 9 });
    expect(TIER_DEFAULTS[0]).toEqual({ rpo: 300, rto: 900, drillEvery: 90 * 86_400 });
    expect(TIER_DEFAULTS[2]).toEqual({ rpo: 4 * 3600, rto: 8 * 3600, drillEvery: 30 * 86_400 });
    expect(TIER_DEFAULTS[3]).toEqual({ rpo: 86_400, rto: 86_400, drillEvery: 182 * 86_400 });
  });

  it("lets a store override its tier and limits", () => {
    const dir = scratch();
    writeFileSync(
      join(dir, "catalog.yaml"),
      "version: 1\nservices:\n  - name: payments\n    owner: team-payments\n    tier: 1\n    stores:\n      - name: ledger-db\n        engine: postgres\n        tier: 0\n        rpo: 1m\n      - name: cache\n        engine: redis\n        tier: 3\n        owner: team-platform\n        drillEvery: 26w\n",
    );
    const catalog = loadCatalog(workspace, join(dir, "catalog.yaml"));
    expect(catalog.byName.get("ledger-db")).toMatchObject({ tier: 0, rpo: 60, rto: 900, overrides: ["rpo"] });
    expect(catalog.byName.get("cache")).toMatchObject({ tier: 3, owner: "team-platform", drillEvery: 182 * 86_400, overrides: ["drillEvery"] });
  });

  it.each([
    ["a duplicate store name", "services:\n  - name: a\n    owner: x\n    tier: 1\n    stores:\n      - name: db\n        engine: postgres\n  - name: b\n    owner: team-y\n    tier: 2\n    stores:\n      - name: db\n        engine: redis\n", 12, /used twice \(also at line 6\)/],
    ["a tier out of range", "services:\n  - name: a\n    owner: x\n    tier: 4\n", 4, /tier/],
    ["an unknown key", "services:\n  - name: a\n    owner: x\n    tier: 1\n    stores:\n      - name: db\n        engine: postgres\n        rpo_minutes: 5\n", 8, /unknown key `rpo_minutes`/],
    ["a duration without a unit", "services:\n  - name: a\n    owner: x\n    tier: 1\n    stores:\n      - name: db\n        engine: postgres\n        rpo: '15'\n", 8, /rpo/],
  ])("reports %s at its line", (_what, text, line, message) => {
    const dir = scratch();
    writeFileSync(join(dir, "catalog.yaml"), text);
    try {
      loadCatalog(workspace, join(dir, "catalog.yaml"));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as ConfigurationError).location?.line).toBe(line);
      expect((error as Error).message).toMatch(message);
    }
  });

  it("makes a missing catalog a gate error, which blocks", async () => {
    const result = await judge({ catalog: "nowhere/catalog.yaml", manifests: ["fixtures/backups/bk-pass-cronjob.yaml"] });
    expect(result.verdict).toBe("error");
    expect(result.error).toMatch(/catalog nowhere\/catalog.yaml does not exist/);
  });
});

describe("backups collector", () => {
  it("judges a Helm chart's CronJob at the template line", async () => {
    const result = await judge({ catalog: "fixtures/backups/data/catalog.yaml", charts: [{ path: "fixtures/backups/data/chart" }], evidence: ["fixtures/backups/data/evidence"] });
    expect(result.error).toBeUndefined();
    expect(where(result)).toEqual(["BK-002@fixtures/backups/data/chart/templates/cronjob.yaml:10"]);
    expect(result.findings[0]?.resource).toEqual({ kind: "CronJob", name: "release-ledger-backup" });
  });

  it("judges a kustomization's Velero Schedule at the original file's line", async () => {
    const result = await judge({ catalog: "fixtures/backups/data/catalog.yaml", kustomize: ["fixtures/backups/data/kustomize"], evidence: ["fixtures/backups/data/evidence"] });
    expect(result.error).toBeUndefined();
    expect(where(result)).toEqual(["BK-002@fixtures/backups/data/kustomize/schedule.yaml:8"]);
    expect(result.findings[0]?.message).toContain("worst-case gap 2h00m exceeds tier 1 RPO 30m");
  });

  it("ties definitions to stores through the config's bindings, and flags unknown stores there", async () => {
    const options: BackupsOptions = {
      catalog: "fixtures/backups/data/catalog-binding.yaml",
      manifests: ["fixtures/backups/bk-pass-catalog-binding.yaml"],
      evidence: ["fixtures/backups/data/evidence"],
      bindings: [{ store: "ledgr-db", kind: "CronJob", name: "ledger-dump" }],
    };
    const result = await judge(options);
    expect(result.findings.map((f) => f.rule)).toEqual(["BK-009"]);
    expect(result.findings[0]?.message).toBe("the config binds it to store ledgr-db, which is not in the catalog fixtures/backups/data/catalog-binding.yaml (known stores: ledger-db)");
  });

  it("reports an impossible evidence date at its line", async () => {
    const dir = scratch();
    writeFileSync(join(dir, "e.json"), '{\n  "store": "ledger-db",\n  "status": "succeeded",\n  "finishedAt": "2026-02-30T00:00:00Z"\n}\n');
    const result = await judge({ catalog: "fixtures/backups/data/catalog.yaml", manifests: ["fixtures/backups/bk-pass-cronjob.yaml"], evidence: [dir] });
    expect(where(result).filter((entry) => entry.startsWith("BK-011"))).toHaveLength(1);
    expect(result.findings.find((f) => f.rule === "BK-011")?.location?.line).toBe(4);
    expect(result.findings.map((f) => f.rule).sort()).toEqual(["BK-005", "BK-011"]);
  });

  it("makes an evidence path that does not exist an error, not a pass", async () => {
    const result = await judge({ catalog: "fixtures/backups/data/catalog.yaml", manifests: ["fixtures/backups/bk-pass-cronjob.yaml"], evidence: ["fixtures/backups/data/no-such-dir"] });
    expect(result.verdict).toBe("error");
    expect(result.error).toMatch(/evidence fixtures\/backups\/data\/no-such-dir does not exist/);
  });

  it("ages evidence with input.now: fresh at one time, stale an hour later", async () => {
    const options = backupsGate.fixtureOptions(join(repoRoot, "fixtures/backups/bk-pass-cronjob.yaml"));
    expect((await judge(options)).verdict).toBe("pass");
    const later = await judge(options, new Date(FIXTURE_NOW.getTime() + 3600_000));
    expect(later.findings.map((f) => f.rule)).toEqual(["BK-004"]);
    expect(later.findings[0]?.message).toBe(
      "last successful backup finished 1h10m ago (evidence fixtures/backups/data/evidence/ledger-db.json), older than its tier 1 RPO 30m",
    );
  });

  it("builds options from one-off flags", () => {
    expect(backupsGate.optionsFromFlags({ manifests: ["security-only.yaml"].slice(0, 0) })).toBeUndefined();
    expect(backupsGate.optionsFromFlags({ catalog: "c.yaml", manifests: ["m/*.yaml"], evidence: ["e/"], chart: ["chart"], values: ["v.yaml"] })).toEqual({
      catalog: "c.yaml",
      manifests: ["m/*.yaml"],
      evidence: ["e/"],
      charts: [{ path: "chart", values: ["v.yaml"] }],
    });
  });
});

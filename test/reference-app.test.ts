// The reference app judged by its own gates, the way the README's first command does it: the stack on
// real PostgreSQL and Redis, backups by the chart's scripts, real restore drills, a real k6 run, then every
// gate of reference-app/.resilience/gates.yaml. And the chart with a weakened values file, which must block at
// the lines of that file.
import { spawnSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { assertTools, freePorts, scratchDir, skipStores } from "../reference-app/test/support/stores.js";
import { repoRoot, runCli } from "./support/cli.js";

const scratch = scratchDir("reference-app-gates");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.skipIf(skipStores)("the reference app under its own gates", () => {
  it("passes security-context, migrations, backups, restore-proofs, chaos-readiness, load-budget and slo after real backups, drills, chaos experiments and a k6 run (npm run gates)", async () => {
    assertTools();
    const [pg, redis, api, payments] = await freePorts(4);
    const env = {
      ...process.env,
      STACK_DIR: join(scratch, "stack"),
      STACK_PG_PORT: String(pg),
      STACK_REDIS_PORT: String(redis),
      STACK_API_PORT: String(api),
      STACK_PAYMENTS_PORT: String(payments),
      NO_COLOR: "1",
    };
    const run = spawnSync("bash", ["scripts/quickstart.sh"], { cwd: repoRoot, env, encoding: "utf8", timeout: 900_000 });
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.status, output).toBe(0);
    expect(output).toMatch(/PASSED restore drill of ledger-db \(postgres\)/);
    expect(output).toMatch(/PASSED restore drill of ratelimit-redis \(redis\)/);
    expect(output).toMatch(/^security-context {2}PASS {2}0 findings · 9 workloads/m);
    expect(output).toMatch(/^migrations {2}(PASS|WARN) /m);
    expect(output).toMatch(/^backups {2}PASS {2}0 findings/m);
    expect(output).toMatch(/^restore-proofs {2}PASS {2}0 findings/m);
    for (const experiment of ["api-redis-down", "api-payments-slow", "payments-ledger-db-down", "api-pod-loss", "payments-pod-loss"]) {
      expect(output).toMatch(new RegExp(`^PASSED chaos experiment ${experiment} `, "m"));
    }
    expect(output).toMatch(/^chaos-readiness {2}PASS {2}0 findings/m);
    expect(output).toMatch(/^k6: \d+s elapsed, \d+ requests, \d+ errors$/m);
    expect(output).toMatch(/^load-budget {2}PASS {2}0 findings/m);
    expect(output).toMatch(/^slo {2}PASS {2}0 findings/m);
    expect(output).toMatch(/^readiness {2}PASS {2}0 findings/m);
    expect(output).toMatch(/quickstart: the reference app passes every gate and the bad fixtures block/);
  }, 900_000);

  it("blocks the chart with a weakened values file, at the lines of that file", () => {
    const weak = join(scratch, "values-weak.yaml");
    writeFileSync(weak, ["containerSecurityContext:", "  allowPrivilegeEscalation: true", "  readOnlyRootFilesystem: false", ""].join("\n"));
    const shown = relative(repoRoot, weak);
    const run = runCli([
      "check", "security-context", "--chart", "charts/reference-app",
      "--values", "charts/reference-app/values-prod.yaml", "--values", shown, "--format", "json", "--quiet",
    ]);
    expect(run.status, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as { gates: { findings: { rule: string; location?: { file: string; line: number } }[] }[] };
    const findings = report.gates[0]?.findings ?? [];
    // Every container of the chart inherits the weakened context: api, payments (and its migration init
    // container), PostgreSQL, Redis, both backup CronJobs, the restore drill (two containers), the helm test.
    expect(findings.filter((finding) => finding.rule === "SC-005")).toHaveLength(10);
    expect(findings.filter((finding) => finding.rule === "SC-020")).toHaveLength(10);
    for (const finding of findings) {
      expect(finding.location).toEqual({ file: shown, line: finding.rule === "SC-005" ? 2 : 3, column: 3 });
    }
  });
});

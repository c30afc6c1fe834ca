// scripts/stack.sh end to end, in a directory and on ports of its own: start (twice: idempotent),
// status, env, smoke, stop.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertTools, freePorts, removeDir, repoRoot, scratchDir, skipStores } from "./support/stores.js";

const run = promisify(execFile);

describe.skipIf(skipStores)("scripts/stack.sh", () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;

  const stack = async (command: string): Promise<{ code: number; stdout: string; stderr: string }> => {
    try {
      const { stdout, stderr } = await run("bash", [path.join(repoRoot, "scripts", "stack.sh"), command], { env, cwd: repoRoot, timeout: 120_000 });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string };
      return { code: typeof failed.code === "number" ? failed.code : 1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
    }
  };

  beforeAll(async () => {
    assertTools();
    dir = scratchDir("stack-sh");
    const [pg, redis, api, payments] = await freePorts(4);
    env = {
      ...process.env,
      STACK_DIR: dir,
      STACK_PG_PORT: String(pg),
      STACK_REDIS_PORT: String(redis),
      STACK_API_PORT: String(api),
      STACK_PAYMENTS_PORT: String(payments),
      STACK_ADMIN_TOKEN: "stack-test-token",
    };
  });
  afterAll(async () => {
    if (dir) {
      await stack("stop");
      removeDir(dir);
    }
  });

  it("starts everything, is idempotent, reports, smokes and stops cleanly", async () => {
    const started = await stack("start");
    expect(started.code, started.stderr).toBe(0);
    expect(started.stderr).toContain("postgres: creating a cluster");
    expect(started.stderr).toContain("migrate: 12 applied");
    expect(started.stderr).toMatch(/api: ready/);

    const again = await stack("start");
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain("postgres: already running");
    expect(again.stderr).toContain("api: already running");
    expect(again.stderr).toContain("migrate: 0 applied, 12 already applied");

    const status = await stack("status");
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/api\s+running .*\/readyz 200/);

    const printed = await stack("env");
    expect(printed.stdout).toContain(`export API_URL='http://127.0.0.1:${env.STACK_API_PORT}'`);
    expect(printed.stdout).toContain(`export DATABASE_URL='postgres://postgres@127.0.0.1:${env.STACK_PG_PORT}/reference_app'`);
    expect(printed.stdout).toContain("export ADMIN_TOKEN='stack-test-token'");

    const smoke = await stack("smoke");
    expect(smoke.code, smoke.stderr).toBe(0);
    expect(smoke.stdout).toContain("smoke: PASS");

    const stopped = await stack("stop");
    expect(stopped.code, stopped.stderr).toBe(0);
    expect(stopped.stderr).toContain("api: SIGTERM");
    expect(stopped.stderr).toContain("postgres: stopping");
    const after = await stack("status");
    expect(after.code).toBe(1);
    expect(after.stdout).toMatch(/postgres\s+stopped/);
    expect(after.stdout).toMatch(/api\s+stopped/);
  });
});

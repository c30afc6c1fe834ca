// The chart's backup scripts (charts/reference-app/files) run for real against PostgreSQL and Redis:
// the dump restores into a scratch database with the same rows, the RDB copy is valid, and each run
// leaves evidence (latest.json on success, a failed record otherwise). The restore-drill script runs the
// real `resilience-gates drill` with the flags it takes, and its proofs verify.
import { execFile } from "node:child_process";
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { Redis } from "ioredis";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runMigrations } from "../src/migrate.js";
import { appRoot, assertTools, findPgBin, removeDir, repoRoot, scratchDir, skipStores, sleep, TestPostgres, TestRedis } from "./support/stores.js";

const run = promisify(execFile);
const files = path.join(repoRoot, "charts", "reference-app", "files");

describe.skipIf(skipStores)("backup scripts of the chart", () => {
  let dir: string;
  let postgres: TestPostgres;
  let redis: TestRedis;
  let databaseUrl: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    assertTools();
    dir = scratchDir("backups");
    [postgres, redis] = await Promise.all([TestPostgres.create(dir), TestRedis.create(dir)]);
    databaseUrl = await postgres.createDatabase("reference_app");
    await runMigrations({ databaseUrl, dir: path.join(appRoot, "migrations") });
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(`INSERT INTO ledger_entries (tenant_id, idempotency_key, request_hash, amount_cents, currency)
      SELECT 'acme', 'k' || g, 'h', g, 'EUR' FROM generate_series(1, 500) g`);
    await client.end();
    const keys = new Redis(redis.url);
    await keys.mset("ratelimit:{acme}", "3", "cache:v1:tenant:acme", "{}");
    keys.disconnect();
    env = {
      PATH: `${findPgBin()}${path.delimiter}${process.env.PATH ?? ""}`,
      BACKUP_ROOT: path.join(dir, "backups"),
      KEEP_ALL_HOURS: "48",
      RETENTION_DAYS: "30",
      PGHOST: "127.0.0.1",
      PGPORT: String(postgres.port),
      PGUSER: "postgres",
      PGDATABASE: "reference_app",
      REDIS_HOST: "127.0.0.1",
      REDIS_PORT: String(redis.port),
    };
  });
  afterAll(async () => {
    await Promise.all([postgres?.destroy(), redis?.destroy()]);
    if (dir) removeDir(dir);
  });

  const evidence = (store: string): Record<string, unknown> => JSON.parse(readFileSync(path.join(dir, "backups", store, "latest.json"), "utf8"));

  it("dumps the ledger, and the dump restores with every row", async () => {
    const { stdout } = await run("sh", [path.join(files, "backup-postgres.sh")], { env: { ...env, STORE: "ledger-db" } });
    expect(stdout).toMatch(/backup ledger-db-\d{8}T\d{6}Z: ok/);
    const latest = evidence("ledger-db");
    expect(latest).toMatchObject({ store: "ledger-db", method: "pg_dump", status: "succeeded" });
    expect(latest.sha256).toMatch(/^[0-9a-f]{64}$/);
    const dump = path.join(dir, "backups", String(latest.location));
    const scratch = await postgres.createDatabase("scratch");
    await run(path.join(findPgBin()!, "pg_restore"), ["--no-owner", "--dbname", scratch, dump]);
    const client = new pg.Client({ connectionString: scratch });
    await client.connect();
    try {
      const { rows } = await client.query("SELECT count(*)::int AS n, sum(amount_cents)::int AS total FROM ledger_entries");
      expect(rows[0]).toEqual({ n: 500, total: 125250 });
    } finally {
      await client.end();
    }
    expect(readdirSync(path.join(dir, "backups", "ledger-db", "daily"))).toHaveLength(1);
  });

  it("copies the Redis RDB", async () => {
    const { stdout } = await run("sh", [path.join(files, "backup-redis.sh")], { env: { ...env, STORE: "ratelimit-redis" } });
    expect(stdout).toMatch(/backup ratelimit-redis-\d{8}T\d{6}Z: ok/);
    const latest = evidence("ratelimit-redis");
    expect(latest).toMatchObject({ store: "ratelimit-redis", method: "rdb-copy", status: "succeeded" });
    expect(latest.sizeBytes).toBeGreaterThan(0);
    const rdb = readFileSync(path.join(dir, "backups", String(latest.location)));
    expect(rdb.subarray(0, 5).toString()).toBe("REDIS");
  });

  it("records a failed run without touching latest.json", async () => {
    const before = evidence("ledger-db");
    await sleep(1100); // backup ids have one-second resolution
    await expect(run("sh", [path.join(files, "backup-postgres.sh")], { env: { ...env, STORE: "ledger-db", PGPORT: "1" } })).rejects.toThrow();
    expect(evidence("ledger-db")).toEqual(before);
    const records = readdirSync(path.join(dir, "backups", "ledger-db", "evidence")).map((f) =>
      JSON.parse(readFileSync(path.join(dir, "backups", "ledger-db", "evidence", f), "utf8")),
    );
    expect(records.map((r) => r.status).sort()).toEqual(["failed", "succeeded"]);
    // A failed run has no checksum to report (the backups gate's schema refuses an empty one).
    expect(records.find((r) => r.status === "failed")).not.toHaveProperty("sha256");
  });

  it("runs restore drills with the real drill command and writes proofs that verify", async () => {
    const bin = path.join(dir, "bin");
    mkdirSync(bin, { recursive: true });
    const cli = path.join(bin, "resilience-gates");
    writeFileSync(cli, `#!/bin/sh\nexec "${process.execPath}" "${path.join(repoRoot, "bin", "resilience-gates.js")}" "$@"\n`);
    chmodSync(cli, 0o755);
    await run(cli, ["drill", "keygen", "--out", path.join(dir, "keys")]);
    const drillEnv = { ...env, PATH: `${bin}${path.delimiter}${env.PATH}`, SIGNING_KEY: path.join(dir, "keys", "drill-signing-key.pem") };
    const postgresUrl = `postgres://postgres@127.0.0.1:${postgres.port}`;
    await run("sh", [path.join(files, "restore-drill.sh")], {
      env: { ...drillEnv, STORE: "ledger-db", ENGINE: "postgres", SOURCE_URL: databaseUrl, SCRATCH_URL: `${postgresUrl}/postgres` },
    });
    await run("sh", [path.join(files, "restore-drill.sh")], { env: { ...drillEnv, STORE: "ratelimit-redis", ENGINE: "redis", SOURCE_URL: redis.url } });
    const proofs = readdirSync(path.join(dir, "backups", "proofs")).sort();
    expect(proofs).toHaveLength(2);
    for (const proof of proofs) {
      const verified = await run(cli, ["drill", "verify", path.join(dir, "backups", "proofs", proof), "--public-key", path.join(dir, "keys", "drill-public-key.pem")]);
      expect(verified.stdout).toMatch(/valid|passed/i);
    }
  });
});

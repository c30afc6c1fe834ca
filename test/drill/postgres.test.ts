import { readFileSync, rmSync, statSync, truncateSync, writeFileSync, mkdirSync, mkdtempSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { drillPostgres } from "../../src/drill/postgres.js";
import { createProgress, silentProgress } from "../../src/drill/progress.js";
import { writeSignedProof } from "../../src/drill/proof.js";
import { parsePrivateKey, parsePublicKey, verifyProof, writeKeyPair } from "../../src/drill/signing.js";
import { silentLogger } from "../../src/engine/logger.js";
import { runGates } from "../../src/engine/run.js";
import { compileGateBundle } from "../backups/bundle.js";
import { repoRoot } from "../support/cli.js";
import { inCi } from "../support/ci.js";
import { postgresMissing, startPostgres, type TestPostgres, withCapturedOutput } from "./servers.js";

const missing = postgresMissing();

const SEED = `
CREATE TABLE accounts (id bigint PRIMARY KEY, owner text NOT NULL, balance numeric(12,2), opened timestamptz, ratio double precision, tags jsonb, photo bytea);
INSERT INTO accounts SELECT g, 'owner ' || g || ' ü€', g * 1.25, timestamptz '2026-01-01 00:00+00' + g * interval '1 hour', g / 7.0, jsonb_build_object('g', g, 'even', g % 2 = 0), decode(md5(g::text), 'hex') FROM generate_series(1, 2000) g;
CREATE TABLE events (payload text);
INSERT INTO events SELECT 'dup' FROM generate_series(1, 50);
INSERT INTO events VALUES ('x'), (NULL);
CREATE SCHEMA audit;
CREATE TABLE audit."Log Entries" (id serial PRIMARY KEY, at timestamp DEFAULT '2026-10-01 12:00', note text);
INSERT INTO audit."Log Entries"(note) SELECT 'n' || g FROM generate_series(1, 100) g;
CREATE TABLE measurements (city int, at date, v int) PARTITION BY RANGE (at);
CREATE TABLE measurements_2026 PARTITION OF measurements FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
INSERT INTO measurements SELECT g % 10, date '2026-01-01' + (g % 300), g FROM generate_series(1, 1000) g;
CREATE TABLE empty_table (id int);
`;

const TABLES = ['audit."Log Entries"', "public.accounts", "public.empty_table", "public.events", "public.measurements_2026"];

describe.skipIf(missing !== undefined && !inCi)("drill postgres against a real PostgreSQL", () => {
  let server: TestPostgres;
  let source: string;
  let work: string;

  beforeAll(async () => {
    if (missing) throw new Error(`CI=true and the PostgreSQL drill tests cannot run: ${missing}`);
    server = await startPostgres();
    await server.query("CREATE DATABASE ledger");
    await server.query(SEED, "ledger");
    source = server.url("ledger");
    mkdirSync(join(repoRoot, ".work"), { recursive: true });
    work = mkdtempSync(join(repoRoot, ".work", "drill-pg-"));
  });

  afterAll(async () => {
    await server?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  async function scratchDatabases(): Promise<string[]> {
    return (await server.query("SELECT datname FROM pg_database WHERE datname LIKE 'rg_drill_%'")).rows.map((row: { datname: string }) => row.datname);
  }

  it("restores into a scratch database and verifies every table against the dump's snapshot", async () => {
    const lines: string[] = [];
    const proof = await drillPostgres({
      source,
      store: "ledger-db",
      progress: createProgress((line) => lines.push(line)),
      smoke: [{ name: "balances", sql: "SELECT count(*) = 2000 FROM accounts; SELECT sum(balance) > 0 FROM accounts" }],
      hooks: {
        // Writes to the source after the snapshot are not in the dump, and must not fail the comparison.
        afterBackup: async () => {
          await server.query("INSERT INTO accounts (id, owner) VALUES (999999, 'late'); DELETE FROM events WHERE payload = 'x'", "ledger");
        },
      },
    });
    expect(proof.failures).toEqual([]);
    expect(proof.result).toBe("passed");
    expect(proof.integrity.passed).toBe(true);
    expect(proof.integrity.checks.map((check) => check.name).sort()).toEqual(TABLES);
    const accounts = proof.integrity.checks.find((check) => check.name === "public.accounts");
    expect(accounts?.source?.rows).toBe(2000);
    expect(accounts?.restored).toEqual(accounts?.source);
    expect(proof.integrity.checks.find((check) => check.name === "public.events")?.source?.rows).toBe(52);
    expect(proof.smoke).toMatchObject([{ name: "balances", passed: true }]);
    expect(proof.measured.rtoSeconds).toBeGreaterThan(0);
    expect(proof.measured.rpoSeconds).toBeGreaterThanOrEqual(0);
    expect(proof.measured.rpoSeconds).toBeLessThan(60);
    expect(Date.parse(proof.drill.verifiedAt ?? "")).toBeGreaterThanOrEqual(Date.parse(proof.drill.restoreStartedAt));
    expect(proof.backup.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(proof.tools.pg_dump).toMatch(/pg_dump \(PostgreSQL\) \d+/);
    expect(lines.some((line) => /verify: 5\/5 tables verified/.test(line))).toBe(true);
    expect(lines.some((line) => /^\[\s*\d+\.\d+s\] restore: /.test(line))).toBe(true);
    expect(await scratchDatabases()).toEqual([]);
    await server.query("DELETE FROM accounts WHERE id = 999999; INSERT INTO events VALUES ('x')", "ledger");

    // The signed proof passes the restore-proofs gate.
    const keys = writeKeyPair(join(work, "keys"));
    const file = join(work, "proofs", "ledger-db.json");
    writeSignedProof(proof, parsePrivateKey(readFileSync(keys.privateKey, "utf8"), "key"), file);
    writeFileSync(join(work, "catalog.yaml"), "services:\n  - name: payments\n    owner: team-payments\n    tier: 1\n    stores:\n      - name: ledger-db\n        engine: postgres\n");
    const bundle = await compileGateBundle(["restore-proofs"]);
    const report = await runGates(
      {
        config: { workspace: { root: repoRoot, base: repoRoot }, gates: {}, policies: [], rules: {} },
        gates: [["restore-proofs", { catalog: join(work, "catalog.yaml"), proofs: [join(work, "proofs")], publicKey: keys.publicKey }]],
        now: new Date(),
        logger: silentLogger,
      },
      bundle,
    );
    expect(report.gates[0]?.findings).toEqual([]);
    expect(report.verdict).toBe("pass");
  });

  it("fails the drill when the dump is corrupted", async () => {
    const proof = await drillPostgres({
      source,
      progress: silentProgress,
      hooks: { afterBackup: (file) => truncateSync(file, Math.floor(statSync(file).size * 0.6)) },
    });
    expect(proof.result).toBe("failed");
    expect(proof.failures.join("\n")).toMatch(/pg_restore failed/);
    expect(proof.measured.rtoSeconds).toBeNull();
    expect(proof.drill.verifiedAt).toBeNull();
    expect(await scratchDatabases()).toEqual([]);
  });

  it("fails the drill when rows change in the scratch copy", async () => {
    const proof = await drillPostgres({
      source,
      progress: silentProgress,
      hooks: {
        afterRestore: async (url) => {
          const client = new pg.Client({ connectionString: url });
          await client.connect();
          await client.query("UPDATE accounts SET balance = balance + 0.01 WHERE id = 1234");
          await client.query("DELETE FROM events WHERE payload IS NULL");
          await client.end();
        },
      },
    });
    expect(proof.result).toBe("failed");
    const failed = Object.fromEntries(proof.integrity.checks.filter((check) => !check.passed).map((check) => [check.name, check.detail]));
    expect(failed).toEqual({ "public.accounts": "same row count, different content", "public.events": "51 rows restored, 52 in the source" });
    expect(proof.integrity.checks.filter((check) => check.passed)).toHaveLength(3);
    expect(proof.failures[0]).toMatch(/2 of 5 tables differ from the source: public.accounts, public.events/);
  });

  it("fails the drill when a smoke check fails", async () => {
    const proof = await drillPostgres({
      source,
      progress: silentProgress,
      smoke: [
        { name: "no-accounts", sql: "SELECT count(*) = 0 FROM accounts" },
        { name: "missing-table", sql: "SELECT 1 FROM ledger_balances" },
      ],
    });
    expect(proof.result).toBe("failed");
    expect(proof.integrity.passed).toBe(true);
    expect(proof.smoke.map((check) => [check.name, check.passed])).toEqual([
      ["no-accounts", false],
      ["missing-table", false],
    ]);
    expect(proof.smoke[1]?.detail).toMatch(/ledger_balances/);
  });

  it("runs end to end from the command line: keygen, drill, verify, tampered proof rejected", async () => {
    await withCapturedOutput(async (stdout) => {
      const keys = join(work, "cli-keys");
      expect(await main(["drill", "keygen", "--out", keys])).toBe(0);
      expect((statSync(join(keys, "drill-signing-key.pem")).mode & 0o777).toString(8)).toBe("600");
      expect(await main(["drill", "keygen", "--out", keys])).toBe(2);
      const proofFile = join(work, "cli-proof.json");
      const key = join(keys, "drill-signing-key.pem");
      const pub = join(keys, "drill-public-key.pem");
      expect(await main(["drill", "postgres", "--source", source, "--store", "ledger-db", "--key", key, "--out", proofFile, "--quiet", "--smoke-sql", "SELECT true"])).toBe(0);
      expect(stdout()).toMatch(/PASSED restore drill of ledger-db \(postgres\): RTO .*5\/5 integrity checks passed, 1\/1 smoke checks passed/);
      expect(await main(["drill", "verify", proofFile, "--public-key", pub])).toBe(0);
      expect(stdout()).toMatch(/VALID .*cli-proof.json/);

      const proof = JSON.parse(readFileSync(proofFile, "utf8")) as { measured: { rtoSeconds: number } };
      expect(verifyProof(proof, [parsePublicKey(readFileSync(pub, "utf8"), "pub")]).status).toBe("valid");
      proof.measured.rtoSeconds = 0.001;
      writeFileSync(proofFile, JSON.stringify(proof, null, 2));
      expect(await main(["drill", "verify", proofFile, "--public-key", pub])).toBe(1);
      expect(stdout()).toMatch(/TAMPERED .*changed after it was signed/);
      writeFileSync(proofFile, readFileSync(proofFile, "utf8").slice(0, 200));
      expect(await main(["drill", "verify", proofFile, "--public-key", pub])).toBe(1);
      expect(stdout()).toMatch(/INVALID .*cli-proof.json:\d+:\d+: invalid JSON/);

      // A failed drill still writes a signed proof, and exits 1.
      const failedFile = join(work, "cli-failed.json");
      expect(await main(["drill", "postgres", "--source", source, "--key", key, "--out", failedFile, "--quiet", "--smoke-sql", "SELECT false"])).toBe(1);
      expect(await main(["drill", "verify", failedFile, "--public-key", pub])).toBe(1);
      expect(stdout()).toMatch(/FAILED .*cli-failed.json/);

      // No source server: an error, not a proof.
      expect(await main(["drill", "postgres", "--source", "postgres://postgres@127.0.0.1:1/none", "--key", key, "--out", join(work, "none.json"), "--quiet"])).toBe(2);
      expect(await main(["drill", "postgres", "--source", source, "--quiet"], )).toBe(2);
    });
  });
});

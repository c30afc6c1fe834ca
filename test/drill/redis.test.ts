import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { createProgress, silentProgress } from "../../src/drill/progress.js";
import { drillRedis } from "../../src/drill/redis.js";
import { repoRoot } from "../support/cli.js";
import { inCi } from "../support/ci.js";
import { redisMissing, startRedis, type TestRedis, withCapturedOutput } from "./servers.js";

const missing = redisMissing();

describe.skipIf(missing !== undefined && !inCi)("drill redis against a real redis-server", () => {
  let server: TestRedis;
  let work: string;

  beforeAll(async () => {
    if (missing) throw new Error(`CI=true and the Redis drill tests cannot run: ${missing}`);
    server = await startRedis();
    const db0 = server.client(0);
    const pipe = db0.pipeline();
    for (let i = 0; i < 300; i++) pipe.set(`user:${i}`, JSON.stringify({ id: i, name: `user ${i} ü` }));
    pipe.set(Buffer.from([0xff, 0x00, 0xfe]), Buffer.from([0x00, 0x01, 0x02, 0xff]));
    pipe.hset("profile:1", { name: "Ada", email: "ada@example.com", visits: "12" });
    pipe.rpush("queue", "a", "b", "c", "a");
    pipe.sadd("tags", "x", "y", "z");
    pipe.zadd("leaderboard", 10, "ada", 20, "bob", 10, "cyd");
    pipe.xadd("stream", "1-1", "k", "v");
    pipe.xadd("stream", "2-1", "k", "w");
    for (let i = 0; i < 20; i++) pipe.set(`session:${i}`, `token-${i}`, "EX", 3600);
    await pipe.exec();
    const db3 = server.client(3);
    const pipe3 = db3.pipeline();
    for (let i = 0; i < 50; i++) pipe3.set(`cache:${i}`, String(i));
    await pipe3.exec();
    mkdirSync(join(repoRoot, ".work"), { recursive: true });
    work = mkdtempSync(join(repoRoot, ".work", "drill-redis-"));
  });

  afterAll(async () => {
    await server?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("BGSAVEs, loads the RDB into a scratch redis-server and compares counts and sampled keys", async () => {
    const lines: string[] = [];
    const writer = server.client(0);
    const proof = await drillRedis({
      source: server.url(0),
      store: "sessions",
      progress: createProgress((line) => lines.push(line)),
      // Writes after the snapshot are not in the RDB and must not fail the comparison.
      hooks: { afterBackup: async () => void (await writer.set("late:key", "1")) },
    });
    expect(proof.failures).toEqual([]);
    expect(proof.result).toBe("passed");
    const databases = proof.integrity.checks.filter((check) => check.kind === "database");
    expect(databases.map((check) => [check.name, check.source?.keys, check.restored?.keys, check.passed])).toEqual([
      ["db0", 326, 326, true],
      ["db3", 50, 50, true],
    ]);
    expect(databases[0]?.source?.volatileKeys).toBe(20);
    const keys = proof.integrity.checks.filter((check) => check.kind === "key");
    expect(keys).toHaveLength(376);
    expect(keys.every((check) => check.passed && check.source?.digest === check.restored?.digest)).toBe(true);
    expect(new Set(keys.map((check) => check.source?.type))).toEqual(new Set(["string", "hash", "list", "set", "zset", "stream"]));
    expect(keys.some((check) => check.name.startsWith("db0:hex:ff00fe"))).toBe(true);
    expect(proof.measured.rtoSeconds).toBeGreaterThan(0);
    expect(proof.measured.rpoSeconds).toBeLessThan(60);
    expect(proof.backup.method).toBe("redis BGSAVE (RDB)");
    expect(lines.some((line) => /restore: redis-server on port \d+/.test(line))).toBe(true);
    expect(lines.some((line) => /verify: 376 keys compared/.test(line))).toBe(true);
    await writer.del("late:key");
  });

  it("fails the drill when the RDB is corrupted", async () => {
    const proof = await drillRedis({
      source: server.url(0),
      progress: silentProgress,
      timeoutMs: 20_000,
      hooks: {
        afterBackup: (file) => {
          const bytes = readFileSync(file);
          const at = Math.floor(bytes.length / 2);
          bytes[at] = (bytes[at] ?? 0) ^ 0xff;
          writeFileSync(file, bytes);
        },
      },
    });
    expect(proof.result).toBe("failed");
    expect(proof.failures.join("\n")).toMatch(/redis-server could not load the RDB/);
    expect(proof.measured.rtoSeconds).toBeNull();
  });

  it("fails the drill when keys change in the scratch copy", async () => {
    const proof = await drillRedis({
      source: server.url(0),
      progress: silentProgress,
      hooks: {
        afterRestore: async (url) => {
          const scratch = new Redis(url);
          await scratch.set("user:7", "tampered");
          await scratch.del("profile:1");
          scratch.disconnect();
        },
      },
    });
    expect(proof.result).toBe("failed");
    const failed = proof.integrity.checks.filter((check) => !check.passed).map((check) => `${check.name}: ${check.detail}`);
    expect(failed.sort()).toEqual([
      "db0: 305 keys without TTL restored, 306 in the source; 20 keys with TTL restored, 20 in the source",
      "db0:profile:1: missing from the restored copy",
      "db0:user:7: content differs from the source",
    ]);
  });

  it("runs from the command line and writes a signed proof", async () => {
    await withCapturedOutput(async (stdout) => {
      const keys = join(work, "keys");
      expect(await main(["drill", "keygen", "--out", keys])).toBe(0);
      const proofFile = join(work, "proof.json");
      expect(await main(["drill", "redis", "--source", server.url(3), "--store", "cache", "--sample-keys", "10", "--key", join(keys, "drill-signing-key.pem"), "--out", proofFile])).toBe(0);
      expect(stdout()).toMatch(/PASSED restore drill of cache \(redis\)/);
      expect(await main(["drill", "verify", proofFile, "--public-key", join(keys, "drill-public-key.pem")])).toBe(0);
      const proof = JSON.parse(readFileSync(proofFile, "utf8")) as { integrity: { checks: { kind: string }[] } };
      expect(proof.integrity.checks.filter((check) => check.kind === "key").length).toBeGreaterThanOrEqual(10);
    });
  });
});

// The images scripts/images.sh builds, unpacked and run for real with runc (no containerd): read-only root
// filesystem, the image's numeric non-root user, no capabilities, no_new_privs, a network namespace of
// its own (loopback only). Under CI a missing runc fails the test.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chownSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inCi } from "../support/ci.js";

const root = join(import.meta.dirname, "..", "..");
const script = join(root, "scripts", "images.sh");
const hasRunc = spawnSync("runc", ["--version"]).status === 0;
const corednsBin = process.env.COREDNS_BIN ?? join(root, ".tools", "bin", "coredns");
const names = ["pause", "postgres", "redis", "reference-api", "reference-payments", "resilience-gates", ...(existsSync(corednsBin) || inCi ? ["coredns"] : [])];

interface Unpacked { rootfs: string; user: [number, number]; env: string[]; cwd: string; entry: string[]; refs: string[] }

function unpack(archive: string, dir: string): Unpacked {
  mkdirSync(join(dir, "layout"), { recursive: true });
  execFileSync("tar", ["-xf", archive, "-C", join(dir, "layout")]);
  const blob = (digest: string) => {
    const data = readFileSync(join(dir, "layout", "blobs", "sha256", digest.replace("sha256:", "")));
    expect(`sha256:${createHash("sha256").update(data).digest("hex")}`).toBe(digest);
    return data;
  };
  const index = JSON.parse(readFileSync(join(dir, "layout", "index.json"), "utf8"));
  const manifest = JSON.parse(blob(index.manifests[0].digest).toString());
  const config = JSON.parse(blob(manifest.config.digest).toString());
  const layer = manifest.layers[0].digest as string;
  blob(layer);
  mkdirSync(join(dir, "rootfs"));
  execFileSync("tar", ["-xzf", join(dir, "layout", "blobs", "sha256", layer.replace("sha256:", "")), "-C", join(dir, "rootfs")]);
  const [uid, gid] = String(config.config.User ?? "").split(":").map(Number);
  return {
    rootfs: join(dir, "rootfs"),
    user: [uid ?? NaN, gid ?? NaN],
    env: config.config.Env ?? [],
    cwd: config.config.WorkingDir || "/",
    entry: [...(config.config.Entrypoint ?? []), ...(config.config.Cmd ?? [])],
    refs: index.manifests.map((m: { annotations: Record<string, string> }) => m.annotations["io.containerd.image.name"]),
  };
}

describe.skipIf(!hasRunc && !inCi)("images built by scripts/images.sh, run with runc", () => {
  const work = mkdtempSync(join(tmpdir(), "rg-images-"));
  const state = join(work, "runc");
  const images = new Map<string, Unpacked>();
  const started: string[] = [];
  let archives: Record<string, string> = {};

  const runc = (args: string[], options: { timeout?: number; stdio?: "pipe" | ["ignore", number, number] } = {}) =>
    spawnSync("runc", ["--root", state, ...args], { encoding: "utf8", timeout: options.timeout ?? 60_000, stdio: options.stdio ?? "pipe" });

  function bundle(id: string, image: Unpacked, args: string[], mounts: { destination: string; source?: string }[] = [], env: string[] = []) {
    const dir = join(work, "bundles", id);
    mkdirSync(dir, { recursive: true });
    const none: string[] = [];
    const spec = {
      ociVersion: "1.0.2",
      process: {
        terminal: false, user: { uid: image.user[0], gid: image.user[1], additionalGids: [image.user[1]] }, args, env: [...image.env, ...env], cwd: image.cwd,
        capabilities: { bounding: none, effective: none, permitted: none, inheritable: none, ambient: none }, noNewPrivileges: true,
        rlimits: [{ type: "RLIMIT_NOFILE", hard: 1024, soft: 1024 }],
      },
      root: { path: image.rootfs, readonly: true },
      hostname: id,
      mounts: [
        { destination: "/proc", type: "proc", source: "proc" },
        { destination: "/dev", type: "tmpfs", source: "tmpfs", options: ["nosuid", "strictatime", "mode=755", "size=65536k"] },
        { destination: "/dev/pts", type: "devpts", source: "devpts", options: ["nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620"] },
        { destination: "/dev/shm", type: "tmpfs", source: "shm", options: ["nosuid", "noexec", "nodev", "mode=1777", "size=65536k"] },
        { destination: "/sys", type: "sysfs", source: "sysfs", options: ["nosuid", "noexec", "nodev", "ro"] },
        { destination: "/tmp", type: "tmpfs", source: "tmpfs", options: ["nosuid", "nodev", "mode=1777", "size=65536k"] },
        ...mounts.map((m) => (m.source ? { destination: m.destination, type: "bind", source: m.source, options: ["rbind", "rw"] } : { destination: m.destination, type: "tmpfs", source: "tmpfs", options: ["nosuid", "nodev", "mode=1777", "size=65536k"] })),
      ],
      linux: {
        cgroupsPath: `/resilience-gates-images-test/${id}`,
        namespaces: [{ type: "pid" }, { type: "network" }, { type: "ipc" }, { type: "uts" }, { type: "mount" }],
        maskedPaths: ["/proc/kcore", "/proc/keys", "/sys/firmware"],
        readonlyPaths: ["/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"],
      },
    };
    writeFileSync(join(dir, "config.json"), JSON.stringify(spec));
    return dir;
  }

  /** Runs a container in the background (its output to a log file); returns the log's path. */
  function start(id: string, image: Unpacked, args: string[], mounts: { destination: string; source?: string }[] = [], env: string[] = []) {
    const log = join(work, `${id}.log`);
    writeFileSync(log, "");
    const fd = openSync(log, "a");
    const result = runc(["run", "-d", "--bundle", bundle(id, image, args, mounts, env), id], { stdio: ["ignore", fd, fd] });
    expect(result.status, readFileSync(log, "utf8")).toBe(0);
    started.push(id);
    return log;
  }
  function exec(id: string, image: Unpacked, args: string[], env: string[] = []) {
    const file = join(work, `${id}-exec.json`);
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(join(work, "bundles", id, "config.json"), "utf8")).process, args, env: [...image.env, ...env] }));
    return runc(["exec", "--process", file, id]);
  }
  async function until(what: string, check: () => boolean, ms = 30_000) {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      if (check()) return;
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  beforeAll(() => {
    if (!hasRunc) throw new Error("runc is not installed (apt-get install runc): the image tests need it");
    const build = spawnSync("bash", [script, "build", ...names], { encoding: "utf8", timeout: 1_500_000, env: { ...process.env, COREDNS_BIN: corednsBin } });
    expect(build.status, build.stderr).toBe(0);
    archives = Object.fromEntries(execFileSync("bash", [script, "list"], { encoding: "utf8" }).trim().split("\n").map((line) => line.split("\t")).map(([name, , archive]) => [name, archive]));
    for (const name of names) images.set(name, unpack(archives[name]!, join(work, "images", name)));
  }, 1_600_000);

  afterAll(() => {
    for (const id of started) {
      runc(["kill", id, "KILL"]);
      runc(["delete", "--force", id]);
    }
    rmSync(work, { recursive: true, force: true });
  });

  it("a second build with unchanged inputs builds nothing", () => {
    const before = names.map((name) => statSync(archives[name]!).mtimeMs);
    const again = spawnSync("bash", [script, "build", ...names], { encoding: "utf8", timeout: 300_000, env: { ...process.env, COREDNS_BIN: corednsBin } });
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/nothing to build: \d+ image\(s\) cached/);
    expect(names.map((name) => statSync(archives[name]!).mtimeMs)).toEqual(before);
  }, 300_000);

  it("names every image twice (exact tag and :local) and runs it as a numeric non-root user", () => {
    for (const [name, image] of images) {
      expect(image.refs).toEqual([expect.stringMatching(new RegExp(`^resilience-gates\\.local/${name}:[0-9.]+-[0-9a-f]{16}$`)), `resilience-gates.local/${name}:local`]);
      expect(image.user[0], name).toBeGreaterThan(0);
      expect(Number.isInteger(image.user[1]), name).toBe(true);
    }
  });


  it("postgres: the entrypoint initialises the chart's PGDATA as uid 999, and SELECT 1 over TCP with the password works", async () => {
    const image = images.get("postgres")!;
    const data = join(work, "pgdata");
    mkdirSync(data);
    chownSync(data, 999, 999);
    const env = ["POSTGRES_USER=app", "POSTGRES_DB=reference_app", "POSTGRES_PASSWORD=s3cret-test", "PGDATA=/var/lib/postgresql/data/pgdata"];
    const log = start("pg", image, image.entry, [{ destination: "/var/lib/postgresql/data", source: data }, { destination: "/var/run/postgresql" }], env);
    await until("pg_isready", () => exec("pg", image, ["pg_isready", "-h", "127.0.0.1", "-U", "app", "-d", "reference_app"]).status === 0, 90_000).catch((error) => {
      throw new Error(`${error}\n${readFileSync(log, "utf8")}`);
    });
    const select = exec("pg", image, ["psql", "-h", "127.0.0.1", "-U", "app", "-d", "reference_app", "-tAc", "SELECT 1"], ["PGPASSWORD=s3cret-test"]);
    expect(select.stdout.trim(), select.stderr).toBe("1");
    const wrong = exec("pg", image, ["psql", "-h", "127.0.0.1", "-U", "app", "-d", "reference_app", "-tAc", "SELECT 1"], ["PGPASSWORD=wrong"]);
    expect(wrong.status).not.toBe(0);
    const dump = exec("pg", image, ["sh", "-c", "pg_dump -h 127.0.0.1 -U app -Fc -f /tmp/d.dump reference_app && pg_restore --list /tmp/d.dump >/dev/null && sha256sum /tmp/d.dump"], ["PGPASSWORD=s3cret-test"]);
    expect(dump.status, dump.stderr).toBe(0);
  }, 180_000);

  it("redis: the chart's command starts redis-server as uid 999, redis-cli ping answers PONG", async () => {
    const image = images.get("redis")!;
    const data = join(work, "redisdata");
    mkdirSync(data);
    chownSync(data, 999, 999);
    const command = `set -eu; umask 077; printf 'requirepass %s\\n' "$REDIS_PASSWORD" > /tmp/redis.conf; exec redis-server /tmp/redis.conf --port 6379 --dir /data --dbfilename dump.rdb --appendonly no`;
    start("redis", image, ["sh", "-c", command], [{ destination: "/data", source: data }], ["REDIS_PASSWORD=pw"]);
    await until("redis ping", () => exec("redis", image, ["redis-cli", "-h", "127.0.0.1", "ping"], ["REDISCLI_AUTH=pw"]).stdout.trim() === "PONG");
    const rdb = exec("redis", image, ["sh", "-c", "redis-cli -h 127.0.0.1 --rdb /tmp/x.rdb && redis-check-rdb /tmp/x.rdb"], ["REDISCLI_AUTH=pw"]);
    expect(rdb.status, rdb.stderr + rdb.stdout).toBe(0);
  }, 120_000);

  it("api, payments and resilience-gates: node v20.20.0 loads the app bundles and the CLI", () => {
    for (const name of ["reference-api", "reference-payments"]) {
      const image = images.get(name)!;
      const run = runc(["run", "--bundle", bundle(`${name}-node`, image, ["node", "-e", "import('fastify').then(() => import('pg')).then(() => console.log(process.version))"]), `${name}-node`]);
      expect(run.stdout.trim(), run.stderr).toBe("v20.20.0");
    }
    const gates = images.get("resilience-gates")!;
    const rules = runc(["run", "--bundle", bundle("gates-rules", gates, ["resilience-gates", "rules"]), "gates-rules"]);
    expect(rules.status, rules.stderr).toBe(0);
    expect(rules.stdout).toMatch(/SC-0\d\d/);
    const tools = runc(["run", "--bundle", bundle("gates-tools", gates, ["sh", "-c", "pg_dump --version && pg_restore --version && redis-server --version && redis-cli --version"]), "gates-tools"]);
    expect(tools.status, tools.stderr).toBe(0);
    expect(tools.stdout).toMatch(/pg_dump \(PostgreSQL\) 15/);
  }, 120_000);

  it("pause stays up until SIGTERM, then exits", async () => {
    const image = images.get("pause")!;
    start("pause", image, image.entry);
    await new Promise((r) => setTimeout(r, 1000));
    expect(JSON.parse(runc(["state", "pause"]).stdout).status).toBe("running");
    runc(["kill", "pause", "TERM"]);
    await until("pause to stop", () => JSON.parse(runc(["state", "pause"]).stdout).status === "stopped", 10_000);
  }, 60_000);

  it.skipIf(!names.includes("coredns"))("coredns prints its version", () => {
    const image = images.get("coredns")!;
    const run = runc(["run", "--bundle", bundle("coredns", image, ["/coredns", "-version"]), "coredns"]);
    expect(run.stdout, run.stderr).toMatch(/CoreDNS-\d+\.\d+\.\d+/);
  });
});


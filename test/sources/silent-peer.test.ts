// A peer that accepts TCP and never answers (a wrong port, a half-open balancer): every command that
// contacts one ends within the connect timeout, with exit 2 and a message naming the peer and the limit,
// and without the password of the URL it was given.
import { createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { passwordForEnvironment, redactSecrets, redactUrl, basicAuthRequest } from "../../src/sources/credentials.js";
import { PrometheusClient, scrape } from "../../src/gates/slo/prometheus.js";
import { runCliAsync } from "../support/cli.js";

const SECRET = "s3cret-Pa55";
let server: Server;
let port: number;
const sockets = new Set<Socket>();

beforeAll(async () => {
  server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as { port: number }).port;
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => server.close(resolve));
});

const env = { RESILIENCE_GATES_CONNECT_TIMEOUT: "1s" };

async function timed(args: string[]) {
  const started = Date.now();
  const run = await runCliAsync(args, { env });
  return { ...run, seconds: (Date.now() - started) / 1000 };
}

describe("a peer that accepts and never answers", () => {
  it("drill postgres: exit 2 within the limit, naming the server and the limit, password masked", async () => {
    const run = await timed(["drill", "postgres", "--source", `postgres://drill:${SECRET}@127.0.0.1:${port}/ledger`, "--key", "fixtures/restore-proofs/data/keys/drill-signing-key.pem", "--quiet"]);
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toContain(`127.0.0.1:${port}`);
    expect(run.stderr).toContain("no answer within 1s (the connect timeout, $RESILIENCE_GATES_CONNECT_TIMEOUT)");
    expect(run.stderr + run.stdout).not.toContain(SECRET);
    expect(run.seconds).toBeLessThan(15);
  }, 30_000);

  it("drill redis: the same after TCP connects and the ready check gets no reply", async () => {
    const run = await timed(["drill", "redis", "--source", `redis://:${SECRET}@127.0.0.1:${port}/0`, "--key", "fixtures/restore-proofs/data/keys/drill-signing-key.pem", "--quiet"]);
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toContain(`127.0.0.1:${port}`);
    expect(run.stderr).toContain("within 1s (the connect timeout");
    expect(run.stderr + run.stdout).not.toContain(SECRET);
    expect(run.seconds).toBeLessThan(15);
  }, 30_000);

  it("check migrations --trace-url: an error naming the --trace-url server, password masked", async () => {
    const run = await timed(["check", "migrations", "--files", "fixtures/migrations/add_column_defaults.sql", "--trace-url", `postgres://app:${SECRET}@127.0.0.1:${port}/app`]);
    expect(run.status, run.stderr).toBe(2);
    expect(run.stdout + run.stderr).toContain(`the --trace-url server (postgres://app:***@127.0.0.1:${port}/app)`);
    expect(run.stdout + run.stderr).toContain("no answer within 1s");
    // The static findings of the file still stand beside the error.
    expect(run.stdout).toMatch(/block MIG-0\d\d/);
    expect(run.stderr + run.stdout).not.toContain(SECRET);
    expect(run.seconds).toBeLessThan(20);
  }, 40_000);

  it("slo: a /metrics scrape and a Prometheus query end within their limits, naming the URL without its password", async () => {
    const started = Date.now();
    await expect(scrape(`http://u:${SECRET}@127.0.0.1:${port}/metrics`, 1)).rejects.toThrow(`cannot scrape http://u:***@127.0.0.1:${port}/metrics: no answer within 1s`);
    const prometheus = new PrometheusClient(`http://u:${SECRET}@127.0.0.1:${port}/prom`, 1);
    await expect(prometheus.scalar("up")).rejects.toThrow(`cannot reach Prometheus at http://u:***@127.0.0.1:${port}/prom: no answer within 1s`);
    expect((Date.now() - started) / 1000).toBeLessThan(10);
  }, 20_000);
});

describe("credentials in URLs", () => {
  it("masks userinfo passwords and secret parameters, in URLs and in free text", () => {
    expect(redactUrl(`postgres://app:${SECRET}@db:5432/app?sslmode=require&password=${SECRET}`)).toBe("postgres://app:***@db:5432/app?sslmode=require&password=***");
    const text = `connection to postgres://app:${SECRET}@db/app failed; retried with host=db password=${SECRET} and redis://:${SECRET}@cache:6379`;
    expect(redactSecrets(text)).toBe("connection to postgres://app:***@db/app failed; retried with host=db password=*** and redis://:***@cache:6379");
  });

  it("takes the password out of a libpq URL for PGPASSWORD, userinfo or ?password= (which wins, as in libpq)", () => {
    expect(passwordForEnvironment(`postgres://app:${SECRET}@db/app`)).toEqual({ url: "postgres://app@db/app", password: SECRET });
    expect(passwordForEnvironment(`postgres://app@db/app?password=${SECRET}&sslmode=disable`)).toEqual({ url: "postgres://app@db/app?sslmode=disable", password: SECRET });
    expect(passwordForEnvironment(`postgres://app:old@db/app?password=${SECRET}`).password).toBe(SECRET);
    expect(passwordForEnvironment("postgres://app@db/app")).toEqual({ url: "postgres://app@db/app", password: undefined });
  });

  it("turns userinfo into a Basic authorization header, which fetch needs", () => {
    const request = basicAuthRequest(`http://reader:${SECRET}@prom:9090/`);
    expect(request.url.toString()).toBe("http://prom:9090/");
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from(`reader:${SECRET}`).toString("base64")}`);
  });
});

import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePorts } from "../../src/sources/ports.js";
import { executable } from "../drill/servers.js";
import { inCi } from "./ci.js";
import { repoRoot } from "./cli.js";

/**
 * A real kube-apiserver on a real etcd, both built by scripts/bootstrap.sh into .tools/bin (envtest
 * style: no kubelet, no controllers). Self-signed certificates from openssl, a static token file with an
 * admin (system:masters), a restricted user and nothing else, RBAC authorization, free ports, and every
 * file in a temporary directory. Under CI=true a missing binary fails the tests; elsewhere they skip.
 */

export const TOKENS = { admin: "admin-token-0123456789", restricted: "restricted-token-0123456789", revoked: "revoked-token-0123456789" } as const;
export type TestUser = keyof typeof TOKENS;

const BIN = join(repoRoot, ".tools", "bin");

/** What keeps the API server tests from running, or undefined when they can. */
export function apiServerMissing(): string | undefined {
  for (const name of ["kube-apiserver", "etcd"]) {
    if (!executable(join(BIN, name))) return `.tools/bin/${name} not found: run bash scripts/bootstrap.sh kube-apiserver etcd`;
  }
  if (spawnSync("openssl", ["version"]).status !== 0) return "openssl not on PATH: apt-get install openssl";
  return undefined;
}

/** Skip the suite only where a missing server is allowed (never under CI=true). */
export const skipApiServer = apiServerMissing() !== undefined && !inCi;

export interface TestApiServer {
  url: string;
  directory: string;
  /** A kubeconfig with one context per user (admin, restricted, revoked); admin is current. */
  kubeconfig: string;
  /** The test CA, and a certificate it signed for 127.0.0.1: for servers the API server calls (webhooks). */
  tls: { ca: Buffer; cert: Buffer; key: Buffer };
  /** A JSON request as the admin user; returns status and parsed body. */
  call(method: string, path: string, body?: unknown, contentType?: string): Promise<{ status: number; body: Record<string, unknown> }>;
  /** Like `call`, but fails unless the status is 2xx. */
  must(method: string, path: string, body?: unknown, contentType?: string): Promise<Record<string, unknown>>;
  stop(): Promise<void>;
}

function openssl(directory: string, args: string[]): void {
  const run = spawnSync("openssl", args, { cwd: directory, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`openssl ${args.join(" ")} failed: ${run.stderr}`);
}

function certificates(directory: string): void {
  const ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
  openssl(directory, ["req", "-x509", ...ec, "-keyout", "ca.key", "-out", "ca.crt", "-days", "2", "-subj", "/CN=resilience-gates-test-ca"]);
  openssl(directory, ["req", ...ec, "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=kube-apiserver"]);
  writeFileSync(join(directory, "san.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
  openssl(directory, ["x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-out", "server.crt", "-days", "2", "-extfile", "san.ext"]);
  openssl(directory, ["ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "sa.key"]);
}

function kubeconfig(url: string, ca: string): string {
  const users = (Object.keys(TOKENS) as TestUser[]).map((user) => `  - name: ${user}\n    user:\n      token: ${TOKENS[user]}`).join("\n");
  const contexts = (Object.keys(TOKENS) as TestUser[])
    .map((user) => `  - name: ${user}\n    context:\n      cluster: test\n      user: ${user}\n      namespace: default`)
    .join("\n");
  return `apiVersion: v1
kind: Config
clusters:
  - name: test
    cluster:
      server: ${url}
      certificate-authority: ${ca}
users:
${users}
contexts:
${contexts}
current-context: admin
`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

function started(child: ChildProcess, name: string, log: string[]): void {
  child.stdout?.on("data", (chunk: Buffer) => log.push(chunk.toString("utf8")));
  child.stderr?.on("data", (chunk: Buffer) => {
    log.push(chunk.toString("utf8"));
    if (log.length > 400) log.splice(0, log.length - 400);
  });
  child.once("exit", (code, signal) => log.push(`${name} exited with ${code ?? signal}`));
}

/** Starts etcd and kube-apiserver and waits until /readyz answers ok (RBAC bootstrap roles included). */
export async function startApiServer(): Promise<TestApiServer> {
  const missing = apiServerMissing();
  if (missing) throw new Error(missing);
  const directory = mkdtempSync(join(tmpdir(), "rg-apiserver-"));
  certificates(directory);
  writeFileSync(
    join(directory, "tokens.csv"),
    `${TOKENS.admin},admin,uid-admin,"system:masters"\n${TOKENS.restricted},restricted,uid-restricted\n`,
  );
  const [etcdClient, etcdPeer, securePort] = (await freePorts(3)) as [number, number, number];
  const etcdLog: string[] = [];
  const etcd = spawn(
    join(BIN, "etcd"),
    [
      "--name=test",
      `--data-dir=${join(directory, "etcd")}`,
      `--listen-client-urls=http://127.0.0.1:${etcdClient}`,
      `--advertise-client-urls=http://127.0.0.1:${etcdClient}`,
      `--listen-peer-urls=http://127.0.0.1:${etcdPeer}`,
      `--initial-advertise-peer-urls=http://127.0.0.1:${etcdPeer}`,
      `--initial-cluster=test=http://127.0.0.1:${etcdPeer}`,
      "--unsafe-no-fsync",
      "--log-level=error",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  started(etcd, "etcd", etcdLog);
  const apiLog: string[] = [];
  const apiserver = spawn(
    join(BIN, "kube-apiserver"),
    [
      `--etcd-servers=http://127.0.0.1:${etcdClient}`,
      `--secure-port=${securePort}`,
      "--bind-address=127.0.0.1",
      "--advertise-address=127.0.0.1",
      // The kubernetes Service's endpoints may not be a loopback address; nothing here needs them.
      "--endpoint-reconciler-type=none",
      `--cert-dir=${join(directory, "certs")}`,
      `--tls-cert-file=${join(directory, "server.crt")}`,
      `--tls-private-key-file=${join(directory, "server.key")}`,
      `--client-ca-file=${join(directory, "ca.crt")}`,
      `--token-auth-file=${join(directory, "tokens.csv")}`,
      "--authorization-mode=RBAC",
      `--service-account-key-file=${join(directory, "sa.key")}`,
      `--service-account-signing-key-file=${join(directory, "sa.key")}`,
      "--service-account-issuer=https://kubernetes.default.svc",
      "--service-cluster-ip-range=10.0.0.0/24",
      // No controllers run, so nothing would create the namespaces' default service accounts.
      "--disable-admission-plugins=ServiceAccount",
      "--allow-privileged=true",
      "--profiling=false",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  started(apiserver, "kube-apiserver", apiLog);
  const url = `https://127.0.0.1:${securePort}`;
  const ca = readFileSync(join(directory, "ca.crt"));
  const call = (method: string, path: string, body?: unknown, contentType = "application/json") =>
    new Promise<{ status: number; body: Record<string, unknown> }>((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = request(
        `${url}${path}`,
        {
          method,
          ca,
          headers: { Authorization: `Bearer ${TOKENS.admin}`, Accept: "application/json", ...(payload ? { "Content-Type": contentType } : {}) },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            let parsed: Record<string, unknown>;
            try {
              parsed = JSON.parse(text) as Record<string, unknown>;
            } catch {
              parsed = { text };
            }
            resolve({ status: response.statusCode ?? 0, body: parsed });
          });
        },
      );
      req.on("error", reject);
      req.end(payload);
    });
  const stop = async () => {
    await stopProcess(apiserver);
    await stopProcess(etcd);
    rmSync(directory, { recursive: true, force: true });
  };
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (apiserver.exitCode !== null || etcd.exitCode !== null) {
      await stop();
      throw new Error(`the API server did not start:\n${etcdLog.join("").slice(-2000)}\n${apiLog.join("").slice(-4000)}`);
    }
    const ready = await call("GET", "/readyz").catch(() => undefined);
    if (ready?.status === 200) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the API server was not ready within 90 s:\n${apiLog.join("").slice(-4000)}`);
    }
    await sleep(250);
  }
  const file = join(directory, "kubeconfig.yaml");
  writeFileSync(file, kubeconfig(url, join(directory, "ca.crt")));
  return {
    url,
    directory,
    kubeconfig: file,
    tls: { ca, cert: readFileSync(join(directory, "server.crt")), key: readFileSync(join(directory, "server.key")) },
    call,
    async must(method, path, body, contentType) {
      const result = await call(method, path, body, contentType);
      if (result.status < 200 || result.status > 299) throw new Error(`${method} ${path}: ${result.status} ${JSON.stringify(result.body)}`);
      return result.body;
    },
    stop,
  };
}

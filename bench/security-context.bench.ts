// Benchmarks the security-context gate: whole-process wall time on 1,000 workloads in 200 files, policy
// evaluation throughput, peak RSS at 10,000 workloads, `--help` start-up, the fixed cost of a run, and the
// CPU of the same corpora against conftest (with a minimal policy) and kube-score, both built from their Go
// modules into .tools/bench on first use (never committed). Prints medians and ratios.
import { execFileSync, spawnSync } from "node:child_process";
import { accessSync, constants, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { silentLogger } from "../src/engine/logger.js";
import { loadBuiltInBundle } from "../src/engine/policy.js";
import { evaluateInSlices } from "../src/engine/run.js";
import { securityContextGate } from "../src/gates/security-context/index.js";
import { median, printResult, runs } from "./support.js";

const cli = join(process.cwd(), "bin", "resilience-gates.js");

function workload(index: number, hardened: boolean): string {
  const securityContext = hardened
    ? `          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities: { drop: [ALL] }`
    : `          securityContext:
            privileged: ${index % 7 === 0}`;
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${index}
  namespace: team-${index % 10}
spec:
  replicas: 2
  selector: { matchLabels: { app: app-${index} } }
  template:
    metadata:
      labels: { app: app-${index} }
    spec:
      automountServiceAccountToken: false
      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
        seccompProfile: { type: RuntimeDefault }
      containers:
        - name: app
          image: registry.example/app-${index}:1.${index}.0
          ports: [{ containerPort: 8080 }]
          resources:
            requests: { cpu: 100m, memory: 128Mi }
            limits: { memory: 256Mi }
          livenessProbe: { httpGet: { path: /healthz, port: 8080 } }
          readinessProbe: { httpGet: { path: /readyz, port: 8080 } }
${securityContext}
          volumeMounts: [{ name: tmp, mountPath: /tmp }]
      volumes:
        - name: tmp
          emptyDir: {}
`;
}

function corpus(workloads: number, files: number): string {
  const directory = mkdtempSync(join(tmpdir(), `rg-bench-sc-${workloads}-`));
  mkdirSync(join(directory, ".git"));
  const perFile = workloads / files;
  for (let file = 0; file < files; file++) {
    const documents = Array.from({ length: perFile }, (_, i) => workload(file * perFile + i, (file * perFile + i) % 2 === 0));
    writeFileSync(join(directory, `w${file}.yaml`), documents.join("---\n"));
  }
  return directory;
}

/** Wall time of a whole `check` process, and its CPU time (user + system), which other load on the machine does not inflate. */
function timeCheck(directory: string): { wall: number; cpu: number } {
  const started = performance.now();
  const run = spawnSync("/usr/bin/time", ["-f", "%U %S", process.execPath, cli, "check", "security-context", "--manifests", "*.yaml", "--format", "json", "--quiet"], {
    cwd: directory,
    encoding: "utf8",
    maxBuffer: 512 * 1024 * 1024,
  });
  const wall = performance.now() - started;
  if (run.status !== 1) throw new Error(`expected exit 1 (block), got ${run.status}: ${run.stderr}`);
  const [user, system] = (run.stderr.trim().split("\n").pop() ?? "").split(" ").map(Number);
  return { wall, cpu: ((user ?? NaN) + (system ?? NaN)) * 1000 };
}

const small = corpus(1000, 200);
const checks = runs(7, () => timeCheck(small));
const wall = median(checks.map((check) => check.wall));
const cpu = median(checks.map((check) => check.cpu));

const bundle = await loadBuiltInBundle();
const collected = await securityContextGate.collect(
  { workspace: { root: small, base: small }, logger: silentLogger, now: new Date() },
  { manifests: ["*.yaml"] },
);
const input = { ...collected.input, now: Math.floor(Date.now() / 1000) };
const evaluation = median(
  runs(9, () => {
    const started = performance.now();
    evaluateInSlices(bundle, "resilience/security_context/findings", input, securityContextGate.independentItems);
    return performance.now() - started;
  }),
);

const large = corpus(10_000, 1000);
const rss = median(
  runs(3, () => {
    const out = spawnSync("/usr/bin/time", ["-f", "%M", process.execPath, cli, "check", "security-context", "--manifests", "*.yaml", "--format", "json", "--quiet"], {
      cwd: large,
      encoding: "utf8",
      maxBuffer: 512 * 1024 * 1024,
    });
    const kib = Number(out.stderr.trim().split("\n").pop());
    if (!Number.isFinite(kib)) throw new Error(`cannot read peak RSS: ${out.stderr}`);
    return kib / 1024;
  }),
);

const help = median(
  runs(9, () => {
    const started = performance.now();
    execFileSync(process.execPath, [cli, "--help"], { stdio: "ignore" });
    return performance.now() - started;
  }),
);

let kubeLinter = "not measured: kube-linter is not installed (the Go module proxy refuses golang.stackrox.io/kube-linter here)";
const kubeLinterPath = spawnSync("sh", ["-c", "command -v kube-linter"], { encoding: "utf8" }).stdout.trim();
if (kubeLinterPath) {
  const theirs = median(
    runs(5, () => {
      const started = performance.now();
      spawnSync(kubeLinterPath, ["lint", small], { stdio: "ignore" });
      return performance.now() - started;
    }),
  );
  kubeLinter = `kube-linter ${theirs.toFixed(0)} ms; ours/theirs = ${(wall / theirs).toFixed(2)}`;
}

/** CPU (user + system) and wall time of one process; `accept` checks it really ran. */
function timeProcess(argv: string[], cwd: string, accept: (status: number | null) => boolean): { wall: number; cpu: number } {
  const started = performance.now();
  const run = spawnSync("/usr/bin/time", ["-f", "%U %S", ...argv], { cwd, encoding: "utf8", maxBuffer: 1024 * 1024 * 1024 });
  const wall = performance.now() - started;
  if (!accept(run.status)) throw new Error(`${argv[0]} exited ${run.status}: ${run.stderr.slice(-500)}`);
  const [user, system] = (run.stderr.trim().split("\n").pop() ?? "").split(" ").map(Number);
  return { wall, cpu: ((user ?? NaN) + (system ?? NaN)) * 1000 };
}

interface Peer {
  name: string;
  module: string;
  version: string;
  argv: (directory: string) => string[];
  accept: (status: number | null) => boolean;
}

const peerDirectory = join(process.cwd(), ".tools", "bench");
const policyDirectory = mkdtempSync(join(tmpdir(), "rg-bench-conftest-"));
// A minimal policy: one rule, privileged containers of Deployments.
writeFileSync(
  join(policyDirectory, "main.rego"),
  `package main

import rego.v1

deny contains msg if {
	input.kind == "Deployment"
	some c in input.spec.template.spec.containers
	c.securityContext.privileged == true
	msg := sprintf("%s: container %s is privileged", [input.metadata.name, c.name])
}
`,
);
const PEERS: Peer[] = [
  {
    name: "conftest",
    module: "github.com/open-policy-agent/conftest",
    version: "v0.71.1",
    argv: (directory) => ["conftest", "test", "--no-color", "--policy", policyDirectory, ...yamlFiles(directory)],
    accept: (status) => status === 0 || status === 1,
  },
  {
    name: "kube-score",
    module: "github.com/zegl/kube-score/cmd/kube-score",
    version: "v1.20.0",
    argv: (directory) => ["kube-score", "score", "--output-format", "ci", ...yamlFiles(directory)],
    accept: (status) => status === 0 || status === 1,
  },
];

function yamlFiles(directory: string): string[] {
  return readdirSync(directory).filter((file) => file.endsWith(".yaml")).sort();
}

/** The peer's binary, built with `go install <module>@<version>` into .tools/bench when missing; or why not. */
function peerBinary(peer: Peer): { path: string } | { reason: string } {
  const path = join(peerDirectory, peer.name);
  try {
    accessSync(path, constants.X_OK);
    return { path };
  } catch {
    mkdirSync(peerDirectory, { recursive: true });
    const built = spawnSync("go", ["install", `${peer.module}@${peer.version}`], { env: { ...process.env, GOBIN: peerDirectory, CGO_ENABLED: "0" }, encoding: "utf8", stdio: ["ignore", "inherit", "pipe"] });
    if (built.status !== 0) return { reason: `go install ${peer.module}@${peer.version} failed: ${(built.stderr ?? "").trim().split("\n").pop() ?? ""}` };
    return { path };
  }
}

const ours = (_directory: string) => [process.execPath, cli, "check", "security-context", "--manifests", "*.yaml", "--format", "json", "--quiet"];
const oursAccept = (status: number | null) => status === 1;
const tiny = corpus(2, 1);
const fixedCost = median(runs(7, () => timeProcess(ours(tiny), tiny, oursAccept).cpu));
const comparison: Record<string, string | number> = {};
const oursCpu1k = median(runs(5, () => timeProcess(ours(small), small, oursAccept).cpu));
const oursCpu10k = median(runs(3, () => timeProcess(ours(large), large, oursAccept).cpu));
comparison["ours, CPU ms at 1,000 / 10,000 workloads"] = `${oursCpu1k.toFixed(0)} / ${oursCpu10k.toFixed(0)}`;
for (const peer of PEERS) {
  const binary = peerBinary(peer);
  if ("reason" in binary) {
    comparison[`${peer.name} ${peer.version}`] = `not measured: ${binary.reason}`;
    continue;
  }
  const argv = (directory: string) => [binary.path, ...peer.argv(directory).slice(1)];
  const cpu1k = median(runs(5, () => timeProcess(argv(small), small, peer.accept).cpu));
  const cpu10k = median(runs(3, () => timeProcess(argv(large), large, peer.accept).cpu));
  const target = peer.name === "conftest" ? 10 : 2;
  comparison[`${peer.name} ${peer.version}, CPU ms at 1,000 / 10,000 workloads`] = `${cpu1k.toFixed(0)} / ${cpu10k.toFixed(0)}`;
  comparison[`${peer.name} CPU / ours at 1,000 / 10,000 (target >= ${target})`] = `${(cpu1k / oursCpu1k).toFixed(2)} / ${(cpu10k / oursCpu10k).toFixed(2)}`;
}

printResult("security-context", {
  "check 1,000 workloads / 200 files, wall ms (target < 1000)": wall,
  "the same, CPU ms (user + system)": cpu,
  "policy evaluation, workloads/s (target >= 5000)": Math.round(1000 / (evaluation / 1000)),
  "peak RSS at 10,000 workloads, MB (target < 250)": rss,
  "--help wall ms (target < 300)": help,
  "fixed cost of a run (2 workloads), CPU ms (target < 150)": fixedCost,
  ...comparison,
  "kube-linter comparison": kubeLinter,
});

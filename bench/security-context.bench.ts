// Benchmarks the security-context gate: whole-process wall time on 1,000 workloads in 200 files, policy
// evaluation throughput, peak RSS at 10,000 workloads, and `--help` start-up. Prints medians.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
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

printResult("security-context", {
  "check 1,000 workloads / 200 files, wall ms (target < 1000)": wall,
  "the same, CPU ms (user + system)": cpu,
  "policy evaluation, workloads/s (target >= 5000)": Math.round(1000 / (evaluation / 1000)),
  "peak RSS at 10,000 workloads, MB (target < 300)": rss,
  "--help wall ms (target < 300)": help,
  "kube-linter comparison": kubeLinter,
});

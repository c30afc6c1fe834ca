// Benchmarks live-cluster mode on a real kube-apiserver (built by scripts/bootstrap.sh): 5,000 workload
// objects (Deployments, StatefulSets, DaemonSets, CronJobs and bare Pods) read with paging and judged by
// the security-context gate, start to verdict. Prints medians.
import { performance } from "node:perf_hooks";
import { silentLogger } from "../src/engine/logger.js";
import { loadBuiltInBundle } from "../src/engine/policy.js";
import { runGates } from "../src/engine/run.js";
import { startApiServer, type TestApiServer } from "../test/support/apiserver.js";
import { cronJob, deployment, podSpec } from "../test/cluster/support.js";
import { median, printResult, runsAsync } from "./support.js";

const WORKLOADS = 5000;
const NAMESPACE = "bench";

function object(index: number): { path: string; body: Record<string, unknown> } {
  const name = `app-${index}`;
  const insecure = index % 5 === 0;
  const base = `/namespaces/${NAMESPACE}`;
  switch (index % 5) {
    case 0:
    case 1: {
      return { path: `/apis/apps/v1${base}/deployments`, body: deployment(name, NAMESPACE, insecure) };
    }
    case 2: {
      const body = deployment(name, NAMESPACE, insecure);
      return { path: `/apis/apps/v1${base}/statefulsets`, body: { ...body, kind: "StatefulSet", spec: { ...(body.spec as object), serviceName: name } } };
    }
    case 3:
      return { path: `/apis/apps/v1${base}/daemonsets`, body: { ...deployment(name, NAMESPACE, insecure), kind: "DaemonSet" } };
    default:
      return index % 2 === 0
        ? { path: `/apis/batch/v1${base}/cronjobs`, body: cronJob(name, NAMESPACE) }
        : { path: `/api/v1${base}/pods`, body: { apiVersion: "v1", kind: "Pod", metadata: { name, namespace: NAMESPACE }, spec: podSpec(insecure) } };
  }
}

async function populate(server: TestApiServer): Promise<number> {
  const started = performance.now();
  await server.must("POST", "/api/v1/namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: NAMESPACE } });
  let next = 0;
  const worker = async () => {
    while (next < WORKLOADS) {
      const { path, body } = object(next++);
      await server.must("POST", path, body);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return performance.now() - started;
}

const server = await startApiServer();
try {
  process.env.KUBECONFIG = server.kubeconfig;
  const created = await populate(server);
  const bundle = await loadBuiltInBundle();
  const workspace = { root: process.cwd(), base: process.cwd() };
  let workloads = 0;
  const times = await runsAsync(5, async () => {
    const started = performance.now();
    const report = await runGates(
      { config: { workspace, gates: {}, policies: [], rules: {} }, gates: [["security-context", { cluster: { namespace: NAMESPACE } }]], now: new Date(), logger: silentLogger },
      bundle,
    );
    const elapsed = performance.now() - started;
    const gate = report.gates[0];
    if (gate?.verdict !== "block") throw new Error(`expected block, got ${gate?.verdict}: ${gate?.error ?? ""}`);
    workloads = gate.stats.workloads ?? 0;
    return elapsed;
  });
  if (workloads !== WORKLOADS) throw new Error(`judged ${workloads} workloads, expected ${WORKLOADS}`);
  printResult("cluster (live security-context on a real kube-apiserver)", {
    "objects created (setup, not measured), ms": created,
    "workloads read and judged": workloads,
    "read (paged, 500 a page) + judge 5,000 workloads, wall ms (target < 5000)": median(times),
    "slowest of 5 runs, ms": Math.max(...times),
  });
} finally {
  await server.stop();
}

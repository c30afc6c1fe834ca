// On the real cluster of scripts/cluster.sh (or any cluster KUBECONFIG names, such as kind): what only
// real controllers, a kubelet and the API server's own admission can show.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot, runCliAsync } from "../support/cli.js";

const kubectlBinary = [join(repoRoot, ".tools", "bin", "kubectl"), "kubectl"].find((candidate) => spawnSync(candidate, ["version", "--client"]).status === 0);
if (!process.env.KUBECONFIG) throw new Error("KUBECONFIG is not set: run these tests through scripts/e2e.sh (npm run e2e)");
if (!kubectlBinary) throw new Error("kubectl not found: bash scripts/bootstrap.sh kubectl");

function kubectl(args: string[], input?: string): { status: number; stdout: string; stderr: string } {
  const run = spawnSync(kubectlBinary as string, args, { input, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return { status: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}
function mustKubectl(args: string[], input?: string): string {
  const run = kubectl(args, input);
  if (run.status !== 0) throw new Error(`kubectl ${args.join(" ")} failed: ${run.stderr}`);
  return run.stdout;
}

const suffix = Date.now().toString(36);
const admissionNamespace = `e2e-admission-${suffix}`;
const backupsNamespace = `e2e-backups-${suffix}`;
const scratch = mkdtempSync(join(tmpdir(), "rg-e2e-"));

/** The Pod Security rules of the gate: SC-001 to SC-018 (SC-020 and later are good practice, not admission). */
const podSecurityRule = (rule: string) => /^SC-0(0\d|1[0-8])$/.test(rule);

interface PodTemplate {
  name: string;
  file: string;
  spec: Record<string, unknown>;
}

interface WorkloadShape {
  kind?: string;
  spec?: Record<string, unknown> & {
    template?: { spec?: Record<string, unknown> };
    jobTemplate?: { spec?: { template?: { spec?: Record<string, unknown> } } };
  };
}

/** Each workload of the security-context fixtures as the Pod its controller would create. */
function fixturePods(): { pods: PodTemplate[]; serviceAccounts: Set<string> } {
  const directory = join(repoRoot, "fixtures", "security-context");
  const pods: PodTemplate[] = [];
  const serviceAccounts = new Set<string>();
  for (const file of readdirSync(directory).filter((name) => name.endsWith(".yaml")).sort()) {
    for (const document of parseAllDocuments(readFileSync(join(directory, file), "utf8"))) {
      const object = document.toJS({ maxAliasCount: 100 }) as (WorkloadShape & { metadata?: { name?: string } }) | null;
      if (!object?.kind) continue;
      // The pods that name a ServiceAccount of the fixtures need it in the namespace to be admitted.
      if (object.kind === "ServiceAccount" && object.metadata?.name) serviceAccounts.add(object.metadata.name);
      const spec =
        object.kind === "Pod" ? object.spec : object.kind === "CronJob" ? object.spec?.jobTemplate?.spec?.template?.spec : object.spec?.template?.spec;
      if (!spec || typeof spec !== "object") continue;
      pods.push({ name: `${file.replace(/\.yaml$/, "")}-${pods.length}`.toLowerCase().replace(/[^a-z0-9-]/g, "-").slice(0, 60), file, spec });
    }
  }
  return { pods, serviceAccounts };
}

beforeAll(() => {
  for (const namespace of [admissionNamespace, backupsNamespace]) mustKubectl(["create", "namespace", namespace]);
  mustKubectl(["label", "namespace", admissionNamespace, "pod-security.kubernetes.io/enforce=restricted", "pod-security.kubernetes.io/enforce-version=latest"]);
});

afterAll(() => {
  for (const namespace of [admissionNamespace, backupsNamespace]) kubectl(["delete", "namespace", namespace, "--wait=false"]);
});

describe("Pod Security admission of the API server and the gate's verdict agree", () => {
  it("admits exactly the fixture pods that have no Pod Security finding", async () => {
    const { pods, serviceAccounts } = fixturePods();
    expect(pods.length).toBeGreaterThan(40);
    for (const account of serviceAccounts) mustKubectl(["create", "serviceaccount", account, "--namespace", admissionNamespace]);
    const manifests = pods.map((pod) => ({ apiVersion: "v1", kind: "Pod", metadata: { name: pod.name, namespace: admissionNamespace }, spec: pod.spec }));
    const file = join(scratch, "pods.json");
    writeFileSync(file, JSON.stringify({ apiVersion: "v1", kind: "List", items: manifests }, null, 2));
    const gate = await runCliAsync(["check", "security-context", "--manifests", file, "--format", "json"]);
    expect([0, 1]).toContain(gate.status);
    const report = JSON.parse(gate.stdout) as { gates: Array<{ findings: Array<{ rule: string; resource?: { name: string } }> }> };
    const refusedByGate = new Set(report.gates[0]!.findings.filter((finding) => podSecurityRule(finding.rule)).map((finding) => finding.resource?.name));

    const disagreements: string[] = [];
    const notComparable: string[] = [];
    for (const manifest of manifests) {
      // Server-side dry run: admission (PodSecurity included) runs, nothing is stored.
      const admission = kubectl(["create", "--dry-run=server", "-f", "-", "-o", "name"], JSON.stringify(manifest));
      const admitted = admission.status === 0;
      const podSecurityRefusal = /violates PodSecurity/.test(admission.stderr);
      if (!admitted && !podSecurityRefusal) {
        // Not comparable (a fixture that is no valid Pod once taken out of its workload).
        notComparable.push(`${manifest.metadata.name}: ${admission.stderr.trim()}`);
        continue;
      }
      if (admitted === refusedByGate.has(manifest.metadata.name)) {
        disagreements.push(`${manifest.metadata.name}: API server ${admitted ? "admits" : `refuses (${admission.stderr.trim()})`}, gate ${admitted ? "blocks" : "passes"}`);
      }
    }
    expect(disagreements).toEqual([]);
    expect(notComparable.length, notComparable.join("\n")).toBeLessThan(manifests.length / 10);
    // Both kinds of verdict occur, so the comparison means something.
    expect(refusedByGate.size).toBeGreaterThan(10);
    expect(refusedByGate.size).toBeLessThan(manifests.length);
  });
});

describe("backups judged from what the real CronJob controller records", () => {
  it("a CronJob whose Jobs fail has no lastSuccessfulTime, and the gate blocks the store", async () => {
    const image = mustKubectl(["get", "pods", "--all-namespaces", "-l", "k8s-app=kube-dns", "-o", "jsonpath={.items[0].spec.containers[0].image}"]);
    const cronJob = {
      apiVersion: "batch/v1",
      kind: "CronJob",
      metadata: {
        name: "failing-backup",
        namespace: backupsNamespace,
        labels: { "resilience-gates.io/store": "e2e-store" },
        annotations: { "resilience-gates.io/retention": "100d" },
      },
      spec: {
        schedule: "* * * * *",
        jobTemplate: {
          spec: {
            backoffLimit: 0,
            template: {
              spec: {
                restartPolicy: "Never",
                automountServiceAccountToken: false,
                securityContext: { runAsNonRoot: true, runAsUser: 65532, seccompProfile: { type: "RuntimeDefault" } },
                // CoreDNS with a flag it does not know exits non-zero at once: a backup that fails.
                containers: [{ name: "backup", image, imagePullPolicy: "Never", args: ["-no-such-flag"], securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } } }],
              },
            },
          },
        },
      },
    };
    mustKubectl(["apply", "-f", "-"], JSON.stringify(cronJob));
    // Wait for the controller to have run a Job and for that Job to have failed.
    const deadline = Date.now() + 150_000;
    let failedJobs = 0;
    while (Date.now() < deadline) {
      const jobs = JSON.parse(mustKubectl(["get", "jobs", "-n", backupsNamespace, "-o", "json"])) as { items: Array<{ status?: { failed?: number } }> };
      failedJobs = jobs.items.filter((job) => (job.status?.failed ?? 0) > 0).length;
      if (failedJobs > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 3000));
    }
    expect(failedJobs).toBeGreaterThan(0);
    const status = JSON.parse(mustKubectl(["get", "cronjob", "failing-backup", "-n", backupsNamespace, "-o", "json"])) as { status?: Record<string, unknown> };
    expect(status.status?.lastScheduleTime).toBeTruthy();
    expect(status.status?.lastSuccessfulTime).toBeUndefined();

    const catalog = join(scratch, "catalog.yaml");
    writeFileSync(catalog, "services:\n  - name: e2e\n    owner: team-e2e\n    tier: 1\n    stores:\n      - name: e2e-store\n        engine: postgres\n");
    const gate = await runCliAsync(["check", "backups", "--cluster", "--namespace", backupsNamespace, "--catalog", catalog, "--format", "json"], { cwd: scratch });
    const report = JSON.parse(gate.stdout) as { gates: Array<{ verdict: string; findings: Array<{ rule: string; severity: string; message: string }> }> };
    expect(gate.status, gate.stderr).toBe(1);
    const blocking = report.gates[0]!.findings.filter((finding) => finding.severity === "block");
    // No successful run recorded: no evidence of a backup (BK-005), or none fresh enough (BK-004).
    expect(blocking.map((finding) => finding.rule).filter((rule) => rule === "BK-004" || rule === "BK-005"), JSON.stringify(blocking)).not.toEqual([]);
  });
});

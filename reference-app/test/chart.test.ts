// The Helm chart, rendered by the real helm: lint-clean with every values file, every pod (containers and
// init containers, hooks and CronJobs included) hardened to Pod Security "restricted", images pinned,
// only allowed volume types, one token-less ServiceAccount per workload, backups labelled with their
// store and scheduled within the catalog RPO, and a helm test that goes through the api.
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { CronExpressionParser } from "cron-parser";
import { parseAllDocuments } from "yaml";
import { describe, expect, it } from "vitest";
import { CI, repoRoot } from "./support/stores.js";

const run = promisify(execFile);
const helm = process.env.HELM ?? path.join(repoRoot, ".tools", "bin", "helm");
const chart = path.join(repoRoot, "charts", "reference-app");
const helmMissing = !existsSync(helm);
const valuesFiles = ["values.yaml", "values-dev.yaml", "values-prod.yaml"];

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function render(values: string, extra: string[] = []): Promise<Obj[]> {
  const args = ["template", "reference-app", chart, "--namespace", "reference-app", "-f", path.join(chart, values), ...extra];
  const { stdout } = await run(helm, args, { maxBuffer: 32 * 1024 * 1024 });
  return parseAllDocuments(stdout)
    .map((doc) => doc.toJS() as Obj | null)
    .filter((doc): doc is Obj => doc !== null);
}

function podSpecOf(obj: Obj): Obj | undefined {
  switch (obj.kind) {
    case "Deployment":
    case "StatefulSet":
    case "Job":
      return obj.spec.template.spec;
    case "CronJob":
      return obj.spec.jobTemplate.spec.template.spec;
    case "Pod":
      return obj.spec;
    default:
      return undefined;
  }
}

/** Worst gap between two runs of a five-field cron schedule over four weeks. */
function worstGapMinutes(schedule: string, timeZone: string): number {
  const expression = CronExpressionParser.parse(schedule, { currentDate: new Date("2026-03-01T00:00:00Z"), tz: timeZone });
  let previous = expression.next().toDate().getTime();
  let worst = 0;
  const end = previous + 28 * 24 * 3600_000;
  while (previous < end) {
    const next = expression.next().toDate().getTime();
    worst = Math.max(worst, (next - previous) / 60_000);
    previous = next;
  }
  return worst;
}

describe.skipIf(helmMissing && !CI)("charts/reference-app", () => {
  it("passes helm lint --strict with every values file", async () => {
    expect(existsSync(helm), `helm not found at ${helm}: bash scripts/bootstrap.sh helm`).toBe(true);
    for (const values of valuesFiles) {
      const { stdout } = await run(helm, ["lint", chart, "--strict", "-f", path.join(chart, values)]);
      expect(stdout).toContain("1 chart(s) linted, 0 chart(s) failed");
      expect(stdout).not.toMatch(/\[(WARNING|ERROR|INFO)\]/);
    }
  });

  it.each(valuesFiles)("hardens every pod and container rendered with %s", async (values) => {
    const objects = await render(values);
    const workloads = objects.filter((obj) => podSpecOf(obj));
    expect(workloads.length).toBeGreaterThanOrEqual(9);
    const serviceAccounts = new Map(objects.filter((o) => o.kind === "ServiceAccount").map((o) => [o.metadata.name, o]));
    const usedAccounts = new Set<string>();
    for (const workload of workloads) {
      const where = `${workload.kind} ${workload.metadata.name}`;
      const pod = podSpecOf(workload)!;
      expect(pod.hostNetwork ?? false, where).toBe(false);
      expect(pod.hostPID ?? false, where).toBe(false);
      expect(pod.hostIPC ?? false, where).toBe(false);
      expect(pod.automountServiceAccountToken, where).toBe(false);
      expect(pod.securityContext.runAsNonRoot, where).toBe(true);
      expect(pod.securityContext.runAsUser, where).toBeGreaterThan(0);
      expect(pod.securityContext.seccompProfile, where).toEqual({ type: "RuntimeDefault" });
      const account = serviceAccounts.get(pod.serviceAccountName);
      expect(account, `${where}: its ServiceAccount is rendered`).toBeDefined();
      expect(account?.automountServiceAccountToken, where).toBe(false);
      expect(usedAccounts.has(pod.serviceAccountName), `${where}: ServiceAccount shared with another workload`).toBe(false);
      usedAccounts.add(pod.serviceAccountName);
      for (const volume of pod.volumes ?? []) {
        const type = Object.keys(volume).find((key) => key !== "name");
        expect(["configMap", "secret", "emptyDir", "projected", "downwardAPI", "persistentVolumeClaim", "csi", "ephemeral"], `${where} volume ${volume.name}`).toContain(type);
      }
      expect(pod.volumes?.some((v: Obj) => v.emptyDir && (pod.containers as Obj[]).every((c) => c.volumeMounts?.some((m: Obj) => m.name === v.name && m.mountPath === "/tmp"))), `${where}: emptyDir /tmp`).toBe(true);
      for (const container of [...(pod.initContainers ?? []), ...pod.containers]) {
        const label = `${where} container ${container.name}`;
        const sc = container.securityContext;
        expect(sc.allowPrivilegeEscalation, label).toBe(false);
        expect(sc.readOnlyRootFilesystem, label).toBe(true);
        expect(sc.privileged ?? false, label).toBe(false);
        expect(sc.capabilities?.drop, label).toEqual(["ALL"]);
        expect(sc.capabilities?.add, label).toBeUndefined();
        expect(container.image, label).toMatch(/^[^:@\s]+(:(?!latest$)[\w][\w.-]*|@sha256:[a-f0-9]{64})$/);
        expect(container.ports?.some((p: Obj) => p.hostPort) ?? false, label).toBe(false);
        expect(container.resources?.requests?.cpu, label).toBeDefined();
        expect(container.resources?.requests?.memory, label).toBeDefined();
        expect(container.resources?.limits?.memory, label).toBeDefined();
      }
      if (workload.kind === "Deployment" || workload.kind === "StatefulSet") {
        for (const container of pod.containers) {
          expect(container.livenessProbe, `${where} liveness`).toBeDefined();
          expect(container.readinessProbe, `${where} readiness`).toBeDefined();
        }
      }
    }
  });

  it("backs up each catalog store within its tier's RPO, labelled with the store", async () => {
    const objects = await render("values-prod.yaml");
    const backups = objects.filter((o) => o.kind === "CronJob" && o.metadata.labels?.["resilience-gates.io/store"]);
    const byStore = new Map(backups.map((o) => [o.metadata.labels["resilience-gates.io/store"], o]));
    expect([...byStore.keys()].sort()).toEqual(["ledger-db", "ratelimit-redis"]);
    const rpoMinutes: Record<string, number> = { "ledger-db": 30, "ratelimit-redis": 240 };
    const catalog = readFileSync(path.join(repoRoot, "reference-app", ".resilience", "catalog.yaml"), "utf8");
    for (const [store, cron] of byStore) {
      expect(catalog).toContain(`name: ${store}`);
      expect(worstGapMinutes(cron.spec.schedule, cron.spec.timeZone ?? "Etc/UTC"), store).toBeLessThanOrEqual(rpoMinutes[store]!);
      expect(cron.spec.jobTemplate.spec.template.metadata.labels["resilience-gates.io/store"]).toBe(store);
      expect(cron.spec.concurrencyPolicy).toBe("Forbid");
    }
    const drills = objects.filter((o) => o.kind === "CronJob" && o.metadata.labels?.["resilience-gates.io/restore-drill"]);
    expect(drills.map((o) => o.metadata.labels["resilience-gates.io/restore-drill"]).sort()).toEqual(["ledger-db", "ratelimit-redis"]);
    for (const drill of drills) {
      const container = podSpecOf(drill)!.containers[0];
      expect(container.command).toEqual(["sh", "/scripts/restore-drill.sh"]);
    }
    const scripts = objects.find((o) => o.kind === "ConfigMap" && o.metadata.name.endsWith("backup-scripts"));
    expect(scripts?.data["restore-drill.sh"]).toContain("resilience-gates drill postgres");
  });

  it("has a helm test that goes through the api, and NetworkPolicies that deny by default", async () => {
    const objects = await render("values.yaml");
    const test = objects.find((o) => o.kind === "Pod" && o.metadata.annotations?.["helm.sh/hook"] === "test");
    expect(test?.spec.containers[0].command).toEqual(["node", "dist/smoke.js"]);
    expect(test?.spec.containers[0].env.find((e: Obj) => e.name === "API_URL").value).toBe("http://reference-app-api:80");
    const policies = objects.filter((o) => o.kind === "NetworkPolicy");
    const deny = policies.find((p) => p.metadata.name.endsWith("default-deny"));
    expect(deny?.spec.policyTypes).toEqual(["Ingress", "Egress"]);
    expect(deny?.spec.ingress).toBeUndefined();
    expect(deny?.spec.egress).toBeUndefined();
    const payments = policies.find((p) => p.metadata.name === "reference-app-payments");
    expect(payments?.spec.ingress[0].from[0].podSelector.matchLabels["app.kubernetes.io/component"]).toBe("api");
    const postgres = policies.find((p) => p.metadata.name === "reference-app-postgresql");
    const allowed = postgres?.spec.ingress[0].from.map((peer: Obj) => peer.podSelector.matchLabels["app.kubernetes.io/component"]);
    expect(allowed).toEqual(["api", "payments", "backup-ledger-db", "restore-drill-ledger-db"]);
    expect(objects.filter((o) => o.kind === "PodDisruptionBudget")).toHaveLength(2);
    expect(objects.filter((o) => o.kind === "HorizontalPodAutoscaler")).toHaveLength(2);
  });

  it("uses external stores by value, and refuses unpinned images", async () => {
    const objects = await render("values.yaml", [
      "--set", "postgresql.enabled=false", "--set", "postgresql.external.host=db.internal", "--set", "postgresql.external.cidr=10.0.0.0/16",
      "--set", "redis.enabled=false", "--set", "redis.external.host=cache.internal", "--set", "redis.external.cidr=10.1.0.0/16",
    ]);
    expect(objects.filter((o) => o.kind === "StatefulSet")).toHaveLength(0);
    const api = objects.find((o) => o.kind === "Deployment" && o.metadata.name === "reference-app-api");
    expect(api?.spec.template.spec.containers[0].env.find((e: Obj) => e.name === "DATABASE_URL").value).toContain("@db.internal:5432/");
    await expect(render("values.yaml", ["--set", "api.image.tag=latest"])).rejects.toThrow(/must pin a version/);
  });
});

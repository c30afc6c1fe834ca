import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer as createHttpsServer } from "node:https";
import { createServer, type Server } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Logger } from "../../src/engine/logger.js";
import type { PolicyBundle } from "../../src/engine/policy.js";
import { publishProof } from "../../src/drill/publish.js";
import { BACKUP_RESOURCE_TYPES } from "../../src/gates/backups/live.js";
import { PROOF_RESOURCE_TYPE } from "../../src/gates/restore-proofs/index.js";
import { WORKLOAD_RESOURCE_TYPES } from "../../src/gates/security-context/live.js";
import { rbacResource } from "../../src/sources/cluster.js";
import { renderChart } from "../../src/sources/helm.js";
import { compileGateBundle } from "../backups/bundle.js";
import { freePort } from "../drill/servers.js";
import { startApiServer, skipApiServer, type TestApiServer } from "../support/apiserver.js";
import { repoRoot, runCli } from "../support/cli.js";
import { FIXTURE_NOW } from "../support/gate-fixtures.js";
import { ago, catalogYaml, createNamespace, cronJob, deployment, installCrds, judge, named, patchStatus, podSpec, workspace } from "./support.js";

describe.skipIf(skipApiServer)("live-cluster mode against a real kube-apiserver", () => {
  let server: TestApiServer;
  let bundle: PolicyBundle;
  let scratch: string;
  const savedKubeconfig = process.env.KUBECONFIG;

  beforeAll(async () => {
    [server, bundle] = await Promise.all([startApiServer(), compileGateBundle(["security-context", "backups", "restore-proofs"])]);
    process.env.KUBECONFIG = server.kubeconfig;
    mkdirSync(join(repoRoot, ".work"), { recursive: true });
    scratch = mkdtempSync(join(repoRoot, ".work", "cluster-test-"));
    for (const namespace of ["shop", "ledger", "orders", "accounts", "velero", "paged", "empty"]) await createNamespace(server, namespace);
    await installCrds(server, "velero.yaml");
    await installCrds(server, "cnpg.yaml");
  });

  afterAll(async () => {
    if (savedKubeconfig === undefined) delete process.env.KUBECONFIG;
    else process.env.KUBECONFIG = savedKubeconfig;
    if (scratch) rmSync(scratch, { recursive: true, force: true });
    await server?.stop();
  });

  /** A file inside the repository's scratch directory, as the gates read only files in the repository. */
  const write = (name: string, text: string) => {
    writeFileSync(join(scratch, name), text);
    return join(scratch, name).slice(repoRoot.length + 1);
  };

  describe("security-context", () => {
    beforeAll(async () => {
      const api = await server.must("POST", "/apis/apps/v1/namespaces/shop/deployments", deployment("api", "shop", true));
      await server.must("POST", "/apis/apps/v1/namespaces/shop/deployments", deployment("web", "shop", false));
      const uid = (api.metadata as { uid: string }).uid;
      const owner = { apiVersion: "apps/v1", kind: "Deployment", name: "api", uid, controller: true };
      const rs = await server.must("POST", "/apis/apps/v1/namespaces/shop/replicasets", {
        apiVersion: "apps/v1",
        kind: "ReplicaSet",
        metadata: { name: "api-7d9f", namespace: "shop", ownerReferences: [owner] },
        spec: { selector: { matchLabels: { app: "api" } }, template: { metadata: { labels: { app: "api" } }, spec: podSpec(true) } },
      });
      const rsOwner = { apiVersion: "apps/v1", kind: "ReplicaSet", name: "api-7d9f", uid: (rs.metadata as { uid: string }).uid, controller: true };
      await server.must("POST", "/api/v1/namespaces/shop/pods", { apiVersion: "v1", kind: "Pod", metadata: { name: "api-7d9f-x1", namespace: "shop", ownerReferences: [rsOwner] }, spec: podSpec(true) });
      // A bare pod nothing owns, and one whose spec differs from the manifest (as a mutating webhook would make it).
      await server.must("POST", "/api/v1/namespaces/shop/pods", { apiVersion: "v1", kind: "Pod", metadata: { name: "debug", namespace: "shop" }, spec: podSpec(true) });
      await server.must("POST", "/apis/batch/v1/namespaces/shop/cronjobs", cronJob("report", "shop"));
    });

    it("judges the live workloads and unowned pods, not the ReplicaSets and pods their controllers own", async () => {
      const result = await judge(bundle, "security-context", { cluster: { namespace: "shop" } });
      expect(result.error).toBeUndefined();
      expect(result.verdict).toBe("block");
      const privileged = named(result).filter((line) => line.startsWith("SC-001"));
      expect(privileged.sort()).toEqual(["SC-001 Deployment shop/api", "SC-001 Pod shop/debug"]);
      expect(named(result).some((line) => / (ReplicaSet|Pod shop\/api-7d9f)/.test(line))).toBe(false);
      expect(named(result).filter((line) => line.includes("shop/web") || line.includes("shop/report"))).toEqual([]);
      expect(result.stats).toMatchObject({ objects: 4, workloads: 4, ownedLeftOut: 2 });
      // No manifest in the repository names these objects: the findings name the object only.
      expect(result.findings.every((finding) => finding.location === undefined)).toBe(true);
    });

    it("points a finding at the repository manifest of the same object, at the line of the live value", async () => {
      const manifest = write(
        "api.yaml",
        `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
spec:
  template:
    spec:
      containers:
        - name: app
          image: registry.example/app:1.0.0
          securityContext:
            privileged: true
---
apiVersion: v1
kind: Pod
metadata:
  name: debug
spec:
  containers:
    - name: app
      image: registry.example/app:1.0.0
`,
      );
      const result = await judge(bundle, "security-context", { cluster: { namespace: "shop" }, manifests: [manifest] });
      const api = result.findings.find((finding) => finding.rule === "SC-001" && finding.resource?.name === "api");
      expect(api?.resource).toEqual({ kind: "Deployment", name: "api", namespace: "shop" });
      expect(api?.location).toMatchObject({ file: manifest, line: 13 });
      // The manifest of the pod has no securityContext: the live spec (mutated) is judged, pointed at the container.
      const debug = result.findings.find((finding) => finding.rule === "SC-001" && finding.resource?.name === "debug");
      expect(debug?.location).toMatchObject({ file: manifest, line: 21 });
    });

    it("judges what a real mutating admission webhook injected, at the manifest's nearest line", async () => {
      // A sidecar injector, as a service mesh runs one: every pod created in a labelled namespace gets a privileged proxy.
      const webhook = createHttpsServer({ cert: server.tls.cert, key: server.tls.key }, (request, response) => {
        const chunks: Buffer[] = [];
        request.on("data", (chunk: Buffer) => chunks.push(chunk));
        request.on("end", () => {
          const review = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { request: { uid: string } };
          const sidecar = { name: "mesh-proxy", image: "registry.example/proxy:1.0.0", securityContext: { privileged: true } };
          const patch = Buffer.from(JSON.stringify([{ op: "add", path: "/spec/containers/-", value: sidecar }])).toString("base64");
          response.setHeader("Content-Type", "application/json");
          response.end(JSON.stringify({ apiVersion: "admission.k8s.io/v1", kind: "AdmissionReview", response: { uid: review.request.uid, allowed: true, patchType: "JSONPatch", patch } }));
        });
      });
      await new Promise<void>((resolve) => webhook.listen(0, "127.0.0.1", resolve));
      try {
        const port = (webhook.address() as { port: number }).port;
        await server.must("POST", "/api/v1/namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: "mesh", labels: { inject: "true" } } });
        await server.must("POST", "/apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations", {
          apiVersion: "admissionregistration.k8s.io/v1",
          kind: "MutatingWebhookConfiguration",
          metadata: { name: "mesh-injector" },
          webhooks: [
            {
              name: "inject.mesh.test",
              clientConfig: { url: `https://127.0.0.1:${port}/mutate`, caBundle: server.tls.ca.toString("base64") },
              rules: [{ operations: ["CREATE"], apiGroups: [""], apiVersions: ["v1"], resources: ["pods"] }],
              namespaceSelector: { matchLabels: { inject: "true" } },
              sideEffects: "None",
              admissionReviewVersions: ["v1"],
              failurePolicy: "Fail",
              timeoutSeconds: 5,
            },
          ],
        });
        const pod = { apiVersion: "v1", kind: "Pod", metadata: { name: "app", namespace: "mesh" }, spec: podSpec(false) };
        // The API server picks the new webhook configuration up within a moment; a dry run shows when.
        for (let attempt = 0; ; attempt++) {
          const dry = await server.must("POST", "/api/v1/namespaces/mesh/pods?dryRun=All", pod);
          if ((dry.spec as { containers: unknown[] }).containers.length === 2) break;
          if (attempt > 100) throw new Error("the webhook did not mutate a pod within 10 s");
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        await server.must("POST", "/api/v1/namespaces/mesh/pods", pod);
      } finally {
        webhook.close();
      }
      const manifest = write(
        "mesh.yaml",
        `apiVersion: v1
kind: Pod
metadata:
  name: app
  namespace: mesh
spec:
  containers:
    - name: app
      image: registry.example/app:1.0.0
`,
      );
      const fromFile = await judge(bundle, "security-context", { manifests: [manifest] });
      expect(fromFile.findings.filter((finding) => finding.rule === "SC-001")).toEqual([]);
      const live = await judge(bundle, "security-context", { cluster: { namespace: "mesh" }, manifests: [manifest] });
      const injected = live.findings.filter((finding) => finding.rule === "SC-001");
      expect(injected).toHaveLength(1);
      expect(injected[0]?.message).toContain("mesh-proxy");
      expect(injected[0]?.resource).toEqual({ kind: "Pod", name: "app", namespace: "mesh" });
      expect(injected[0]?.location).toMatchObject({ file: manifest, line: 7 });
    });

    it("applies a waiver written in the live object's annotation", async () => {
      await createNamespace(server, "waived");
      const legacy = deployment("legacy", "waived", true);
      const expires = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
      (legacy.metadata as Record<string, unknown>).annotations = {
        "resilience-gates.io/waivers": JSON.stringify([{ rule: "SC-001", reason: "vendor agent needs host access until the v2 rollout", owner: "team-platform", expires }]),
      };
      await server.must("POST", "/apis/apps/v1/namespaces/waived/deployments", legacy);
      const result = await judge(bundle, "security-context", { cluster: { namespace: "waived" } });
      expect(result.findings.filter((finding) => finding.rule === "SC-001")).toEqual([]);
      expect(result.waived.map((applied) => [applied.finding.rule, applied.waiver.owner, applied.waiver.source.file])).toEqual([
        ["SC-001", "team-platform", "cluster context admin: Deployment waived/legacy"],
      ]);
    });

    it("reads every namespace with allNamespaces and pages through large lists", async () => {
      for (let i = 0; i < 5; i++) await server.must("POST", "/apis/apps/v1/namespaces/paged/deployments", deployment(`app-${i}`, "paged", i === 3));
      const lines: string[] = [];
      const logger: Logger = { info: (message) => lines.push(message), warn: () => {}, debug: () => {} };
      const paged = await judge(bundle, "security-context", { cluster: { namespace: "paged", pageSize: 2 } }, logger);
      expect(paged.stats).toMatchObject({ workloads: 5 });
      expect(named(paged).filter((line) => line.startsWith("SC-001"))).toEqual(["SC-001 Deployment paged/app-3"]);
      expect(lines).toContain("read 4 deployments so far (page 2)");
      expect(lines.some((line) => line.startsWith("read 5 deployments.apps from context admin"))).toBe(true);
      const all = await judge(bundle, "security-context", { cluster: { allNamespaces: true } });
      expect(named(all).filter((line) => line.startsWith("SC-001")).sort()).toEqual(["SC-001 Deployment paged/app-3", "SC-001 Deployment shop/api", "SC-001 Pod mesh/app", "SC-001 Pod shop/debug"]);
      expect(all.waived.map((applied) => applied.finding.resource?.name)).toEqual(["legacy"]);
    });
  });

  describe("backups", () => {
    it("blocks a tier-1 store whose CronJob last succeeded 3 hours ago, and passes a fresh one", async () => {
      const catalog = write("ledger-catalog.yaml", catalogYaml([{ name: "ledger-db", tier: 1 }]));
      await server.must("POST", "/apis/batch/v1/namespaces/ledger/cronjobs", cronJob("ledger-backup", "ledger", { store: "ledger-db" }));
      const path = "/apis/batch/v1/namespaces/ledger/cronjobs/ledger-backup";
      // The controller records the schedule it ran (lastScheduleTime, recent) and the last success (3 h ago).
      const now = Math.floor(Date.now() / 1000) * 1000;
      await patchStatus(server, path, { lastScheduleTime: ago(60, now), lastSuccessfulTime: ago(3 * 3600, now) });
      const options = { catalog, cluster: { namespace: "ledger", veleroNamespace: "empty" } };
      const stale = await judge(bundle, "backups", options, undefined, new Date(now));
      expect(stale.error).toBeUndefined();
      expect(stale.verdict).toBe("block");
      const finding = stale.findings.find((f) => f.rule === "BK-004");
      expect(finding?.message).toMatch(/^last successful backup finished 3h00m ago \(status\.lastSuccessfulTime of CronJob\/ledger-backup in cluster context admin\), older than its tier 1 RPO 30m$/);

      await patchStatus(server, path, { lastSuccessfulTime: ago(5 * 60) });
      const fresh = await judge(bundle, "backups", options);
      expect(fresh.findings.map((f) => f.rule)).toEqual([]);
      expect(fresh.verdict).toBe("pass");
    });

    it("never takes lastScheduleTime for a success", async () => {
      const catalog = write("never-catalog.yaml", catalogYaml([{ name: "never-db", tier: 1 }]));
      await server.must("POST", "/apis/batch/v1/namespaces/ledger/cronjobs", cronJob("never-backup", "ledger", { store: "never-db" }));
      await patchStatus(server, "/apis/batch/v1/namespaces/ledger/cronjobs/never-backup", { lastScheduleTime: ago(60) });
      const result = await judge(bundle, "backups", { catalog, cluster: { namespace: "ledger", veleroNamespace: "empty" } });
      expect(result.findings.map((f) => f.rule)).toContain("BK-005");
      expect(result.verdict).toBe("block");
    });

    it("reports a suspended CronJob", async () => {
      const catalog = write("paused-catalog.yaml", catalogYaml([{ name: "paused-db", tier: 2 }]));
      await server.must("POST", "/apis/batch/v1/namespaces/ledger/cronjobs", cronJob("paused-backup", "ledger", { store: "paused-db", suspend: true }));
      await patchStatus(server, "/apis/batch/v1/namespaces/ledger/cronjobs/paused-backup", { lastSuccessfulTime: ago(600) });
      const result = await judge(bundle, "backups", { catalog, cluster: { namespace: "ledger", veleroNamespace: "empty" } });
      expect(named(result)).toContain("BK-010 CronJob ledger/paused-backup");
      expect(result.verdict).toBe("block");
    });

    it("takes the newest Velero Backup with phase Completed, not the Schedule's lastBackup", async () => {
      const catalog = write("orders-catalog.yaml", catalogYaml([{ name: "orders-db", tier: 1 }]));
      const schedule = {
        apiVersion: "velero.io/v1",
        kind: "Schedule",
        metadata: { name: "orders-nightly", namespace: "velero", labels: { "resilience-gates.io/store": "orders-db" } },
        spec: { schedule: "*/10 * * * *", template: { ttl: "2880h0m0s", includedNamespaces: ["orders"] } },
      };
      await server.must("POST", "/apis/velero.io/v1/namespaces/velero/schedules", schedule);
      await patchStatus(server, "/apis/velero.io/v1/namespaces/velero/schedules/orders-nightly", { phase: "Enabled", lastBackup: ago(120) });
      const backup = async (name: string, status: Record<string, unknown>) => {
        await server.must("POST", "/apis/velero.io/v1/namespaces/velero/backups", {
          apiVersion: "velero.io/v1",
          kind: "Backup",
          metadata: { name, namespace: "velero", labels: { "velero.io/schedule-name": "orders-nightly" } },
          spec: { includedNamespaces: ["orders"] },
        });
        await patchStatus(server, `/apis/velero.io/v1/namespaces/velero/backups/${name}`, status);
      };
      await backup("orders-nightly-1", { phase: "Completed", startTimestamp: ago(3 * 3600 + 60), completionTimestamp: ago(3 * 3600) });
      await backup("orders-nightly-2", { phase: "PartiallyFailed", startTimestamp: ago(180), completionTimestamp: ago(120) });
      await backup("orders-nightly-3", { phase: "InProgress", startTimestamp: ago(30) });
      const options = { catalog, cluster: { namespace: "orders" } };
      const stale = await judge(bundle, "backups", options);
      expect(stale.verdict).toBe("block");
      expect(stale.findings.find((f) => f.rule === "BK-004")?.message).toContain("Velero Backup velero/orders-nightly-1 in cluster context admin");
      expect(stale.findings.find((f) => f.rule === "BK-012")?.message).toContain("Velero Backup velero/orders-nightly-2");

      await backup("orders-nightly-4", { phase: "Completed", startTimestamp: ago(100), completionTimestamp: ago(60) });
      const fresh = await judge(bundle, "backups", options);
      expect(fresh.findings.map((f) => f.rule)).toEqual([]);
    });

    it("takes CloudNativePG Backups with phase completed for the Cluster's store", async () => {
      const catalog = write("accounts-catalog.yaml", catalogYaml([{ name: "accounts-db", tier: 2 }]));
      await server.must("POST", "/apis/postgresql.cnpg.io/v1/namespaces/accounts/clusters", {
        apiVersion: "postgresql.cnpg.io/v1",
        kind: "Cluster",
        metadata: { name: "accounts", namespace: "accounts", labels: { "resilience-gates.io/store": "accounts-db" } },
        spec: { instances: 3, backup: { retentionPolicy: "60d", barmanObjectStore: { destinationPath: "s3://backups/accounts" } } },
      });
      await server.must("POST", "/apis/postgresql.cnpg.io/v1/namespaces/accounts/scheduledbackups", {
        apiVersion: "postgresql.cnpg.io/v1",
        kind: "ScheduledBackup",
        metadata: { name: "accounts-hourly", namespace: "accounts" },
        spec: { schedule: "0 0 * * * *", cluster: { name: "accounts" } },
      });
      const backup = async (name: string, status: Record<string, unknown>) => {
        await server.must("POST", "/apis/postgresql.cnpg.io/v1/namespaces/accounts/backups", {
          apiVersion: "postgresql.cnpg.io/v1",
          kind: "Backup",
          metadata: { name, namespace: "accounts" },
          spec: { cluster: { name: "accounts" } },
        });
        await patchStatus(server, `/apis/postgresql.cnpg.io/v1/namespaces/accounts/backups/${name}`, status);
      };
      const options = { catalog, cluster: { namespace: "accounts", veleroNamespace: "empty" } };
      await backup("accounts-1", { phase: "failed", startedAt: ago(7200), stoppedAt: ago(7000) });
      const none = await judge(bundle, "backups", options);
      expect(none.findings.map((f) => f.rule).sort()).toEqual(["BK-005", "BK-012"]);

      await backup("accounts-2", { phase: "completed", startedAt: ago(3700), stoppedAt: ago(3600) });
      const fresh = await judge(bundle, "backups", options);
      expect(fresh.findings).toEqual([]);
      expect(fresh.verdict).toBe("pass");
    });
  });

  describe("restore-proofs", () => {
    it("verifies the proofs drills published as ConfigMaps with the same signature check, and names the ConfigMap", async () => {
      const data = "fixtures/restore-proofs/data";
      const proof = (name: string) => readFileSync(join(repoRoot, data, "proofs", name), "utf8");
      const configMap = (name: string, labels: Record<string, string>, body?: string) =>
        server.must("POST", "/api/v1/namespaces/accounts/configmaps", {
          apiVersion: "v1",
          kind: "ConfigMap",
          metadata: { name, namespace: "accounts", labels },
          data: body === undefined ? { other: "x" } : { "proof.json": body },
        });
      await configMap("ledger-proof", { "resilience-gates.io/restore-proof": "ledger-db" }, proof("ledger-passed.json"));
      await configMap("unrelated", {}, proof("ledger-tampered.json"));
      const options = { catalog: `${data}/catalog.yaml`, publicKey: `${data}/keys/drill-public-key.pem`, cluster: { namespace: "accounts" } };
      const good = await judge(bundle, "restore-proofs", options, undefined, FIXTURE_NOW);
      expect(good.error).toBeUndefined();
      expect(good.findings).toEqual([]);
      expect(good.stats).toMatchObject({ proofs: 1, configMaps: 1 });

      await configMap("ledger-tampered", { "resilience-gates.io/restore-proof": "ledger-db" }, proof("ledger-tampered.json"));
      await configMap("ledger-empty", { "resilience-gates.io/restore-proof": "ledger-db" });
      const bad = await judge(bundle, "restore-proofs", options, undefined, FIXTURE_NOW);
      expect(bad.verdict).toBe("block");
      expect(named(bad).sort()).toEqual(["RP-004 ConfigMap accounts/ledger-tampered", "RP-009 ConfigMap accounts/ledger-empty"]);
      expect(bad.findings.find((f) => f.rule === "RP-009")?.message).toContain("ConfigMap accounts/ledger-empty is labelled resilience-gates.io/restore-proof but has no data key proof.json");
      expect(bad.findings.every((f) => f.location === undefined)).toBe(true);
    });
  });

  describe("drill publish", () => {
    it("publishes a proof as the labelled ConfigMap the gate reads, replacing an older one", async () => {
      await createNamespace(server, "drills");
      const data = "fixtures/restore-proofs/data";
      const file = (name: string) => join(repoRoot, data, "proofs", name);
      const options = { catalog: `${data}/catalog.yaml`, publicKey: `${data}/keys/drill-public-key.pem`, cluster: { namespace: "drills" } };
      expect(await publishProof(file("ledger-failed.json"), "ledger-failed.json", { namespace: "drills" })).toEqual({ namespace: "drills", name: "restore-proof-ledger-db", store: "ledger-db" });
      const failed = await judge(bundle, "restore-proofs", options, undefined, FIXTURE_NOW);
      expect(failed.findings.map((f) => f.rule)).toContain("RP-002");
      await publishProof(file("ledger-passed.json"), "ledger-passed.json", { namespace: "drills" });
      const passed = await judge(bundle, "restore-proofs", options, undefined, FIXTURE_NOW);
      expect(passed.findings).toEqual([]);
      expect(passed.stats).toMatchObject({ configMaps: 1 });
      await expect(publishProof(file("ledger-passed.json"), "ledger-passed.json", { context: "restricted", namespace: "drills" })).rejects.toThrow(
        /cannot publish ledger-passed.json as ConfigMap drills\/restore-proof-ledger-db \(context restricted\): HTTP 403: .*cannot create resource "configmaps".* \(the drill's service account needs "create" and "update"/,
      );
    });
  });

  describe("the RBAC chart", () => {
    it("grants get and list on exactly the kinds the gates read, and that is enough", async () => {
      const objects = await renderChart(workspace, {
        path: "charts/resilience-gates-rbac",
        namespace: "accounts",
        set: ["namespaces={accounts}", "subjects[0].kind=User", "subjects[0].name=restricted", "subjects[0].apiGroup=rbac.authorization.k8s.io"],
      });
      const roles = objects.filter((object) => object.ref.kind === "Role");
      const granted = roles.flatMap((role) =>
        (role.object.rules as { apiGroups: string[]; resources: string[]; verbs: string[] }[]).flatMap((rule) => {
          expect(rule.verbs).toEqual(["get", "list"]);
          return rule.apiGroups.flatMap((group) => rule.resources.map((resource) => (group === "" ? resource : `${resource}.${group}`)));
        }),
      );
      const read = new Set([...WORKLOAD_RESOURCE_TYPES, ...BACKUP_RESOURCE_TYPES, PROOF_RESOURCE_TYPE].map(rbacResource));
      expect(new Set(granted)).toEqual(read);
      expect(granted).toHaveLength(read.size);
      expect(roles.map((role) => role.ref.namespace).sort()).toEqual(["accounts", "velero"]);

      const order = ["ServiceAccount", "Role", "RoleBinding"];
      for (const object of [...objects].sort((a, b) => order.indexOf(a.ref.kind) - order.indexOf(b.ref.kind))) {
        const base = object.ref.kind === "ServiceAccount" ? "/api/v1" : "/apis/rbac.authorization.k8s.io/v1";
        const plural = { ServiceAccount: "serviceaccounts", Role: "roles", RoleBinding: "rolebindings" }[object.ref.kind];
        await server.must("POST", `${base}/namespaces/${object.ref.namespace}/${plural}`, object.object);
      }
      const catalog = write("rbac-catalog.yaml", catalogYaml([{ name: "accounts-db", tier: 2 }]));
      const asRestricted = { context: "restricted", namespace: "accounts" };
      const backups = await judge(bundle, "backups", { catalog, cluster: asRestricted });
      expect(backups.error).toBeUndefined();
      const pods = await judge(bundle, "security-context", { cluster: asRestricted });
      expect(pods.error).toBeUndefined();
      const proofs = await judge(bundle, "restore-proofs", { catalog, publicKey: "fixtures/restore-proofs/data/keys/drill-public-key.pem", cluster: asRestricted });
      expect(proofs.error).toBeUndefined();
      // Without the ClusterRole, all namespaces stay closed.
      const all = await judge(bundle, "security-context", { cluster: { context: "restricted", allNamespaces: true } });
      expect(all.verdict).toBe("error");
      expect(all.error).toMatch(/RBAC does not allow user restricted \(context restricted\) to list \S+ at cluster scope \(all namespaces\)/);
    });
  });

  describe("the command line", () => {
    it("takes --cluster, --context, --namespace and --all-namespaces", () => {
      const env = { KUBECONFIG: server.kubeconfig };
      const shop = runCli(["check", "security-context", "--cluster", "--namespace", "shop", "--format", "json", "--quiet"], { env });
      expect(shop.status, shop.stderr + shop.stdout.slice(0, 2000)).toBe(1);
      const report = JSON.parse(shop.stdout) as { gates: { findings: { rule: string; resource: { kind: string; namespace: string; name: string } }[] }[] };
      const privileged = report.gates[0]?.findings.filter((finding) => finding.rule === "SC-001").map((finding) => `${finding.resource.kind} ${finding.resource.namespace}/${finding.resource.name}`);
      expect(privileged?.sort()).toEqual(["Deployment shop/api", "Pod shop/debug"]);
      const denied = runCli(["check", "security-context", "--cluster", "--context", "restricted", "--all-namespaces"], { env });
      expect(denied.status).toBe(2);
      expect(denied.stdout + denied.stderr).toMatch(/RBAC does not allow user restricted \(context restricted\) to list \S+ at cluster scope/);
    });
  });

  describe("faults are errors, never a pass", () => {
    const kubeconfigFor = (serverUrl: string) =>
      write(
        `kubeconfig-${serverUrl.replace(/\W/g, "")}.yaml`,
        `apiVersion: v1\nkind: Config\nclusters:\n  - name: c\n    cluster:\n      server: ${serverUrl}\n      insecure-skip-tls-verify: true\nusers:\n  - name: u\n    user:\n      token: t\ncontexts:\n  - name: elsewhere\n    context:\n      cluster: c\n      user: u\ncurrent-context: elsewhere\n`,
      );
    const withKubeconfig = async <T>(file: string, run: () => Promise<T>): Promise<T> => {
      process.env.KUBECONFIG = join(repoRoot, file);
      try {
        return await run();
      } finally {
        process.env.KUBECONFIG = server.kubeconfig;
      }
    };

    it("names the verb and resource RBAC lacks (403 on one kind)", async () => {
      await server.must("POST", "/apis/rbac.authorization.k8s.io/v1/namespaces/ledger/roles", {
        apiVersion: "rbac.authorization.k8s.io/v1",
        kind: "Role",
        metadata: { name: "almost", namespace: "ledger" },
        rules: [
          { apiGroups: [""], resources: ["pods"], verbs: ["get", "list"] },
          { apiGroups: ["apps"], resources: ["deployments", "statefulsets", "daemonsets", "replicasets"], verbs: ["get", "list"] },
          { apiGroups: ["batch"], resources: ["jobs"], verbs: ["get", "list"] },
        ],
      });
      await server.must("POST", "/apis/rbac.authorization.k8s.io/v1/namespaces/ledger/rolebindings", {
        apiVersion: "rbac.authorization.k8s.io/v1",
        kind: "RoleBinding",
        metadata: { name: "almost", namespace: "ledger" },
        roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "almost" },
        subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "User", name: "restricted" }],
      });
      const result = await judge(bundle, "security-context", { cluster: { context: "restricted", namespace: "ledger" } });
      expect(result.verdict).toBe("error");
      expect(result.error).toContain('RBAC does not allow user restricted (context restricted) to list cronjobs.batch in namespace ledger: grant verb "list" on resource "cronjobs" in API group "batch"');
      expect(result.error).toContain('User "restricted" cannot list resource "cronjobs" in API group "batch" in the namespace "ledger"');
    });

    it("reports credentials the API server rejects (401)", async () => {
      const result = await judge(bundle, "security-context", { cluster: { context: "revoked" } });
      expect(result.verdict).toBe("error");
      expect(result.error).toMatch(/rejected the credentials of user revoked \(context revoked\) with 401 Unauthorized/);
    });

    it("names the CRD that is not installed when the configuration requires it, and skips it otherwise", async () => {
      const catalog = write("k8up-catalog.yaml", catalogYaml([{ name: "ledger-db", tier: 1 }]));
      const required = await judge(bundle, "backups", { catalog, cluster: { namespace: "ledger", require: ["k8up"] } });
      expect(required.verdict).toBe("error");
      expect(required.error).toMatch(/the CustomResourceDefinition (schedules|backups)\.k8up\.io \(k8up\.io\/v1 (Schedule|Backup)\) is not installed/);
      const lines: string[] = [];
      const logger: Logger = { info: (message) => lines.push(message), warn: () => {}, debug: () => {} };
      const optional = await judge(bundle, "backups", { catalog, cluster: { namespace: "ledger" } }, logger);
      expect(optional.error).toBeUndefined();
      expect(lines).toContain("Schedule (k8up.io/v1) is not served: the CustomResourceDefinition schedules.k8up.io is not installed; none read");
    });

    it("reports an API server that cannot be reached", async () => {
      const port = await freePort();
      const result = await withKubeconfig(kubeconfigFor(`https://127.0.0.1:${port}`), () => judge(bundle, "security-context", { cluster: true }));
      expect(result.verdict).toBe("error");
      expect(result.error).toContain(`cannot reach the Kubernetes API server https://127.0.0.1:${port} (context elsewhere): ECONNREFUSED`);
    });

    it("reports an API server that does not answer in time", async () => {
      const silent: Server = createServer(() => {});
      await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
      const port = (silent.address() as { port: number }).port;
      try {
        const result = await withKubeconfig(kubeconfigFor(`https://127.0.0.1:${port}`), () => judge(bundle, "backups", { catalog: write("t.yaml", catalogYaml([{ name: "t-db", tier: 1 }])), cluster: { timeoutSeconds: 1 } }));
        expect(result.verdict).toBe("error");
        expect(result.error).toMatch(new RegExp(`the API server https://127\\.0\\.0\\.1:${port} \\(context elsewhere\\) did not answer GET /apis/\\S+ \\(\\S+\\) within 1s`));
      } finally {
        silent.close();
      }
    });

    it("takes a k8up Backup's Completed condition once its CRDs are installed", async () => {
      await installCrds(server, "k8up.yaml");
      const catalog = write("files-catalog.yaml", catalogYaml([{ name: "files-store", tier: 1 }]));
      const schedule = await server.must("POST", "/apis/k8up.io/v1/namespaces/orders/schedules", {
        apiVersion: "k8up.io/v1",
        kind: "Schedule",
        metadata: { name: "files", namespace: "orders", labels: { "resilience-gates.io/store": "files-store" } },
        spec: { backup: { schedule: "*/20 * * * *" }, prune: { schedule: "0 * * * *", retention: { keepDaily: 120 } } },
      });
      const owner = { apiVersion: "k8up.io/v1", kind: "Schedule", name: "files", uid: (schedule.metadata as { uid: string }).uid, controller: true };
      const now = Math.floor(Date.now() / 1000) * 1000;
      const backup = async (name: string, reason: string, secondsAgo: number) => {
        await server.must("POST", "/apis/k8up.io/v1/namespaces/orders/backups", { apiVersion: "k8up.io/v1", kind: "Backup", metadata: { name, namespace: "orders", ownerReferences: [owner] }, spec: {} });
        await patchStatus(server, `/apis/k8up.io/v1/namespaces/orders/backups/${name}`, {
          conditions: [{ type: "Completed", status: "True", reason, message: "", lastTransitionTime: ago(secondsAgo, now) }],
        });
      };
      await backup("files-1", "Succeeded", 2 * 3600);
      const options = { catalog, cluster: { namespace: "orders", veleroNamespace: "empty", require: ["k8up"] } };
      const stale = await judge(bundle, "backups", options, undefined, new Date(now));
      expect(stale.findings.find((f) => f.rule === "BK-004")?.message).toContain("last successful backup finished 2h00m ago (k8up Backup orders/files-1 in cluster context admin)");
      await backup("files-2", "Failed", 900);
      await backup("files-3", "Succeeded", 600);
      const fresh = await judge(bundle, "backups", options);
      expect(fresh.findings.map((f) => f.rule)).toEqual([]);
    });

    it("says when there is no kubeconfig to read", async () => {
      const home = process.env.HOME;
      process.env.HOME = join(repoRoot, scratch.slice(repoRoot.length + 1));
      delete process.env.KUBECONFIG;
      try {
        const result = await judge(bundle, "security-context", { cluster: true });
        expect(result.verdict).toBe("error");
        expect(result.error).toMatch(/^cluster: no Kubernetes cluster to read: no kubeconfig with a current context was found/);
      } finally {
        process.env.HOME = home;
        process.env.KUBECONFIG = server.kubeconfig;
      }
    });

    it("refuses a context the kubeconfig does not have", async () => {
      const result = await judge(bundle, "security-context", { cluster: { context: "nope" } });
      expect(result.verdict).toBe("error");
      expect(result.error).toBe("cluster: the kubeconfig has no context nope (it has admin, restricted, revoked)");
    });
  });
});

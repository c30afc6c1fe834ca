import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import { silentLogger, type Logger } from "../../src/engine/logger.js";
import type { PolicyBundle } from "../../src/engine/policy.js";
import { runGates } from "../../src/engine/run.js";
import type { GateResult } from "../../src/engine/types.js";
import { repoRoot } from "../support/cli.js";
import type { TestApiServer } from "../support/apiserver.js";

export const workspace = { root: repoRoot, base: repoRoot };

/** Runs one gate through the whole engine (collector, input schema, compiled policy, waivers). */
export async function judge(bundle: PolicyBundle, gate: string, options: object, logger: Logger = silentLogger, now = new Date()): Promise<GateResult> {
  const report = await runGates({ config: { workspace, gates: {}, policies: [], rules: {} }, gates: [[gate, options as Record<string, unknown>]], now, logger }, bundle);
  return report.gates[0] as GateResult;
}

/** "SC-001 Deployment shop/api": what a finding says and names. */
export const named = (result: GateResult) =>
  result.findings.map((finding) => `${finding.rule} ${finding.resource?.kind} ${finding.resource?.namespace ? `${finding.resource.namespace}/` : ""}${finding.resource?.name}`);

/** Installs the CRDs of a fixture file and waits until the API server serves them. */
export async function installCrds(server: TestApiServer, file: string): Promise<void> {
  const documents = parseAllDocuments(readFileSync(join(repoRoot, "fixtures", "cluster", "crds", file), "utf8")).map((document) => document.toJS() as Record<string, unknown>);
  for (const crd of documents) await server.must("POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd);
  for (const crd of documents) {
    const spec = crd.spec as { group: string; names: { plural: string } };
    for (let attempt = 0; ; attempt++) {
      const served = await server.call("GET", `/apis/${spec.group}/v1/${spec.names.plural}`);
      if (served.status === 200) break;
      if (attempt > 100) throw new Error(`CRD ${spec.names.plural}.${spec.group} was not served within 10 s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export async function createNamespace(server: TestApiServer, name: string): Promise<void> {
  await server.must("POST", "/api/v1/namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name } });
}

/** Patches the status subresource, as the object's controller would. */
export function patchStatus(server: TestApiServer, path: string, status: Record<string, unknown>): Promise<Record<string, unknown>> {
  return server.must("PATCH", `${path}/status`, { status }, "application/merge-patch+json");
}

export const ago = (seconds: number, from = Date.now()) => new Date(from - seconds * 1000).toISOString().replace(/\.\d+Z$/, "Z");

/** A pod spec; `insecure` runs privileged as root, otherwise it meets Pod Security restricted. */
export function podSpec(insecure: boolean): Record<string, unknown> {
  return insecure
    ? { containers: [{ name: "app", image: "registry.example/app:1.0.0", securityContext: { privileged: true } }] }
    : {
        automountServiceAccountToken: false,
        securityContext: { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: "RuntimeDefault" } },
        containers: [
          {
            name: "app",
            image: "registry.example/app@sha256:0000000000000000000000000000000000000000000000000000000000000000",
            resources: { requests: { cpu: "100m", memory: "64Mi" }, limits: { memory: "128Mi" } },
            livenessProbe: { httpGet: { path: "/livez", port: 8080 } },
            readinessProbe: { httpGet: { path: "/readyz", port: 8080 } },
            securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } },
          },
        ],
      };
}

export function deployment(name: string, namespace: string, insecure: boolean): Record<string, unknown> {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace },
    spec: { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: podSpec(insecure) } },
  };
}

export function cronJob(name: string, namespace: string, options: { store?: string; schedule?: string; suspend?: boolean } = {}): Record<string, unknown> {
  return {
    apiVersion: "batch/v1",
    kind: "CronJob",
    metadata: {
      name,
      namespace,
      annotations: { "resilience-gates.io/retention": "120d" },
      ...(options.store ? { labels: { "resilience-gates.io/store": options.store } } : {}),
    },
    spec: {
      schedule: options.schedule ?? "*/15 * * * *",
      ...(options.suspend ? { suspend: true } : {}),
      jobTemplate: { spec: { template: { spec: { ...podSpec(false), restartPolicy: "OnFailure" } } } },
    },
  };
}

/** A catalog with one store per entry, written inside the repository (inputs may not leave it). */
export function catalogYaml(stores: { name: string; tier: number }[]): string {
  return `services:\n  - name: payments\n    owner: team-payments\n    tier: 1\n    stores:\n${stores.map((store) => `      - name: ${store.name}\n        engine: postgres\n        tier: ${store.tier}\n`).join("")}`;
}

// helm template runs for a Kubernetes version (the real helm in .tools/bin): without --kube-version helm 3
// renders for v1.20, so a chart's `kubeVersion:` constraint failed and `.Capabilities` picked old branches.
import { describe, expect, it } from "vitest";
import { ConfigurationError } from "../../src/engine/errors.js";
import { renderChart } from "../../src/sources/helm.js";
import { PINNED_KUBERNETES_VERSION } from "../../src/sources/pod-security.js";
import { repoRoot } from "../support/cli.js";

const workspace = { root: repoRoot, base: repoRoot };
const chart = "fixtures/charts/capabilities";

function podSpec(objects: Awaited<ReturnType<typeof renderChart>>): Record<string, unknown> {
  const deployment = objects.find((object) => object.ref.kind === "Deployment");
  return (deployment?.object as { spec: { template: { spec: Record<string, unknown> } } }).spec.template.spec;
}

describe("helm template for a Kubernetes version", () => {
  it("renders for the pinned Kubernetes by default: the kubeVersion constraint holds and the new branch is taken", async () => {
    expect(PINNED_KUBERNETES_VERSION).toBe("v1.37.2");
    const spec = podSpec(await renderChart(workspace, { path: chart }));
    expect(spec.securityContext).toEqual({ runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } });
    expect(spec.initContainers).toBeUndefined();
  });

  it("takes the chart's kubeVersion over the default, and the gate's default over the pinned one", async () => {
    const old = podSpec(await renderChart(workspace, { path: chart, kubeVersion: "v1.31" }));
    expect(old.securityContext).toMatchObject({ seccompProfile: { type: "Unconfined" } });
    const byDefault = podSpec(await renderChart(workspace, { path: chart }, "v1.32.0"));
    expect(byDefault.securityContext).toMatchObject({ seccompProfile: { type: "Unconfined" } });
    const own = podSpec(await renderChart(workspace, { path: chart, kubeVersion: "1.33.1" }, "v1.32.0"));
    expect(own.securityContext).toMatchObject({ seccompProfile: { type: "RuntimeDefault" } });
  });

  it("passes --api-versions, which .Capabilities.APIVersions.Has sees", async () => {
    const spec = podSpec(await renderChart(workspace, { path: chart, apiVersions: ["cilium.io/v2", "monitoring.coreos.com/v1/ServiceMonitor"] }));
    expect(spec.initContainers).toMatchObject([{ name: "mount-bpf", securityContext: { privileged: true } }]);
  });

  it("a version the chart's kubeVersion excludes is an error at the constraint's line", async () => {
    const error = await renderChart(workspace, { path: chart, kubeVersion: "v1.29.4" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).message).toMatch(/chart requires kubeVersion: >=1\.30\.0-0 which is incompatible with Kubernetes v1\.29\.4/);
    expect((error as ConfigurationError).location).toEqual({ file: `${chart}/Chart.yaml`, line: 5 });
  });

  it("refuses a version helm would misread, before running helm", async () => {
    await expect(renderChart(workspace, { path: chart, kubeVersion: "latest" })).rejects.toThrow(/kubeVersion "latest" is not a Kubernetes version/);
  });
});

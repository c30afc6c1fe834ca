import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load.js";

function project(config: string): string {
  const root = mkdtempSync(join(tmpdir(), "rg-config-"));
  mkdirSync(join(root, ".git"));
  mkdirSync(join(root, ".resilience"));
  writeFileSync(join(root, ".resilience", "gates.yaml"), config);
  return root;
}

function loadError(root: string): string {
  try {
    loadConfig({ cwd: root });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected an error");
}

describe("loading .resilience/gates.yaml", () => {
  it("resolves paths against the directory holding .resilience/", () => {
    const root = project("version: 1\ngates:\n  security-context:\n    manifests: ['deploy/*.yaml']\n");
    const config = loadConfig({ cwd: root });
    expect(config.file).toBe(".resilience/gates.yaml");
    expect(config.workspace).toMatchObject({ root, base: root, reads: { used: 0, limits: { maxFileBytes: 16 * 1024 * 1024, maxTotalBytes: 64 * 1024 * 1024 } } });
    expect(config.gates["security-context"]).toEqual({ manifests: ["deploy/*.yaml"] });
  });

  it("names the file, line and key of an unknown key", () => {
    const root = project("version: 1\ngates:\n  security-context:\n    manifest: ['deploy/*.yaml']\n");
    expect(loadError(root)).toBe(
      ".resilience/gates.yaml:4:5: `gates.security-context` has unknown key `manifest` (and 1 more: line 3: `gates.security-context` needs at least one of `manifests`, `charts`, `kustomize`, `cluster`)",
    );
  });

  it("names the line of a wrong type deep in the config", () => {
    const root = project("version: 1\ngates:\n  security-context:\n    charts:\n      - path: charts/app\n        values: values.yaml\n");
    expect(loadError(root)).toBe(".resilience/gates.yaml:6:9: `gates.security-context.charts.0.values` must be array");
  });

  it("takes a chart's kubeVersion and apiVersions, and names a version helm would misread", () => {
    const good = project("version: 1\ngates:\n  security-context:\n    charts:\n      - path: charts/app\n        kubeVersion: v1.33.2\n        apiVersions: [cilium.io/v2]\n");
    expect(loadConfig({ cwd: good }).gates["security-context"]).toMatchObject({ charts: [{ kubeVersion: "v1.33.2", apiVersions: ["cilium.io/v2"] }] });
    const bad = project("version: 1\ngates:\n  backups:\n    charts:\n      - path: charts/app\n        kubeVersion: latest\n");
    expect(loadError(bad)).toMatch(/^\.resilience\/gates\.yaml:6:9: `gates\.backups\.charts\.0\.kubeVersion` must match pattern/);
  });

  it("refuses an unknown gate, a wrong version and a policy directory outside the repository", () => {
    expect(loadError(project("version: 1\ngates:\n  securty-context: {}\n"))).toBe(".resilience/gates.yaml:3:3: `gates` has unknown key `securty-context`");
    expect(loadError(project("version: 2\n"))).toBe(".resilience/gates.yaml:1:1: `version` must be 1");
    expect(loadError(project("version: 1\npolicies: ['../../etc']\n"))).toMatch(/^policy directory \.\.\/\.\.\/etc is outside the repository/);
  });

  it("reports malformed YAML with its line", () => {
    expect(loadError(project("version: 1\ngates: [\n"))).toMatch(/^\.resilience\/gates\.yaml:\d+:\d+: invalid YAML/);
  });
});

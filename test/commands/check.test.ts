import { describe, expect, it } from "vitest";
import { defaultGates, planGates, spreadListFlags } from "../../src/commands/check.js";

describe("check's command line", () => {
  it("takes the words after a repeatable flag as more of its values, up to a flag or a gate id", () => {
    expect(spreadListFlags(["migrations", "--files", "a.sql", "b.sql", "--base", "main", "c.sql"])).toEqual([
      "migrations", "--files", "a.sql", "--files", "b.sql", "--base", "main", "c.sql",
    ]);
    expect(spreadListFlags(["--manifests", "a.yaml", "b.yaml", "security-context"])).toEqual([
      "--manifests", "a.yaml", "--manifests", "b.yaml", "security-context",
    ]);
    expect(spreadListFlags(["--files", "a.sql", "--", "b.sql"])).toEqual(["--files", "a.sql", "--", "b.sql"]);
  });

  it("runs the release gate by default only on a tag ref", () => {
    const configured = { "security-context": {}, release: {} };
    expect(defaultGates(configured, { GITHUB_REF: "refs/heads/main" })).toEqual(["security-context"]);
    expect(defaultGates(configured, { GITHUB_REF: "refs/tags/v1.2.0" })).toEqual(["security-context", "release"]);
    expect(planGates(["release"], {}, { release: { tag: "v1" } }, undefined, {})).toEqual([["release", { tag: "v1" }]]);
  });
});

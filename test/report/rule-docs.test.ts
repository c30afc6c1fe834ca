import { describe, expect, it } from "vitest";
import { ruleDocs, ruleDocsDrift } from "../../scripts/gen-rule-docs.js";
import { repoRoot } from "../support/cli.js";

describe("docs/rules/", () => {
  it("matches dist/rules.json (scripts/gen-rule-docs.ts --check)", () => {
    expect(ruleDocsDrift(repoRoot)).toEqual([]);
  });

  it("has a page per rule, with the description, the fix and the rule's source", () => {
    const docs = ruleDocs(repoRoot);
    const page = docs.get("REL-005.md")!;
    expect(page).toContain("# REL-005: Gate check run was written by an untrusted app");
    expect(page).toMatch(/\[policies\/release\/rel_005_untrusted_app\.rego:\d+\]\(\.\.\/\.\.\/policies\/release\/rel_005_untrusted_app\.rego#L\d+\)/);
    expect(docs.get("README.md")).toContain("| [WAIVER-001](WAIVER-001.md) | block | Waiver has expired |");
  });
});

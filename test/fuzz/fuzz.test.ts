// The bounded fuzz run of `npm test`: every gate with every mutation class twice, through the built CLI.
// `npm run fuzz -- --cases N` runs the same campaign longer.
import { describe, expect, it } from "vitest";
import { fuzzCases, MUTATIONS, bases } from "./cases.js";
import { runFuzz, summarize } from "./run.js";

describe("fuzz campaign (bounded)", () => {
  it("no mutated input crashes, hangs, passes silently, leaks a secret or fails without naming the file", async () => {
    const count = bases().length * MUTATIONS.length * 2;
    const cases = fuzzCases(count, 20261203);
    const covered = new Set(cases.map((testCase) => `${testCase.gate} ${testCase.mutation.kind}`));
    expect(covered.size).toBe(bases().length * MUTATIONS.length);
    const results = await runFuzz(cases);
    const failing = results.filter((result) => result.violations.length > 0);
    expect(failing.length, summarize(results)).toBe(0);
    // Each class of broken input ends as a finding or an error for some case, not only as a pass.
    expect(results.filter((result) => result.code === 2).length).toBeGreaterThan(count / 4);
  }, 300_000);
});

import { readFileSync } from "node:fs";

export interface ExpectedFinding {
  rule: string;
  line: number;
  column: number;
}

/**
 * Reads a fixture's `# expect:` header (`-- expect:` in SQL): `# expect: none` or `# expect: SC-005@14:9 SC-016@10:7`.
 * Several `# expect:` lines add up. A fixture without one is a mistake, not a pass.
 */
export function fixtureExpectations(file: string): ExpectedFinding[] {
  const text = readFileSync(file, "utf8");
  const headers = [...text.matchAll(/^(?:#|--) expect:(.*)$/gm)].map((match) => (match[1] ?? "").trim());
  if (headers.length === 0) throw new Error(`${file} has no "# expect:" header`);
  const expected: ExpectedFinding[] = [];
  for (const header of headers) {
    if (header === "none") continue;
    for (const token of header.split(/[\s,]+/).filter(Boolean)) {
      const match = /^([A-Z]+-[A-Z0-9-]+)@(\d+):(\d+)$/.exec(token);
      if (!match) throw new Error(`${file}: cannot read expectation ${token} (want RULE@LINE:COL)`);
      expected.push({ rule: match[1] as string, line: Number(match[2]), column: Number(match[3]) });
    }
  }
  return expected;
}

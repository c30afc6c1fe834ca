// The gate against upstream: thousands of generated pod specs and pod templates (test/support/pod-arbitrary.ts)
// judged by the gate (collector + WebAssembly policy) and by k8s.io/pod-security-admission v0.37.2's
// policy.NewEvaluator(policy.DefaultChecks()) in tools/k8s-reference, at both levels and every version from
// v1.23 to v1.37. For each case, level, version and check: the same verdict, the same containers named,
// and the same pod-level attribution. A failure is shrunk and printed as a fixture file.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { entrypointOf } from "../../src/engine/bundle.js";
import { silentLogger } from "../../src/engine/logger.js";
import { loadBuiltInBundle, type PolicyBundle } from "../../src/engine/policy.js";
import type { PolicyFinding } from "../../src/engine/types.js";
import { securityContextGate } from "../../src/gates/security-context/index.js";
import { LATEST_POD_SECURITY_MINOR, OLDEST_POD_SECURITY_MINOR } from "../../src/sources/pod-security.js";
import { repoRoot } from "../support/cli.js";
import { askReference, k8sReference } from "../support/k8s-reference.js";
import { caseTree, podCase, renderTree, TEMPLATE_PATHS } from "../support/pod-arbitrary.js";

interface CheckFailure {
  pod: boolean;
  containers: string[];
  detail: string;
}
interface PsaAnswer {
  id: number;
  error?: string;
  results?: { level: string; version: string; checks: Record<string, CheckFailure> }[];
}
type Level = "baseline" | "restricted";
interface Verdict {
  pod: boolean;
  containers: string[];
}

const reference = k8sReference();
const LEVELS: Level[] = ["baseline", "restricted"];

/** Upstream check → the gate's rule. */
const BASELINE_RULES: Record<string, string> = {
  privileged: "SC-001",
  hostNamespaces: "SC-002",
  windowsHostProcess: "SC-003",
  capabilities_baseline: "SC-004",
  hostPathVolumes: "SC-006",
  hostPorts: "SC-007",
  appArmorProfile: "SC-008",
  seLinuxOptions: "SC-009",
  procMount: "SC-010",
  seccompProfile_baseline: "SC-011",
  sysctls: "SC-013",
  hostProbesAndHostLifecycle: "SC-014",
};
const RESTRICTED_RULES: Record<string, string> = {
  allowPrivilegeEscalation: "SC-005",
  seccompProfile_restricted: "SC-012",
  restrictedVolumes: "SC-015",
  runAsNonRoot: "SC-016",
  runAsUser: "SC-017",
  capabilities_restricted: "SC-018",
};
/** Baseline checks that upstream replaces at restricted, by the check that replaces them. */
const OVERRIDDEN: Record<string, string> = {
  capabilities_baseline: "capabilities_restricted",
  seccompProfile_baseline: "seccompProfile_restricted",
  hostPathVolumes: "restrictedVolumes",
};
const RULES = [...Object.values(BASELINE_RULES), ...Object.values(RESTRICTED_RULES)];

/**
 * What upstream says of each rule at a level and version. A rule whose baseline check restricted replaces
 * (SC-004, SC-006, SC-011) fails at restricted when the baseline check fails and its replacement too: the gate
 * keeps reporting it beside the restricted rule, except where the replacement admits the pod (Windows
 * from v1.25). procMount is procMount_restricted at restricted from v1.35.
 */
function expected(answer: PsaAnswer, level: Level, version: string): Map<string, Verdict> {
  const at = (l: Level) => answer.results?.find((result) => result.level === l && result.version === version)?.checks ?? {};
  const baseline = at("baseline");
  const here = at(level);
  const verdicts = new Map<string, Verdict>();
  for (const [check, rule] of Object.entries(BASELINE_RULES)) {
    let failure = here[check];
    if (level === "restricted" && check === "procMount") failure = here.procMount_restricted ?? here.procMount;
    if (level === "restricted" && OVERRIDDEN[check]) failure = here[OVERRIDDEN[check]] ? baseline[check] : undefined;
    if (failure) verdicts.set(rule, { pod: failure.pod, containers: [...failure.containers].sort() });
  }
  if (level === "restricted") {
    for (const [check, rule] of Object.entries(RESTRICTED_RULES)) {
      const failure = here[check];
      if (failure) verdicts.set(rule, { pod: failure.pod, containers: [...failure.containers].sort() });
    }
  }
  return verdicts;
}

/** The gate's findings per rule: whether one is on a pod-level field, and the containers named. */
function gateVerdicts(findings: readonly PolicyFinding[], template: Record<string, unknown>): Map<string, Verdict> {
  const verdicts = new Map<string, Verdict>();
  const spec = (template.spec ?? {}) as Record<string, unknown>;
  for (const finding of findings) {
    if (!RULES.includes(finding.rule)) continue;
    const verdict = verdicts.get(finding.rule) ?? { pod: false, containers: [] };
    const [first, list, index] = (finding.path ?? []) as (string | number)[];
    const entries = first === "spec" && typeof list === "string" && /ontainers$/.test(list) ? spec[list] : undefined;
    const entry = Array.isArray(entries) && typeof index === "number" ? (entries[index] as { name?: unknown } | undefined) : undefined;
    if (entry && typeof entry.name === "string") {
      if (!verdict.containers.includes(entry.name)) verdict.containers.push(entry.name);
    } else verdict.pod = true;
    verdicts.set(finding.rule, verdict);
  }
  for (const verdict of verdicts.values()) verdict.containers.sort();
  return verdicts;
}

function describeVerdict(verdict: Verdict | undefined): string {
  if (!verdict) return "passes";
  return `fails (${[verdict.pod ? "pod" : "", ...verdict.containers.map((name) => `container ${name}`)].filter(Boolean).join(", ") || "nothing named"})`;
}

let bundle: PolicyBundle;
let directory: string;
beforeAll(async () => {
  bundle = await loadBuiltInBundle();
  directory = mkdtempSync(join(repoRoot, ".work-differential-"));
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** A pod and the level and version it is judged at (beside restricted, latest). */
const differentialCase = fc.record({
  pod: podCase,
  level: fc.constantFrom<Level>("baseline", "restricted"),
  minor: fc.integer({ min: OLDEST_POD_SECURITY_MINOR, max: LATEST_POD_SECURITY_MINOR }),
});
type DifferentialCase = typeof differentialCase extends fc.Arbitrary<infer T> ? T : never;

/** The settings a case is judged at: its own and restricted latest. */
function settingsOf(sample: DifferentialCase): { level: Level; minor: number }[] {
  const own = { level: sample.level, minor: sample.minor };
  return own.level === "restricted" && own.minor === LATEST_POD_SECURITY_MINOR ? [own] : [own, { level: "restricted", minor: LATEST_POD_SECURITY_MINOR }];
}

interface Judged {
  texts: string[];
  answers: PsaAnswer[];
  /** Per case: its workload's template and the findings per "level/minor". */
  gate: { template: Record<string, unknown>; findings: Map<string, PolicyFinding[]> }[];
}

/**
 * Both sides on the same YAML texts: one k8s-reference process (both levels at each version the case is
 * judged at), one collection, one evaluation in which each workload is copied once per setting.
 */
async function judge(samples: readonly DifferentialCase[], file = "cases.yaml"): Promise<Judged> {
  const texts = samples.map((sample, id) => renderTree(caseTree(sample.pod, `case-${id}`)));
  const answers = await askReference<PsaAnswer>(
    reference as string,
    "psa",
    texts.map((yaml, id) => {
      const sample = samples[id] as DifferentialCase;
      return { id, yaml, templatePath: TEMPLATE_PATHS[sample.pod.kind], levels: LEVELS, versions: [...new Set(settingsOf(sample).map((s) => `v1.${s.minor}`))] };
    }),
  );
  writeFileSync(join(directory, file), texts.map((text) => `---\n${text}`).join(""));
  const collected = await securityContextGate.collect(
    { workspace: { root: repoRoot, base: directory }, logger: silentLogger, now: new Date("2026-12-01T00:00:00Z") },
    { manifests: [file] },
  );
  expect(collected.errors ?? []).toEqual([]);
  const workloads = (collected.input?.workloads ?? []) as { id: number; name: string; template: Record<string, unknown> }[];
  const gate = texts.map(() => ({ template: {} as Record<string, unknown>, findings: new Map<string, PolicyFinding[]>() }));
  const copies: { id: number; template: Record<string, unknown>; pod_security: { level: Level; minor: number } }[] = [];
  const copyOf: { case: number; key: string }[] = [];
  for (const workload of workloads) {
    const id = Number(/^case-(\d+)$/.exec(workload.name)?.[1] ?? -1);
    const entry = gate[id];
    if (!entry) continue;
    entry.template = workload.template;
    for (const setting of settingsOf(samples[id] as DifferentialCase)) {
      const key = `${setting.level}/${setting.minor}`;
      entry.findings.set(key, []);
      copyOf.push({ case: id, key });
      copies.push({ ...workload, id: copies.length, pod_security: setting });
    }
  }
  // In slices, as the engine evaluates independent workloads: a large input costs more than linear time.
  for (let start = 0; start < copies.length; start += 100) {
    for (const finding of bundle.evaluate(entrypointOf("security-context"), { workloads: copies.slice(start, start + 100), now: 0 })) {
      const copy = copyOf[finding.workload as number];
      if (copy) gate[copy.case]?.findings.get(copy.key)?.push(finding);
    }
  }
  return { texts, answers, gate };
}

/** The first disagreement of one case, in words; undefined when gate and upstream agree. */
function disagreement(judged: Judged, samples: readonly DifferentialCase[], id: number): string | undefined {
  const answer = judged.answers[id] as PsaAnswer;
  if (answer.error) return undefined; // Kubernetes cannot decode it (a string in a boolean field): no pod to judge.
  const gate = judged.gate[id];
  if (!gate || gate.findings.size === 0) return "the gate found no workload";
  for (const { level, minor } of settingsOf(samples[id] as DifferentialCase)) {
    const want = expected(answer, level, `v1.${minor}`);
    const got = gateVerdicts(gate.findings.get(`${level}/${minor}`) ?? [], gate.template);
    for (const rule of RULES) {
      const a = describeVerdict(want.get(rule));
      const b = describeVerdict(got.get(rule));
      if (a !== b) return `${level} v1.${minor} ${rule}: upstream ${a}, the gate ${b}`;
    }
  }
  return undefined;
}

describe.skipIf(!reference)("security-context equals k8s.io/pod-security-admission v0.37.2", () => {
  it("on 1,500 generated pods and templates, each at its own level and version and at restricted latest", async () => {
    const started = performance.now();
    const samples = fc.sample(differentialCase, { numRuns: 1500, seed: 1437 });
    const judged = await judge(samples);
    const decoded = judged.answers.filter((answer) => !answer.error).length;
    const problems = samples.map((_, id) => disagreement(judged, samples, id));
    const failing = problems.findIndex((problem) => problem !== undefined);
    // The generator must reach every check's failing side, or equality proves little.
    const failed = new Set(judged.answers.flatMap((answer) => (answer.results ?? []).flatMap((result) => Object.keys(result.checks))));
    expect([...failed].sort()).toEqual([...Object.keys(BASELINE_RULES), ...Object.keys(RESTRICTED_RULES), "procMount_restricted"].sort());
    expect(decoded).toBeGreaterThan(samples.length * 0.85);
    if (failing === -1) {
      console.log(`differential: ${decoded} decoded cases agree with upstream (${Math.round(performance.now() - started)} ms)`);
      return;
    }
    const count = problems.filter(Boolean).length;
    // Shrink the first failure through the same property, one case at a time, for at most a minute.
    let smallest = samples[failing] as DifferentialCase;
    let problem = problems[failing] as string;
    const size = (sample: DifferentialCase) => renderTree(caseTree(sample.pod, "case-0")).length;
    await fc
      .assert(
        fc.asyncProperty(differentialCase, async (sample) => {
          const found = disagreement(await judge([sample], "shrink.yaml"), [sample], 0);
          if (found && size(sample) <= size(smallest)) {
            smallest = sample;
            problem = found;
          }
          return found === undefined;
        }),
        { seed: 1437, numRuns: 1, examples: [[smallest]], interruptAfterTimeLimit: 60_000 },
      )
      .catch(() => undefined);
    const fixture = [
      `# Found by test/security-context/differential.test.ts (${count} of ${samples.length} cases disagree): ${problem}`,
      "# expect: (run resilience-gates check security-context on this file and fill in)",
      renderTree(caseTree(smallest.pod, "differential-case")),
    ].join("\n");
    expect.fail(`the gate disagrees with upstream; as a fixture for fixtures/security-context/:\n${fixture}`);
  }, 180_000);
});

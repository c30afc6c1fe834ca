import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Report } from "../../src/engine/types.js";
import { repoRoot } from "../support/cli.js";
import { completedCheckRuns, problemsOf, startApiServer, startedCheckRuns, type ApiServer, type RecordedRequest, type Reply } from "../report/github-api.js";
import { runAction, workspace } from "./run-action.js";

let server: ApiServer;
let routes: (request: RecordedRequest) => Reply | undefined;
let id = 0;

beforeAll(async () => {
  server = await startApiServer((request) => {
    const custom = routes(request);
    if (custom) return custom;
    if (request.method === "POST" && request.path.endsWith("/check-runs")) return { status: 201, body: { id: ++id, html_url: `https://github.example/acme/shop/runs/${id}` } };
    if (request.method === "PATCH") return { status: 200, body: {} };
    if (request.method === "GET" && request.path === "/user") return { status: 403, body: { message: "Resource not accessible by integration" } };
    if (request.method === "GET" && request.path.endsWith("/comments")) return { status: 200, body: [] };
    if (request.method === "POST" && request.path.endsWith("/comments")) return { status: 201, body: { id: 31 } };
    return { status: 404, body: { message: "Not Found" } };
  });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  routes = () => undefined;
});

const CONFIG = `version: 1
gates:
  security-context:
    manifests: ["deploy/*.yaml"]
`;
const BLOCKING = { "deploy/api.yaml": "fixtures/security-context/sc-005-fail.yaml" };
const PASSING = { "deploy/api.yaml": "fixtures/security-context/sc-001-pass.yaml" };
const expectedLines = [...readFileSync(join(repoRoot, "fixtures/security-context/sc-005-fail.yaml"), "utf8").matchAll(/SC-005@(\d+):(\d+)/g)].map((m) => Number(m[1]));

describe("the bundled action, run as a runner runs it", () => {
  it("blocks: check runs with annotations, the PR comment, outputs, job summary, SARIF, exit status 1", async () => {
    const cwd = workspace(CONFIG, BLOCKING);
    const run = await runAction(cwd, { "github-token": "t0ken", "fail-on": "block", comment: "true", "sarif-file": "out/gates.sarif" }, { GITHUB_API_URL: server.url });
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(run.outputs.verdict).toBe("block");
    expect(run.outputs["verdict-security-context"]).toBe("block");
    const report = JSON.parse(readFileSync(run.outputs["report-path"]!, "utf8")) as Report;
    expect(report.gates[0]!.findings.map((f) => f.location?.line)).toEqual(expect.arrayContaining(expectedLines));
    expect(run.stdout).toContain("::error::resilience-gates: BLOCK (security-context block)");
    // Check runs were written, so findings are not also annotated on the step.
    expect(run.stdout).not.toMatch(/::error [^:]*file=/);

    expect(server.requests.flatMap(problemsOf)).toEqual([]);
    // Started in progress before the gate ran, then completed in place with the verdict.
    const [start] = startedCheckRuns(server.requests);
    expect(start!.body).toMatchObject({ name: "resilience-gates / security-context", head_sha: "4f2a9c0e1b7d3a5c6e8f0a1b2c3d4e5f6a7b8c9d", status: "in_progress", external_id: "security-context" });
    expect((start!.body as { started_at: string }).started_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const create = completedCheckRuns(server.requests)[0]!;
    expect(create.method).toBe("PATCH");
    expect(server.requests.indexOf(start!)).toBeLessThan(server.requests.indexOf(create));
    expect(create.body).toMatchObject({ name: "resilience-gates / security-context", status: "completed", conclusion: "failure" });
    const annotations = (create.body as { output: { annotations: { path: string; start_line: number }[] } }).output.annotations;
    expect(annotations.map((a) => `${a.path}:${a.start_line}`)).toEqual(expect.arrayContaining(expectedLines.map((line) => `deploy/api.yaml:${line}`)));
    const comment = server.requests.find((request) => request.method === "POST" && request.path === "/repos/acme/shop/issues/12/comments")!;
    expect((comment.body as { body: string }).body).toContain("<!-- resilience-gates -->");

    expect(run.summary).toContain("resilience-gates: BLOCK");
    expect(run.summary).toContain("| `security-context` | ❌ block |");
    expect(run.summary).toContain(`https://github.example/acme/shop/blob/4f2a9c0e1b7d3a5c6e8f0a1b2c3d4e5f6a7b8c9d/deploy/api.yaml#L${expectedLines[0]}`);
    const sarif = JSON.parse(readFileSync(join(cwd, "out", "gates.sarif"), "utf8")) as { runs: { tool: { driver: { rules: { id: string; fullDescription: { text: string } }[] } } }[] };
    expect(sarif.runs[0]!.tool.driver.rules[0]!.fullDescription.text).toContain("allowPrivilegeEscalation");
  });

  it("mode: audit rolls a gate or a rule out report-only: findings reported, a neutral check run, the step green; an error still fails", async () => {
    const ruleAudit = workspace(`${CONFIG}rules:\n  SC-005: { mode: audit }\n`, BLOCKING);
    const run = await runAction(ruleAudit, { "github-token": "t0ken", "sarif-file": "out/gates.sarif", "junit-file": "out/gates.xml" }, { GITHUB_API_URL: server.url });
    expect(run.status, run.stdout).toBe(0);
    expect(server.requests.flatMap(problemsOf)).toEqual([]);
    const create = completedCheckRuns(server.requests)[0]!;
    const body = create.body as { conclusion: string; output: { title: string; summary: string; annotations: { annotation_level: string; title: string }[] } };
    expect(body.conclusion).toBe("neutral");
    expect(body.output.title).toMatch(/^pass: 0 blocking, 0 warning, \d+ audit$/);
    expect(body.output.annotations.length).toBe(expectedLines.length);
    expect(body.output.annotations.every((annotation) => annotation.annotation_level === "notice" && annotation.title.startsWith("[audit] SC-005"))).toBe(true);
    expect(body.output.summary).toContain("🔍 **audit** (block) `SC-005`");
    expect(run.outputs["verdict-security-context"]).toBe("pass");
    const sarif = JSON.parse(readFileSync(join(ruleAudit, "out", "gates.sarif"), "utf8")) as { runs: { results: { level: string; properties: { audit?: boolean } }[] }[] };
    expect(sarif.runs[0]!.results.map((result) => [result.level, result.properties.audit])).toEqual(expectedLines.map(() => ["note", true]));
    expect(readFileSync(join(ruleAudit, "out", "gates.xml"), "utf8")).toContain('failures="0"');

    server.requests.length = 0;
    const gateAudit = workspace(CONFIG.replace("security-context:\n", "security-context:\n    mode: audit\n"), BLOCKING);
    const gated = await runAction(gateAudit, { "github-token": "t0ken" }, { GITHUB_API_URL: server.url });
    expect(gated.status, gated.stdout).toBe(0);
    expect((completedCheckRuns(server.requests)[0]!.body as { conclusion: string; output: { title: string } }).output.title).toMatch(/^audit mode, pass: /);
    expect((completedCheckRuns(server.requests)[0]!.body as { conclusion: string }).conclusion).toBe("neutral");
    expect(gated.summary).toContain("| `security-context` | ✅ pass (audit) |");
    const report = JSON.parse(readFileSync(gated.outputs["report-path"]!, "utf8")) as Report;
    expect(report.gates[0]).toMatchObject({ mode: "audit", verdict: "pass" });
    expect(report.gates[0]!.findings.every((finding) => finding.audit === true)).toBe(true);

    const broken = workspace(`version: 1\ngates:\n  security-context:\n    mode: audit\n    manifests: ["deploy/*.yaml"]\n`);
    const failed = await runAction(broken, { checks: "false" });
    expect(failed.status).toBe(2);
    expect(failed.outputs["verdict-security-context"]).toBe("error");
  });

  it("on a read-only token (fork PR) falls back to step annotations and the job summary, failing only for the verdict", async () => {
    routes = (request) => (request.method === "POST" ? { status: 403, body: { message: "Resource not accessible by integration" } } : undefined);
    const cwd = workspace(CONFIG, BLOCKING);
    const run = await runAction(cwd, { "github-token": "t0ken", comment: "true" }, { GITHUB_API_URL: server.url });
    expect(run.status).toBe(1);
    const annotations = run.stdout.split("\n").filter((line) => line.startsWith("::error ") && line.includes("file=deploy/api.yaml"));
    expect(annotations.length).toBe(expectedLines.length);
    expect(annotations[0]).toMatch(new RegExp(`^::error title=security-context SC-005%3A [^,]+,file=deploy/api.yaml,line=${expectedLines[0]},col=\\d+::`));
    expect(run.summary).toContain("No check runs: the token may not write checks");
    expect(run.summary).toContain("comment could not be written (read-only token)");
    expect(run.stdout).not.toContain("internal error");
    expect(run.outputs.verdict).toBe("block");
  });

  it("passes with exit status 0 and the per-gate action's fixed gate", async () => {
    const cwd = workspace(CONFIG, PASSING);
    const run = await runAction(cwd, { gate: "security-context", "github-token": "t0ken" }, { GITHUB_API_URL: server.url });
    expect(run.status, run.stdout).toBe(0);
    expect(run.outputs).toMatchObject({ verdict: "pass", "verdict-security-context": "pass" });
    expect(existsSync(run.outputs["report-path"]!)).toBe(true);
    expect(server.requests.map((request) => `${request.method} ${request.path}`)).toEqual(["POST /repos/acme/shop/check-runs", `PATCH /repos/acme/shop/check-runs/${id}`]);
    expect((completedCheckRuns(server.requests)[0]!.body as { conclusion: string }).conclusion).toBe("success");
    expect(run.summary).toContain("✅ resilience-gates: PASS");
  });

  it("completes its in-progress check runs as failures when the run stops before reporting (none is left in progress)", async () => {
    const cwd = workspace(CONFIG, PASSING, { "out/blocker": "a file, so out/blocker/report.json cannot be written" });
    const run = await runAction(cwd, { "github-token": "t0ken", "report-file": "out/blocker/report.json" }, { GITHUB_API_URL: server.url });
    expect(run.status).toBe(2);
    expect(run.stdout).toContain("configuration error: cannot write");
    expect(server.requests.flatMap(problemsOf)).toEqual([]);
    expect(startedCheckRuns(server.requests)).toHaveLength(1);
    const [completed] = completedCheckRuns(server.requests);
    expect(completed).toMatchObject({ method: "PATCH", path: `/repos/acme/shop/check-runs/${id}`, body: { status: "completed", conclusion: "failure" } });
    expect((completed!.body as { output: { title: string } }).output.title).toMatch(/^error: cannot write .*out\/blocker\/report\.json/);
  });

  it("a gate whose in-progress run could not be started gets its check run created when done", async () => {
    let refused = 0;
    routes = (request) => ((request.body as { status?: string } | undefined)?.status === "in_progress" && ++refused ? { status: 500, body: { message: "Server Error" } } : undefined);
    const cwd = workspace(CONFIG, PASSING);
    const run = await runAction(cwd, { gate: "security-context", "github-token": "t0ken" }, { GITHUB_API_URL: server.url });
    expect(run.status, run.stdout).toBe(0);
    // Starting is best effort: one try, no retries, and no failure of the step.
    expect(refused).toBe(1);
    expect(server.requests.flatMap(problemsOf)).toEqual([]);
    expect(completedCheckRuns(server.requests).map((request) => request.method)).toEqual(["POST"]);
  });

  it("without a gates input runs every configured gate, but the release gate only on a tag", async () => {
    const cwd = workspace(`${CONFIG}  release:\n    requiredGates: [security-context]\n    freshnessGates: []\n`, PASSING);
    const run = await runAction(cwd, { checks: "false" });
    expect(run.status, run.stdout).toBe(0);
    expect(run.outputs["verdict-security-context"]).toBe("pass");
    expect(run.outputs["verdict-release"]).toBeUndefined();
  });

  it("tells a configuration error from an internal failure, exit status 2", async () => {
    const cwd = workspace(CONFIG, PASSING);
    const missing = await runAction(cwd, { config: "nope.yaml" });
    expect(missing.status).toBe(2);
    expect(missing.stdout).toContain("::error::configuration error: config file nope.yaml does not exist");
    expect(missing.outputs.verdict).toBe("error");
    expect(missing.summary).toContain("configuration error: config file nope.yaml does not exist");
    const badName = await runAction(cwd, { "check-name": "gates / e2e" });
    expect(badName.status).toBe(2);
    expect(badName.stdout).toContain("::error::configuration error: input check-name must be 1 to 64 letters");
    const badInput = await runAction(cwd, { "fail-on": "sometimes" });
    expect(badInput.status).toBe(2);
    expect(badInput.stdout).toContain("::error::configuration error: input fail-on must be block or warn, not sometimes");
    const badYaml = workspace("version: 1\ngates:\n  security-context:\n    manifest: [x]\n");
    const invalid = await runAction(badYaml, {});
    expect(invalid.status).toBe(2);
    expect(invalid.stdout).toMatch(/::error::configuration error: \.resilience\/gates\.yaml:4:5: /);
  });

  it("reports a failure that is nobody's configuration as an internal error", async () => {
    const cwd = workspace(CONFIG, PASSING);
    const unwritable = await runAction(cwd, { "report-file": "deploy" });
    expect(unwritable.status).toBe(2);
    expect(unwritable.stdout).toMatch(/::error::configuration error: cannot write .*deploy: EISDIR/);
    // The runner's own summary file is broken: not something the user's config can fix.
    const broken = await runAction(cwd, { checks: "false" }, { GITHUB_STEP_SUMMARY: cwd });
    expect(broken.status).toBe(2);
    expect(broken.stdout).toMatch(/::error::internal error: .*\(a bug in resilience-gates/);
  });

  it("a gate whose inputs are missing is an error verdict that blocks (fail closed)", async () => {
    const cwd = workspace(`version: 1\ngates:\n  security-context:\n    manifests: ["deploy/*.yaml"]\n`);
    const run = await runAction(cwd, { checks: "false" });
    expect(run.status).toBe(2);
    expect(run.outputs["verdict-security-context"]).toBe("error");
    expect(run.stdout).toMatch(/::error title=security-context could not run::manifest pattern deploy\/\*\.yaml matched no files/);
  });
});

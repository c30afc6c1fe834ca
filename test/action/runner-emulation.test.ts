// The action as GitHub's runner runs a `node24` action: the downloaded tree without node_modules, every
// input of its action.yml as INPUT_<NAME> (defaults filled in, `${{ github.token }}` the token), the GITHUB_*
// variables and file commands of a job, and the events pull_request, a fork's pull_request, merge_group and
// a tag push, against a fake GitHub that checks every request against GitHub's OpenAPI description and can
// answer 403 (fork), 403 (rate limit), 422 (output too large) and 502. Needs dist/ built (npm run build).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { inCi } from "../support/ci.js";
import { repoRoot } from "../support/cli.js";
import { completedCheckRuns, problemsOf, startApiServer, startedCheckRuns, type ApiServer, type RecordedRequest, type Reply } from "../report/github-api.js";
import { parseOutputFile, runNode, workspace } from "./run-action.js";

const TOKEN = "ghs_EmulatedInstallationToken0123456789";
const HEAD = "4f2a9c0e1b7d3a5c6e8f0a1b2c3d4e5f6a7b8c9d";
const MERGE = "9999999999999999999999999999999999999999";
const QUEUE = "7777777777777777777777777777777777777777";
const k6 = join(repoRoot, ".tools", "bin", "k6");
const skip = !existsSync(k6) && !inCi;

interface ActionMetadata {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
  runs: { using: string; main: string };
}

interface Step {
  status: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** Every file the step left in its runner temp directory and workspace output directory. */
  files: string[];
}

type Mode = "ok" | "fork" | "rate-limited" | { status: 502; gate: string };

let tree: string;
let api: ApiServer;
let target: Server;
let targetUrl: string;
const leaked: string[] = [];
let mode: Mode = "ok";
let comments: { id: number; body: string; user: { login: string; type: string } }[] = [];
let priorRuns: Record<string, unknown>[] = [];
let nextId = 100;

const exhausted = (): Reply => ({
  status: 403,
  body: { message: "API rate limit exceeded for installation ID 42.", documentation_url: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api" },
  headers: { "x-ratelimit-limit": "1000", "x-ratelimit-remaining": "0", "x-ratelimit-used": "1000", "x-ratelimit-reset": String(Math.ceil(Date.now() / 1000) + 3600) },
});
const readOnly: Reply = { status: 403, body: { message: "Resource not accessible by integration", documentation_url: "https://docs.github.com/rest/checks/runs#create-a-check-run" } };

/** GitHub, as far as the action talks to it: check runs, comments, the token's user, commits of a tag. */
function github(request: RecordedRequest): Reply {
  const body = request.body as { external_id?: string; output?: { summary?: string; title?: string; annotations?: unknown[] } } | undefined;
  const writes = request.method === "POST" || request.method === "PATCH";
  if (writes && mode === "fork") return readOnly;
  if (writes && mode === "rate-limited") return exhausted();
  if (writes && typeof mode === "object" && body?.external_id === mode.gate) return { status: mode.status, body: { message: "Server Error" } };
  if (request.path === "/user") return { status: 403, body: { message: "Resource not accessible by integration" } };
  if (request.method === "POST" && request.path === "/repos/acme/shop/check-runs") {
    const bytes = Buffer.byteLength(body?.output?.summary ?? "");
    if (bytes > 65_535) return { status: 422, body: { message: `Invalid request.\n\nOnly 65535 characters are allowed; ${bytes} were supplied.` } };
    nextId += 1;
    return { status: 201, body: { id: nextId, html_url: `https://github.example/acme/shop/runs/${nextId}` } };
  }
  if (request.method === "PATCH" && /^\/repos\/acme\/shop\/check-runs\/\d+$/.test(request.path)) return { status: 200, body: {} };
  if (request.method === "GET" && request.path === "/repos/acme/shop/issues/12/comments") return { status: 200, body: request.query.page === "1" ? comments : [] };
  if (request.method === "PATCH" && request.path.startsWith("/repos/acme/shop/issues/comments/")) return { status: 200, body: { id: Number(request.path.split("/").pop()) } };
  if (request.method === "POST" && request.path === "/repos/acme/shop/issues/12/comments") return { status: 201, body: { id: 901, user: { login: "github-actions[bot]" } } };
  if (request.method === "GET" && request.path === "/repos/acme/shop/commits/v1.2.0") return { status: 200, body: { sha: HEAD } };
  if (request.method === "GET" && request.path === `/repos/acme/shop/commits/${HEAD}/check-runs`) return { status: 200, body: { total_count: priorRuns.length, check_runs: request.query.page === "1" ? priorRuns : [] } };
  return { status: 404, body: { message: "Not Found" } };
}

beforeAll(async () => {
  if (!existsSync(join(repoRoot, "dist", "action.js"))) throw new Error("dist/action.js is missing: npm run build");
  // What `uses: org/resilience-gates@v1` downloads: the repository's tree, which has no node_modules.
  tree = mkdtempSync(join(tmpdir(), "rg-runner-action-"));
  for (const part of ["action.yml", "actions", "dist", "policies", "schemas", "package.json"]) cpSync(join(repoRoot, part), join(tree, part), { recursive: true });
  api = await startApiServer(github);
  target = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      if (req.url === "/leak") leaked.push(Buffer.concat(chunks).toString("utf8"));
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => target.listen(0, "127.0.0.1", resolve));
  targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await api?.close();
  await new Promise((resolve) => target?.close(resolve));
  if (tree) rmSync(tree, { recursive: true, force: true });
});
beforeEach(() => {
  api.requests.length = 0;
  leaked.length = 0;
  mode = "ok";
  comments = [];
  priorRuns = [];
});

function metadata(action: string): ActionMetadata {
  return parse(readFileSync(join(tree, action, "action.yml"), "utf8")) as ActionMetadata;
}

function filesUnder(directory: string): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { recursive: true, encoding: "utf8" })
    .map((name) => join(directory, name))
    .filter((file) => statSync(file).isFile());
}

/** Runs one step: `uses: <action>` with `with:` inputs, on an event, as the runner does. */
async function step(action: string, cwd: string, inputs: Record<string, string>, event: { name: string; ref: string; sha: string; payload: Record<string, unknown>; env?: Record<string, string> }): Promise<Step> {
  const meta = metadata(action);
  expect(meta.runs.using).toBe("node24");
  const runner = mkdtempSync(join(tmpdir(), "rg-runner-"));
  const files = { output: join(runner, "output"), summary: join(runner, "summary"), env: join(runner, "env"), path: join(runner, "path"), state: join(runner, "state"), event: join(runner, "event.json") };
  for (const file of [files.output, files.summary, files.env, files.path, files.state]) writeFileSync(file, "");
  writeFileSync(files.event, JSON.stringify(event.payload));
  const given = new Set(Object.keys(inputs));
  for (const name of given) expect(Object.keys(meta.inputs), `input ${name} of ${action}`).toContain(name);
  // The runner sets every declared input, its default when the workflow gives none.
  const inputEnv = Object.fromEntries(
    Object.entries(meta.inputs).map(([name, input]) => [`INPUT_${name.replace(/ /g, "_").toUpperCase()}`, inputs[name] ?? (input.default === "${{ github.token }}" ? TOKEN : (input.default ?? ""))]),
  );
  const host = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(GITHUB_|INPUT_|RUNNER_|ACTIONS_)/.test(key)));
  const run = await runNode(join(tree, action, meta.runs.main), cwd, {
    ...host,
    PATH: `${join(repoRoot, ".tools", "bin")}:${process.env.PATH ?? ""}`,
    XDG_CACHE_HOME: join(runner, "cache"),
    CI: "true",
    GITHUB_ACTIONS: "true",
    GITHUB_WORKSPACE: cwd,
    GITHUB_ACTION_PATH: join(tree, action),
    GITHUB_REPOSITORY: "acme/shop",
    GITHUB_REPOSITORY_OWNER: "acme",
    GITHUB_SHA: event.sha,
    GITHUB_REF: event.ref,
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_SERVER_URL: "https://github.example",
    GITHUB_API_URL: api.url,
    GITHUB_GRAPHQL_URL: `${api.url}/graphql`,
    GITHUB_RUN_ID: "77",
    GITHUB_RUN_ATTEMPT: "1",
    GITHUB_JOB: "gates",
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_ENV: files.env,
    GITHUB_PATH: files.path,
    GITHUB_STATE: files.state,
    RUNNER_TEMP: runner,
    RUNNER_OS: "Linux",
    // A workflow that also gives the token as env, and the runner's own credentials.
    GITHUB_TOKEN: TOKEN,
    ACTIONS_RUNTIME_TOKEN: `${TOKEN}-runtime`,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: `${TOKEN}-oidc`,
    ...inputEnv,
    ...event.env,
  });
  return {
    ...run,
    outputs: parseOutputFile(readFileSync(files.output, "utf8")),
    summary: readFileSync(files.summary, "utf8"),
    files: [...filesUnder(runner).filter((file) => !file.includes(`${join(runner, "cache")}`)), ...filesUnder(join(cwd, "out"))],
  };
}

/** The token appears only in Authorization headers (and in the add-mask command that tells the runner to hide it). */
function expectTokenOnlyInAuthorization(run: Step): void {
  const shown = run.stdout
    .split("\n")
    .filter((line) => !line.startsWith("::add-mask::"))
    .join("\n");
  expect(run.stdout).toContain(`::add-mask::${TOKEN}`);
  for (const [where, text] of [["stdout", shown], ["stderr", run.stderr], ["summary", run.summary], ...run.files.map((file) => [file, readFileSync(file, "utf8")])] as const) {
    expect(text.includes(TOKEN), `the token is in ${where}`).toBe(false);
  }
  for (const request of api.requests) {
    expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
    const { authorization: _authorization, ...headers } = request.headers;
    expect(JSON.stringify([request.path, request.query, request.body, headers]).includes(TOKEN), `${request.method} ${request.path}`).toBe(false);
  }
  for (const body of leaked) expect(body.includes(TOKEN)).toBe(false);
}

function expectEveryRequestValid(): void {
  expect(api.requests.length).toBeGreaterThan(0);
  expect(api.requests.flatMap(problemsOf)).toEqual([]);
}

/** The requests that wrote a check run's verdict: the PATCH completing a run started in progress, or a POST. */
const created = () => completedCheckRuns(api.requests);
const errorLines = (stdout: string) => stdout.split("\n").filter((line) => line.startsWith("::error"));

const pullRequest = (fork: boolean) => ({
  name: "pull_request",
  ref: "refs/pull/12/merge",
  sha: MERGE,
  payload: {
    action: "synchronize",
    number: 12,
    pull_request: { number: 12, head: { sha: HEAD, ref: "feature", repo: { full_name: fork ? "mallory/shop" : "acme/shop", fork } }, base: { ref: "main", sha: "1".repeat(40) } },
    repository: { full_name: "acme/shop" },
  },
  env: { GITHUB_HEAD_REF: "feature", GITHUB_BASE_REF: "main" },
});

// Many findings whose text is Cyrillic: under 65,535 characters, over 65,535 bytes.
const MIGRATION = [
  "SET lock_timeout = '2s';",
  ...Array.from({ length: 400 }, (_, i) => `CREATE INDEX "индекс_платежей_по_сумме_${i}" ON "платежи_клиентов_${i}" ("сумма_платежа");`),
  "",
].join("\n");
const K6_SCRIPT = `import http from "k6/http";
export const options = { vus: 1, iterations: 3 };
export default function () {
  http.post(__ENV.BASE_URL + "/leak", JSON.stringify(__ENV), { tags: { endpoint: "ok" } });
}
`;
const BUDGETS = "version: 1\ntag: endpoint\nendpoints:\n  - endpoint: ok\n    p95Ms: 5000\n    minSamples: 1\n";
const CONFIG = (extra = "") => `version: 1
gates:
  security-context:
    manifests: ["deploy/*.yaml"]
  migrations:
    files: ["db/*.sql"]
  load-budget:
    script: k6/script.js
    target: TARGET
${extra}`;

function pullRequestWorkspace(): string {
  const cwd = workspace(CONFIG().replace("TARGET", targetUrl), { "deploy/api.yaml": "fixtures/security-context/sc-005-fail.yaml" }, { "db/0042_платежи.sql": MIGRATION, "k6/script.js": K6_SCRIPT, ".resilience/load-budgets.yaml": BUDGETS });
  mkdirSync(join(cwd, "out"), { recursive: true });
  return cwd;
}

describe.skipIf(skip)("the action as GitHub's runner runs it (node24, downloaded tree, fake GitHub validated by its OpenAPI description)", () => {
  it("has no node_modules in the tree it runs from", () => {
    expect(existsSync(join(tree, "node_modules"))).toBe(false);
    expect(existsSync(join(tree, "dist", "action.js"))).toBe(true);
  });

  it("pull_request: a check run per gate within GitHub's byte limits, the bot's own comment updated and nobody else's, outputs, summary, and the token nowhere but the Authorization header", async () => {
    comments = [
      { id: 501, body: "<!-- resilience-gates -->\nI quoted the bot", user: { login: "someone", type: "User" } },
      { id: 502, body: "<!-- resilience-gates -->\nold verdict", user: { login: "github-actions[bot]", type: "Bot" } },
    ];
    const cwd = pullRequestWorkspace();
    const run = await step(".", cwd, { comment: "true", "sarif-file": "out/gates.sarif", "junit-file": "out/gates.xml", "report-file": "out/report.json" }, pullRequest(false));
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expectEveryRequestValid();
    const names = ["resilience-gates / security-context", "resilience-gates / migrations", "resilience-gates / load-budget"];
    // Every gate's check run shows in progress at once, before the first gate (k6 here) has finished.
    const started = startedCheckRuns(api.requests);
    expect(started.map((request) => (request.body as { name: string }).name)).toEqual(names);
    expect(api.requests.slice(0, 3)).toEqual(started);
    for (const request of started) expect(request.body).toMatchObject({ head_sha: HEAD, status: "in_progress", details_url: "https://github.example/acme/shop/actions/runs/77" });
    expect(created().map((request) => (request.body as { name: string }).name)).toEqual(names);
    for (const [index, request] of created().entries()) {
      const body = request.body as { output: { summary: string } };
      expect(request.method).toBe("PATCH");
      expect(request.path).toBe(`/repos/acme/shop/check-runs/${nextId - 2 + index}`);
      expect(Buffer.byteLength(body.output.summary)).toBeLessThanOrEqual(65_535);
    }
    const migrations = created()[1]!.body as { conclusion: string; output: { summary: string } };
    expect(migrations.conclusion).toBe("failure");
    expect(migrations.output.summary).toMatch(/lines of section migrations findings left out/);
    expect(migrations.output.summary).toContain("How to fix");
    expect((created()[2]!.body as { conclusion: string }).conclusion).toBe("success");

    expect(run.outputs).toMatchObject({ verdict: "block", "verdict-security-context": "block", "verdict-migrations": "block", "verdict-load-budget": "pass", "report-path": join(cwd, "out/report.json") });
    for (const name of Object.keys(run.outputs)) expect(Object.keys(metadata(".").outputs)).toContain(name);
    expect(run.summary).toContain("| `migrations` | ❌ block |");
    expect(run.stdout).toContain("::error::resilience-gates: BLOCK (security-context block; migrations block)");

    const patches = api.requests.filter((request) => request.method === "PATCH" && request.path.startsWith("/repos/acme/shop/issues/comments/"));
    expect(patches.map((request) => request.path)).toEqual(["/repos/acme/shop/issues/comments/502"]);
    expect(Buffer.byteLength((patches[0]!.body as { body: string }).body)).toBeLessThanOrEqual(65_536);

    // The PR's k6 script read its __ENV and sent it out: only the variables the gate gave it were there.
    expect(leaked.length).toBeGreaterThan(0);
    expect(JSON.parse(leaked[0]!)).toMatchObject({ BASE_URL: targetUrl });
    expect(leaked[0]).not.toContain("PATH");
    expectTokenOnlyInAuthorization(run);
  }, 180_000);

  it("a fork's pull_request (403 on every write): step annotations with the step's own failure reason first, within GitHub's 10 errors", async () => {
    mode = "fork";
    const cwd = pullRequestWorkspace();
    const run = await step(".", cwd, { comment: "true" }, pullRequest(true));
    expect(run.status).toBe(1);
    expectEveryRequestValid();
    const errors = errorLines(run.stdout);
    expect(errors[0]).toBe("::error::resilience-gates: BLOCK (security-context block; migrations block)");
    expect(errors.length).toBeLessThanOrEqual(10);
    expect(errors.slice(1).every((line) => /^::error (title|file)=/.test(line))).toBe(true);
    expect(run.stdout).toMatch(/::notice title=resilience-gates%3A more findings::\d+ more findings not annotated here/);
    expect(run.summary).toContain("No check runs: the token may not write checks");
    expect(run.summary).toContain("comment could not be written (read-only token)");
    expectTokenOnlyInAuthorization(run);
  }, 180_000);

  it("a check run answered 502 every time is that gate's failure: the others are written, and the step fails naming it", async () => {
    mode = { status: 502, gate: "security-context" };
    const cwd = pullRequestWorkspace();
    const run = await step(".", cwd, {}, pullRequest(false));
    expect(run.status).toBe(2);
    expectEveryRequestValid();
    const names = created().map((request) => (request.body as { external_id: string }).external_id);
    // Three tries for the failing gate, then the next gates.
    expect(names).toEqual(["security-context", "security-context", "security-context", "migrations", "load-budget"]);
    expect(errorLines(run.stdout)[0]).toMatch(/^::error::resilience-gates: BLOCK \(.*\); check run resilience-gates \/ security-context not written \(POST \/repos\/acme\/shop\/check-runs: HTTP 502/);
    expect(run.summary).toContain("The check run of `security-context` could not be written");
    // Only the gate without a check run is annotated on the step.
    expect(run.stdout).toMatch(/::error title=security-context SC-005/);
    expect(run.stdout).not.toMatch(/::error title=migrations /);
    expectTokenOnlyInAuthorization(run);
  }, 180_000);

  it("merge_group: the per-gate action writes its check run on the queue's head commit, declares every output it writes, and comments on nothing", async () => {
    const cwd = workspace(CONFIG().replace("TARGET", targetUrl), { "deploy/api.yaml": "fixtures/security-context/sc-001-pass.yaml" });
    const run = await step("actions/security-context", cwd, { comment: "true" }, {
      name: "merge_group",
      ref: "refs/heads/gh-readonly-queue/main/pr-12-4f2a9c0e1b7d3a5c6e8f0a1b2c3d4e5f6a7b8c9d",
      sha: QUEUE,
      payload: { action: "checks_requested", merge_group: { head_sha: QUEUE, head_ref: "refs/heads/gh-readonly-queue/main/pr-12-4f2a9c0e1b7d3a5c6e8f0a1b2c3d4e5f6a7b8c9d", base_sha: "1".repeat(40), base_ref: "refs/heads/main" } },
    });
    expect(run.status, run.stdout).toBe(0);
    expectEveryRequestValid();
    expect(api.requests.map((request) => `${request.method} ${request.path}`)).toEqual(["POST /repos/acme/shop/check-runs", `PATCH /repos/acme/shop/check-runs/${nextId}`]);
    expect(startedCheckRuns(api.requests)[0]!.body).toMatchObject({ name: "resilience-gates / security-context", head_sha: QUEUE, status: "in_progress" });
    expect(created()[0]!.body).toMatchObject({ name: "resilience-gates / security-context", status: "completed", conclusion: "success" });
    expect(run.outputs).toMatchObject({ verdict: "pass", "verdict-security-context": "pass" });
    for (const name of Object.keys(run.outputs)) expect(Object.keys(metadata("actions/security-context").outputs), `output ${name}`).toContain(name);
    expectTokenOnlyInAuthorization(run);
  }, 180_000);

  it("a tag push: the release gate approves from the commit's check runs; with the rate limit used up its own check run is reported rate limited, not a fork's token", async () => {
    priorRuns = ["security-context", "migrations"].map((gate, i) => ({
      id: 10 + i,
      name: `resilience-gates / ${gate}`,
      head_sha: HEAD,
      status: "completed",
      conclusion: "success",
      started_at: "2026-11-30T09:00:00Z",
      completed_at: "2026-11-30T09:01:00Z",
      html_url: `https://github.example/acme/shop/runs/${10 + i}`,
      app: { slug: "github-actions" },
    }));
    const cwd = workspace(`${CONFIG().replace("TARGET", targetUrl)}  release:\n    requiredGates: [security-context, migrations]\n    freshnessGates: []\n`);
    const tag = { name: "push", ref: "refs/tags/v1.2.0", sha: HEAD, payload: { ref: "refs/tags/v1.2.0", after: HEAD, repository: { full_name: "acme/shop" } } };
    const approved = await step("actions/release", cwd, { now: "2026-12-01T12:00:00Z" }, tag);
    expect(approved.status, approved.stdout).toBe(0);
    expectEveryRequestValid();
    expect(approved.outputs).toMatchObject({ verdict: "pass", "verdict-release": "pass" });
    expect(existsSync(approved.outputs["attestation-path"]!)).toBe(true);
    for (const name of Object.keys(approved.outputs)) expect(Object.keys(metadata("actions/release").outputs), `output ${name}`).toContain(name);
    expect(startedCheckRuns(api.requests)[0]!.body).toMatchObject({ name: "resilience-gates / release", head_sha: HEAD, status: "in_progress" });
    expect(created()[0]!.body).toMatchObject({ name: "resilience-gates / release", conclusion: "success" });
    expectTokenOnlyInAuthorization(approved);

    api.requests.length = 0;
    mode = "rate-limited";
    const limited = await step("actions/release", cwd, { now: "2026-12-01T12:00:00Z", "rate-limit-wait": "5" }, tag);
    expectEveryRequestValid();
    expect(limited.outputs.verdict).toBe("pass");
    expect(limited.status).toBe(2);
    expect(errorLines(limited.stdout)[0]).toMatch(/^::error::check runs resilience-gates \/ release not written: rate limited \(POST \/repos\/acme\/shop\/check-runs: rate limited \(HTTP 403, x-ratelimit-remaining: 0\) until /);
    expect(limited.summary).toContain("API rate limit is used up");
    expect(limited.summary).not.toContain("may not write checks");
    expect(created()).toHaveLength(1);
    expectTokenOnlyInAuthorization(limited);
  }, 180_000);
});

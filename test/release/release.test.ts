import { generateKeyPairSync } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Report } from "../../src/engine/types.js";
import { canonicalJson, signingKey, signPayload, verifyAttestation, type Attestation, type AttestationPayload } from "../../src/gates/release/attestation.js";
import { runAction, workspace } from "../action/run-action.js";
import { problemsOf, startApiServer, type ApiServer, type RecordedRequest, type Reply } from "../report/github-api.js";
import { repoRoot, runCli } from "../support/cli.js";

const SHA = "4f2a9c0e1b7d3a5c6e8f0a1b2c3d4e5f6a7b8c9d";
const keys = generateKeyPairSync("ed25519");
const PRIVATE = keys.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
const PUBLIC = keys.publicKey.export({ type: "spki", format: "pem" }).toString();

let server: ApiServer;
let checkRuns: Record<string, unknown>[];
let tagSha: string;
/** When set, check runs are served this many a page, linked by Link headers. */
let pageSize: number | undefined;
/** When set, the next-page links point at this origin instead of the API's. */
let nextHost: string | undefined;

const run = (gate: string, conclusion: string | null, extra: Record<string, unknown> = {}) => ({
  id: Math.floor(Math.random() * 1e6),
  name: `resilience-gates / ${gate}`,
  head_sha: SHA,
  status: conclusion ? "completed" : "in_progress",
  conclusion,
  started_at: "2026-10-30T09:59:00Z",
  completed_at: conclusion ? "2026-10-30T10:00:00Z" : null,
  html_url: `https://github.example/acme/shop/runs/${gate}`,
  app: { slug: "github-actions" },
  ...extra,
});

let workflowRuns: Record<string, { id: number; path: string; head_branch: string; event: string }> = {};

function routes(request: RecordedRequest): Reply {
  if (request.method === "GET" && request.path === "/repos/acme/shop/actions/runs") {
    const found = workflowRuns[request.query.check_suite_id ?? ""];
    return { status: 200, body: { total_count: found ? 1 : 0, workflow_runs: found ? [found] : [] } };
  }
  if (request.method === "GET" && request.path === "/repos/acme/shop/commits/v1.4.0") return { status: 200, body: { sha: tagSha } };
  if (request.method === "GET" && request.path === `/repos/acme/shop/commits/${SHA}/check-runs`) {
    if (pageSize === undefined) return { status: 200, body: { total_count: checkRuns.length, check_runs: request.query.page === "1" ? checkRuns : [] } };
    // Paged as GitHub pages: `Link: <…&page=N>; rel="next"` while there is more.
    const page = Number(request.query.page ?? "1");
    const last = Math.ceil(checkRuns.length / pageSize);
    const link = (to: number) => `<${nextHost ?? server.url}/repos/acme/shop/commits/${SHA}/check-runs?filter=latest&per_page=100&page=${to}>`;
    const headers = page < last ? { link: `${link(page + 1)}; rel="next", ${link(last)}; rel="last"` } : undefined;
    return { status: 200, body: { total_count: checkRuns.length, check_runs: checkRuns.slice((page - 1) * pageSize, page * pageSize) }, ...(headers ? { headers } : {}) };
  }
  if (request.method === "POST" && request.path === "/repos/acme/shop/check-runs") return { status: 201, body: { id: 1 } };
  if (request.method === "PATCH" && request.path === "/repos/acme/shop/check-runs/1") return { status: 200, body: { id: 1 } };
  return { status: 404, body: { message: "Not Found" } };
}

beforeAll(async () => {
  server = await startApiServer(routes);
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  tagSha = SHA;
  pageSize = undefined;
  nextHost = undefined;
  checkRuns = [run("security-context", "success"), run("migrations", "neutral"), run("lint", "failure", { name: "lint", app: { slug: "other" } })];
});

const TAG_PUSH = { GITHUB_REF: "refs/tags/v1.4.0", GITHUB_EVENT_NAME: "push", GITHUB_SHA: SHA, GITHUB_EVENT_PATH: "/nonexistent/event.json", RESILIENCE_GATES_SIGNING_KEY: PRIVATE };

function config(release: string, extra = ""): string {
  return `version: 1\ngates:\n  release:\n${release}\n${extra}`;
}

function readAttestation(path: string | undefined): Attestation {
  expect(path).toBeTruthy();
  return JSON.parse(readFileSync(path!, "utf8")) as Attestation;
}

describe("release gate on a tag push, through the bundled action and the GitHub API", () => {
  it("approves a tag whose required gates passed on its commit, and signs the decision", async () => {
    const cwd = workspace(config("    requiredGates: [security-context, migrations]\n    freshnessGates: []"));
    const result = await runAction(cwd, { gate: "release", "github-token": "t0ken", now: "2026-11-01T12:00:00Z" }, { ...TAG_PUSH, GITHUB_API_URL: server.url });
    expect(result.status, result.stdout).toBe(0);
    expect(result.outputs.verdict).toBe("pass");
    expect(server.requests.flatMap(problemsOf)).toEqual([]);
    expect(server.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      "POST /repos/acme/shop/check-runs",
      "GET /repos/acme/shop/commits/v1.4.0",
      `GET /repos/acme/shop/commits/${SHA}/check-runs`,
      "PATCH /repos/acme/shop/check-runs/1",
    ]);
    expect(server.requests[0]!.body).toMatchObject({ name: "resilience-gates / release", head_sha: SHA, status: "in_progress" });
    expect(server.requests[2]!.query).toMatchObject({ filter: "latest", per_page: "100", page: "1" });
    expect(server.requests[3]!.body).toMatchObject({ name: "resilience-gates / release", status: "completed", conclusion: "success" });

    const attestation = readAttestation(result.outputs["attestation-path"]);
    expect(verifyAttestation(attestation, PUBLIC)).toBe("valid");
    const digest = (JSON.parse(readFileSync(join(repoRoot, "dist", "rules.json"), "utf8")) as { digest: string }).digest;
    expect(attestation.payload).toMatchObject({
      repository: "acme/shop",
      tag: "v1.4.0",
      commit: SHA,
      decidedAt: "2026-11-01T12:00:00.000Z",
      verdict: "pass",
      approved: true,
      ruleBundleDigest: digest,
      gates: { "security-context": { conclusion: "success" }, migrations: { conclusion: "neutral" } },
    });
    expect(attestation.signature.ephemeral).toBe(false);
  });

  it("blocks a tag whose gate failed, was forged by another app or is missing, and still attests the refusal", async () => {
    checkRuns = [run("security-context", "success", { app: { slug: "forger" } }), run("migrations", "failure")];
    const cwd = workspace(config("    requiredGates: [security-context, migrations, backups]\n    freshnessGates: []"));
    const result = await runAction(cwd, { gate: "release", "github-token": "t0ken" }, { ...TAG_PUSH, GITHUB_API_URL: server.url });
    expect(result.status).toBe(1);
    const report = JSON.parse(readFileSync(result.outputs["report-path"]!, "utf8")) as Report;
    expect(report.gates[0]!.findings.map((finding) => finding.rule).sort()).toEqual(["REL-002", "REL-003", "REL-005"]);
    expect(report.gates[0]!.findings.find((finding) => finding.rule === "REL-003")!.resource).toEqual({ kind: "CheckRun", name: "resilience-gates / migrations" });
    const attestation = readAttestation(result.outputs["attestation-path"]);
    expect(attestation.payload).toMatchObject({ verdict: "block", approved: false, gates: { backups: { status: "missing" } } });
    expect(verifyAttestation(attestation, PUBLIC)).toBe("valid");
    expect(result.summary).toContain("REL-005");
  });

  it("reads the check runs of the configured checkName, and ignores same-gate runs of another workflow's name", async () => {
    checkRuns = [run("security-context", "failure"), run("security-context", "success", { name: "resilience-gates-pr / security-context" })];
    const cwd = workspace(config("    requiredGates: [security-context]\n    freshnessGates: []\n    checkName: resilience-gates-pr"));
    const result = await runAction(cwd, { gate: "release", "github-token": "t0ken" }, { ...TAG_PUSH, GITHUB_API_URL: server.url });
    expect(result.status, result.stdout).toBe(0);
    checkRuns = [run("security-context", "success")];
    const missing = await runAction(cwd, { gate: "release", "github-token": "t0ken" }, { ...TAG_PUSH, GITHUB_API_URL: server.url });
    expect(missing.status).toBe(1);
    expect(missing.summary).toContain("no check run resilience-gates-pr / security-context on commit");
  });

  it("with trustedWorkflows, traces each required run's check suite to its workflow run: another branch's run blocks", async () => {
    checkRuns = [run("security-context", "success", { check_suite: { id: 501 } }), run("migrations", "success", { check_suite: { id: 502 } })];
    workflowRuns = {
      "501": { id: 71, path: ".github/workflows/pr-gates.yml", head_branch: "main", event: "push" },
      "502": { id: 72, path: ".github/workflows/pr-gates.yml@refs/heads/sneaky", head_branch: "sneaky", event: "push" },
    };
    const trusted = "    trustedWorkflows:\n      - { path: .github/workflows/pr-gates.yml, branches: [main] }";
    const cwd = workspace(config(`    requiredGates: [security-context, migrations]\n    freshnessGates: []\n${trusted}`));
    const blocked = await runAction(cwd, { gate: "release", "github-token": "t0ken" }, { ...TAG_PUSH, GITHUB_API_URL: server.url });
    expect(blocked.status, blocked.stdout).toBe(1);
    expect(server.requests.flatMap(problemsOf)).toEqual([]);
    const traced = server.requests.filter((request) => request.path === "/repos/acme/shop/actions/runs");
    expect(traced.map((request) => request.query.check_suite_id).sort()).toEqual(["501", "502"]);
    const report = JSON.parse(readFileSync(blocked.outputs["report-path"]!, "utf8")) as Report;
    expect(report.gates[0]!.findings.map((finding) => finding.message)).toEqual([
      "check run resilience-gates / migrations was written by workflow .github/workflows/pr-gates.yml on branch sneaky (push event), which gates.release.trustedWorkflows does not allow",
    ]);
    workflowRuns["502"] = { id: 73, path: ".github/workflows/pr-gates.yml", head_branch: "main", event: "push" };
    const approved = await runAction(cwd, { gate: "release", "github-token": "t0ken" }, { ...TAG_PUSH, GITHUB_API_URL: server.url });
    expect(approved.status, approved.stdout).toBe(0);
    // The attestation names the workflow run behind each gate's check run.
    expect(readAttestation(approved.outputs["attestation-path"]).payload.gates.migrations!.workflow).toEqual({ path: ".github/workflows/pr-gates.yml", branch: "main", run: 73 });
  });

  it("a check run the API lists whose head_sha is another commit never approves the tag", async () => {
    const other = "0123456789abcdef0123456789abcdef01234567";
    checkRuns = [run("security-context", "success"), run("migrations", "success", { head_sha: other })];
    const cwd = workspace(config("    requiredGates: [security-context, migrations]\n    freshnessGates: []"));
    const result = await runAction(cwd, { gate: "release", "github-token": "t0ken" }, { ...TAG_PUSH, GITHUB_API_URL: server.url });
    expect(result.status, result.stdout).toBe(1);
    const report = JSON.parse(readFileSync(result.outputs["report-path"]!, "utf8")) as Report;
    expect(report.gates[0]!.findings.map((finding) => finding.message)).toEqual([
      `no check run resilience-gates / migrations on commit ${SHA} (its latest run is on commit ${other}, which is not the tagged commit)`,
    ]);
    expect(readAttestation(result.outputs["attestation-path"]).payload.gates.migrations).toMatchObject({ status: "missing", checkRun: null });
  });

  it("reads every page of check runs the Link headers name (a commit with more than 1,000 runs)", async () => {
    // A big matrix: 1,050 other check runs first, the required gates' runs on page 11.
    const matrix = Array.from({ length: 1050 }, (_, index) => run(`build-${index}`, "success", { name: `build (${index})`, app: { slug: "other" } }));
    checkRuns = [...matrix, run("security-context", "success"), run("migrations", "success")];
    pageSize = 100;
    const cwd = workspace(config("    requiredGates: [security-context, migrations]\n    freshnessGates: []"));
    const result = await runAction(cwd, { gate: "release", "github-token": "t0ken" }, { ...TAG_PUSH, GITHUB_API_URL: server.url });
    expect(result.status, result.stdout).toBe(0);
    const pages = server.requests.filter((request) => request.path === `/repos/acme/shop/commits/${SHA}/check-runs`);
    expect(pages.map((request) => request.query.page)).toEqual(Array.from({ length: 11 }, (_, index) => String(index + 1)));
    expect(pages.flatMap(problemsOf)).toEqual([]);
  });

  it("refuses a next-page link to another host (the token is sent only to the API)", async () => {
    checkRuns = [run("lint", "success", { name: "lint" }), run("security-context", "success")];
    pageSize = 1;
    nextHost = "http://127.0.0.2:9";
    const cwd = workspace(config("    requiredGates: [security-context]\n    freshnessGates: []"));
    const result = await runAction(cwd, { gate: "release", "github-token": "t0ken" }, { ...TAG_PUSH, GITHUB_API_URL: server.url });
    expect(result.status).toBe(2);
    expect(result.stdout).toContain("the next page's link points to http://127.0.0.2:9/repos/acme/shop/commits/");
    expect(result.stdout).toContain("outside the API");
  });

  it("blocks a moved tag (the tag resolves to another commit)", async () => {
    tagSha = "0".repeat(40);
    const cwd = workspace(config("    requiredGates: [security-context]\n    freshnessGates: []"));
    const result = await runAction(cwd, { gate: "release", "github-token": "t0ken" }, { ...TAG_PUSH, GITHUB_API_URL: server.url });
    expect(result.status).toBe(1);
    expect(result.summary).toContain("REL-007");
  });

  it("re-evaluates evidence gates through the engine at tag time, pointing at the evidence's own line", async () => {
    const cwd = workspace(
      config("    requiredGates: [security-context]\n    freshnessGates: [security-context]", '  security-context:\n    manifests: ["deploy/*.yaml"]\n'),
      { "deploy/api.yaml": "fixtures/security-context/sc-005-fail.yaml" },
    );
    const result = await runAction(cwd, { gate: "release", "github-token": "t0ken" }, { ...TAG_PUSH, GITHUB_API_URL: server.url });
    expect(result.status).toBe(1);
    const report = JSON.parse(readFileSync(result.outputs["report-path"]!, "utf8")) as Report;
    const stale = report.gates[0]!.findings.find((finding) => finding.rule === "REL-006")!;
    expect(stale.message).toMatch(/^gate security-context re-evaluated at tag time: block \(2 findings, blocking rules SC-005/);
    expect(stale.location?.file).toBe("deploy/api.yaml");
    expect(readAttestation(result.outputs["attestation-path"]).payload.freshness).toEqual({ "security-context": { verdict: "block", findings: 2 } });
  });

  it("without a token is a configuration problem, an error verdict that blocks, and still attests the refusal", async () => {
    const cwd = workspace(config("    requiredGates: [security-context]\n    freshnessGates: []"));
    const result = await runAction(cwd, { gate: "release", checks: "false" }, { ...TAG_PUSH, GITHUB_API_URL: server.url, GITHUB_TOKEN: "" });
    expect(result.status).toBe(2);
    expect(result.stdout).toContain("set GITHUB_TOKEN");
    expect(result.outputs["attestation-path"]).toBe(join(cwd, "release-attestation.json"));
    const attestation = readAttestation(result.outputs["attestation-path"]);
    expect(attestation.payload).toMatchObject({ verdict: "error", approved: false, tag: "v1.4.0", commit: SHA, repository: "acme/shop", requiredGates: ["security-context"] });
    expect(attestation.payload.error).toContain("set GITHUB_TOKEN");
    expect(verifyAttestation(attestation, PUBLIC)).toBe("valid");
  });
});

describe("release gate on the command line, with recorded check runs", () => {
  const FACTS = readFileSync(join(repoRoot, "fixtures", "release", "rel-pass.yaml"), "utf8");
  const cliEnv = { RESILIENCE_GATES_SIGNING_KEY: PRIVATE, GITHUB_TOKEN: "", GH_TOKEN: "", GITHUB_REF: "", GITHUB_SHA: "", GITHUB_REPOSITORY: "" };

  it("writes the attestation relative to the project directory, not the working directory", () => {
    const cwd = workspace(config("    requiredGates: [security-context, migrations]\n    freshnessGates: []\n    checkRunsFile: facts.yaml"), {}, { "facts.yaml": FACTS, "sub/.keep": "" });
    const result = runCli(["check", "release", "--config", "../.resilience/gates.yaml", "--format", "json", "--quiet"], { cwd: join(cwd, "sub"), env: cliEnv });
    expect(result.status, result.stderr).toBe(0);
    expect(existsSync(join(cwd, "sub", "release-attestation.json"))).toBe(false);
    const attestation = readAttestation(join(cwd, "release-attestation.json"));
    expect(attestation.payload).toMatchObject({ verdict: "pass", approved: true, tag: "v1.4.0" });
    expect(verifyAttestation(attestation, PUBLIC)).toBe("valid");
  });

  it("attests an error verdict too (an unreadable check-runs file)", () => {
    const cwd = workspace(config("    requiredGates: [security-context]\n    freshnessGates: []\n    checkRunsFile: facts.yaml\n    tag: v2.0.0"), {}, { "facts.yaml": "check_runs: {" });
    const result = runCli(["check", "release", "--format", "json", "--quiet"], { cwd, env: cliEnv });
    expect(result.status, result.stderr).toBe(2);
    const attestation = readAttestation(join(cwd, "release-attestation.json"));
    expect(attestation.payload).toMatchObject({ verdict: "error", approved: false, tag: "v2.0.0", requiredGates: ["security-context"] });
    expect(attestation.payload.error).toContain("facts.yaml");
  });

  it("with --config elsewhere than .resilience/, requires and re-evaluates the gates of that config", () => {
    const gates = [
      "version: 1",
      "gates:",
      "  security-context:",
      '    manifests: ["deploy/*.yaml"]',
      "  release:",
      "    checkRunsFile: facts.yaml",
      "    freshnessGates: [security-context]",
      "",
    ].join("\n");
    const facts = FACTS.replace(/ {2}- id: 12\n[\s\S]*?(?= {2}- \{ id: 13)/, "");
    const cwd = workspace("version: 1\n", { "ci/deploy/api.yaml": "fixtures/security-context/sc-005-pass.yaml" }, { "ci/gates.yaml": gates, "ci/facts.yaml": facts });
    const result = runCli(["check", "release", "--config", "ci/gates.yaml", "--format", "json", "--quiet"], { cwd, env: cliEnv });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.gates[0]!.verdict).toBe("pass");
    const attestation = readAttestation(join(cwd, "ci", "release-attestation.json"));
    expect(attestation.payload.requiredGates).toEqual(["security-context"]);
    expect(attestation.payload.freshness).toEqual({ "security-context": { verdict: "pass", findings: 0 } });
  });
});

describe("attestation signatures", () => {
  const payload = { type: "https://resilience-gates.dev/attestation/release/v1", tag: "v1", commit: SHA, verdict: "pass" } as unknown as AttestationPayload;

  it("detects any change to the payload and a signer other than the trusted key", () => {
    const { key } = signingKey(PRIVATE);
    const signed = signPayload(payload, key, false);
    expect(verifyAttestation(signed, PUBLIC)).toBe("valid");
    expect(verifyAttestation({ ...signed, payload: { ...signed.payload, verdict: "block" } }, PUBLIC)).toBe("invalid");
    const other = signPayload(payload, generateKeyPairSync("ed25519").privateKey, false);
    expect(verifyAttestation(other, PUBLIC)).toBe("invalid");
  });

  it("without a trusted key, a self-signed attestation is at most unverified, never valid", () => {
    // Anyone can sign a payload of their choosing with a key of their own and carry that key along.
    const forged = signPayload({ ...payload, verdict: "pass" }, generateKeyPairSync("ed25519").privateKey, false);
    expect(verifyAttestation(forged)).toBe("unverified");
    expect(verifyAttestation({ ...forged, payload: { ...forged.payload, verdict: "block" } })).toBe("invalid");
    // A carried public key that is not the one the keyId names.
    expect(verifyAttestation({ ...forged, signature: { ...forged.signature, publicKey: PUBLIC } })).toBe("invalid");
    expect(verifyAttestation({ ...forged, signature: { ...forged.signature, publicKey: "not a key" } })).toBe("invalid");
  });

  it("signs with a throwaway key when none is configured, and says so", () => {
    const { key, ephemeral } = signingKey(undefined);
    expect(ephemeral).toBe(true);
    const signed = signPayload(payload, key, ephemeral);
    expect(signed.signature.ephemeral).toBe(true);
    expect(verifyAttestation(signed)).toBe("unverified");
  });

  it("refuses a key that is not Ed25519", () => {
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    expect(() => signingKey(rsa)).toThrow(/not Ed25519/);
    expect(() => signingKey("-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----")).toThrow(/not a PEM private key/);
  });

  it("canonical JSON sorts keys at every level", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}');
  });
});

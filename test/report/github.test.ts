import { createServer, type AddressInfo, type Socket } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/engine/logger.js";
import { GitHubApi, nextPage } from "../../src/report/github/api.js";
import { ANNOTATIONS_PER_REQUEST, checkRunName, conclusionOf, MAX_ANNOTATIONS, publishChecks, startChecks } from "../../src/report/github/checks.js";
import { escapeData, escapeProperty, reportAnnotations, workflowCommand } from "../../src/report/github/commands.js";
import { upsertComment } from "../../src/report/github/comment.js";
import { githubContextFromEnv, type GitHubContext } from "../../src/report/github/context.js";
import { CHECK_SUMMARY_LIMIT, checkRunSummary, COMMENT_LIMIT, COMMENT_MARKER, commentBody, findingsSection, jobSummary } from "../../src/report/github/markdown.js";
import { problemsOf, startApiServer, type ApiServer, type RecordedRequest, type Reply } from "./github-api.js";
import { finding, gate, sampleReport, waived } from "./sample.js";

let server: ApiServer;
let nextId = 1000;
let routes: (request: RecordedRequest) => Reply | undefined;

function defaultRoutes(request: RecordedRequest): Reply {
  if (request.method === "POST" && request.path.endsWith("/check-runs")) {
    nextId += 1;
    return { status: 201, body: { id: nextId, html_url: `https://github.example/acme/shop/runs/${nextId}` } };
  }
  if (request.method === "PATCH" && /\/check-runs\/\d+$/.test(request.path)) return { status: 200, body: { id: Number(request.path.split("/").pop()) } };
  return { status: 404, body: { message: "Not Found" } };
}

beforeAll(async () => {
  server = await startApiServer((request) => routes(request) ?? defaultRoutes(request));
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  routes = () => undefined;
});

const context = (): GitHubContext => ({
  serverUrl: "https://github.example",
  apiUrl: server.url,
  owner: "acme",
  repo: "shop",
  sha: "4f2a9c0e1b7d3a5c6e8f0a1b2c3d4e5f6a7b8c9d",
  runUrl: "https://github.example/acme/shop/actions/runs/77",
  pullRequest: 12,
});
const api = () => new GitHubApi({ apiUrl: server.url, token: "t0ken", retryDelayMs: 1 });

/** Every request the reporter sent must be valid by GitHub's published REST description. */
function expectValidRequests(): void {
  expect(server.requests.length).toBeGreaterThan(0);
  expect(server.requests.flatMap(problemsOf)).toEqual([]);
}

describe("check runs", () => {
  it("creates one check run per gate, annotations in batches of at most 50, every request valid by the OpenAPI description", async () => {
    const report = sampleReport(120);
    const outcome = await publishChecks(report, { api: api(), context: context(), failOn: "block", logger: silentLogger });
    expect(outcome).toMatchObject({ failed: [] });
    expect(outcome.stopped).toBeUndefined();
    expectValidRequests();
    const creates = server.requests.filter((request) => request.method === "POST");
    expect(creates.map((request) => (request.body as { name: string }).name)).toEqual(report.gates.map((g) => checkRunName(g.id)));
    expect(creates.map((request) => (request.body as { conclusion: string }).conclusion)).toEqual(["failure", "success", "failure"]);
    const batches = server.requests.map((request) => ((request.body as { output: { annotations?: unknown[] } }).output.annotations ?? []).length);
    expect(batches.every((size) => size <= ANNOTATIONS_PER_REQUEST)).toBe(true);
    const patches = server.requests.filter((request) => request.method === "PATCH");
    expect(patches).toHaveLength(2);
    expect(patches.map((request) => request.path)).toEqual([`/repos/acme/shop/check-runs/${nextId - 2}`, `/repos/acme/shop/check-runs/${nextId - 2}`]);
    expect(batches.reduce((sum, size) => sum + size, 0)).toBe(120);
    const first = (creates[0]!.body as { output: { annotations: Record<string, unknown>[] } }).output.annotations[0]!;
    expect(first).toMatchObject({ path: "deploy/app 0.yaml", start_line: 10, end_line: 10, start_column: 9, annotation_level: "failure" });
    const warning = (creates[0]!.body as { output: { annotations: Record<string, unknown>[] } }).output.annotations[1]!;
    expect(warning.annotation_level).toBe("warning");
    expect(creates[0]!.headers.authorization).toBe("Bearer t0ken");
    expect(creates[0]!.body).toMatchObject({ head_sha: context().sha, status: "completed", details_url: context().runUrl });
  });

  it("starts a check run in progress per gate, then completes each in place: 422 retried minimal, a vanished run (404) created anew", async () => {
    const report = sampleReport(60);
    const started = await startChecks(report.gates.map((g) => g.id), { api: api(), context: context(), logger: silentLogger, now: () => new Date("2026-12-01T10:00:00.123Z") });
    expect(started.stopped).toBeUndefined();
    const ids = [...started.ids.values()];
    expect(ids).toHaveLength(3);
    expect(server.requests.map((request) => request.body)).toEqual(
      report.gates.map((g) =>
        expect.objectContaining({ name: checkRunName(g.id), head_sha: context().sha, status: "in_progress", started_at: "2026-12-01T10:00:00Z", external_id: g.id, output: expect.objectContaining({ title: "running" }) }),
      ),
    );
    server.requests.length = 0;
    routes = (request) => {
      if (request.method === "PATCH" && request.path.endsWith(`/${ids[0]}`) && (request.body as { output: { annotations?: unknown[] } }).output.annotations) return { status: 422, body: { message: "Invalid request" } };
      if (request.method === "PATCH" && request.path.endsWith(`/${ids[2]}`)) return { status: 404, body: { message: "Not Found" } };
      return undefined;
    };
    const outcome = await publishChecks(report, { api: api(), context: context(), failOn: "block", logger: silentLogger, started });
    expectValidRequests();
    expect(outcome.failed).toEqual([]);
    expect(outcome.checks.map((check) => check.id)).toEqual([ids[0], ids[1], nextId]);
    expect(outcome.checks[0]!.problem).toMatch(/GitHub refused the full output/);
    // gate 1: refused (422) with annotations, completed with the minimal summary; gate 2 in place; gate 3 vanished, created.
    expect(server.requests.map((request) => `${request.method} ${request.path.replace(/\d+$/, "N")} ${(request.body as { status?: string }).status ?? ""}`.trim())).toEqual([
      "PATCH /repos/acme/shop/check-runs/N completed",
      "PATCH /repos/acme/shop/check-runs/N completed",
      "PATCH /repos/acme/shop/check-runs/N completed",
      "PATCH /repos/acme/shop/check-runs/N completed",
      "POST /repos/acme/shop/check-runs completed",
    ]);
  });

  it("stops starting check runs at a read-only token (fork PRs)", async () => {
    routes = (request) => (request.method === "POST" ? { status: 403, body: { message: "Resource not accessible by integration" } } : undefined);
    const started = await startChecks(["security-context", "migrations"], { api: api(), context: context(), logger: silentLogger });
    expect(started).toMatchObject({ stopped: { reason: "forbidden" } });
    expect(started.ids.size).toBe(0);
    expect(server.requests).toHaveLength(1);
  });

  it("names check runs after check-name, so two workflows on one commit write distinct checks", async () => {
    await publishChecks(sampleReport(1), { api: api(), context: context(), failOn: "block", logger: silentLogger, checkName: "resilience-gates-e2e" });
    expectValidRequests();
    expect(server.requests.map((request) => (request.body as { name: string }).name)).toEqual(["resilience-gates-e2e / security-context", "resilience-gates-e2e / migrations", "resilience-gates-e2e / backups"]);
  });

  it("the OpenAPI check bites: a misspelt field or a wrong annotation level fails", async () => {
    await publishChecks(sampleReport(2), { api: api(), context: context(), failOn: "block", logger: silentLogger });
    const create = server.requests[0]!;
    const body = structuredClone(create.body) as Record<string, unknown> & { output: { annotations: Record<string, unknown>[] } };
    expect(problemsOf({ ...create, body: { ...body, conclsion: "success" } })).not.toEqual([]);
    body.output.annotations[0]!.annotation_level = "error";
    expect(problemsOf({ ...create, body })).not.toEqual([]);
    expect(problemsOf({ ...create, path: "/repos/acme/shop/check-run" })).not.toEqual([]);
  });

  it("maps verdicts to conclusions, with fail-on warn turning a warning into a failure", () => {
    expect(conclusionOf("pass", "block")).toBe("success");
    expect(conclusionOf("warn", "block")).toBe("neutral");
    expect(conclusionOf("warn", "warn")).toBe("failure");
    expect(conclusionOf("block", "block")).toBe("failure");
    expect(conclusionOf("error", "block")).toBe("failure");
  });

  it("keeps the summary within 65,535 characters and says it was cut", async () => {
    const huge = Array.from({ length: 4000 }, (_, i) => finding(i, { location: { file: `deploy/f${i}.yaml`, line: i + 1, column: 1 }, message: `${"m".repeat(80)} ${i}` }));
    const report = { verdict: "block" as const, gates: [gate("security-context", huge)] };
    const summary = checkRunSummary(report.gates[0]!, context(), context().runUrl);
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(CHECK_SUMMARY_LIMIT);
    expect(summary).toMatch(/> ✂️ [\d,]+ lines of section security-context findings left out \(GitHub's check-run limit, 65,535 bytes; also in the \[job summary\]\([^)]+\)\); full list in SARIF\/JSON\./);
    // Annotations are capped (max-annotations, default 500): 10 requests, not 80; the summary says so.
    const outcome = await publishChecks(report, { api: api(), context: context(), failOn: "block", logger: silentLogger });
    expectValidRequests();
    expect(server.requests).toHaveLength(MAX_ANNOTATIONS / ANNOTATIONS_PER_REQUEST);
    expect(outcome.checks[0]!.annotations).toBe(500);
    const created = server.requests[0]!.body as { output: { summary: string } };
    expect(created.output.summary).toContain("500 of 4,000 findings are annotated (input `max-annotations`)");
    server.requests.length = 0;
    await publishChecks(report, { api: api(), context: context(), failOn: "block", logger: silentLogger, maxAnnotations: 4000 });
    expect(server.requests).toHaveLength(4000 / ANNOTATIONS_PER_REQUEST);
  });

  it("measures GitHub's limits in UTF-8 bytes: Cyrillic findings under 65,535 characters still fit in 65,535 bytes", async () => {
    const cyrillic = Array.from({ length: 400 }, (_, i) =>
      finding(i, { rule: "MIG-004", severity: "block", location: { file: "db/migrations/0042_платежи.sql", line: i + 1, column: 1 }, message: `таблица «платежи_${i}» переписывается целиком: ${"ш".repeat(60)}` }),
    );
    const report = { verdict: "block" as const, gates: [gate("migrations", cyrillic)] };
    const full = findingsSection(report.gates[0]!, undefined).flatMap((section) => section.lines).join("\n");
    expect(full.length).toBeLessThan(CHECK_SUMMARY_LIMIT);
    expect(Buffer.byteLength(full)).toBeGreaterThan(CHECK_SUMMARY_LIMIT);
    const summary = checkRunSummary(report.gates[0]!, undefined);
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(CHECK_SUMMARY_LIMIT);
    expect(summary.length).toBeLessThan(CHECK_SUMMARY_LIMIT);
    expect(summary).toContain("lines of section migrations findings left out");
    expect(summary).toContain("How to fix");
    expect(summary).not.toContain("\uFFFD");
    // GitHub answers 422 to more than 65,535 bytes: the fake does too, and no request is refused.
    routes = (request) => {
      const body = request.body as { output?: { summary?: string; title?: string } } | undefined;
      const bytes = Buffer.byteLength(body?.output?.summary ?? "");
      return bytes > CHECK_SUMMARY_LIMIT ? { status: 422, body: { message: `Invalid request.\n\nOnly 65535 characters are allowed; ${bytes} were supplied.` } } : undefined;
    };
    const outcome = await publishChecks(report, { api: api(), context: context(), failOn: "block", logger: silentLogger });
    expect(outcome.failed).toEqual([]);
    expect(outcome.checks.map((check) => check.problem)).toEqual([undefined]);
    expectValidRequests();
  });

  it("a 422 for one gate is retried with a minimal summary, a second refusal fails that gate only, and every later gate still gets its check run", async () => {
    const report = sampleReport(5);
    routes = (request) => {
      if (request.method !== "POST") return undefined;
      const body = request.body as { external_id: string; output: { annotations?: unknown[] } };
      if (body.external_id === "security-context" && body.output.annotations) return { status: 422, body: { message: "Validation Failed" } };
      if (body.external_id === "migrations") return { status: 422, body: { message: "Validation Failed" } };
      return undefined;
    };
    const outcome = await publishChecks(report, { api: api(), context: context(), failOn: "block", logger: silentLogger });
    expectValidRequests();
    expect(outcome.stopped).toBeUndefined();
    expect(outcome.failed).toEqual([{ gate: "migrations", detail: expect.stringContaining("HTTP 422") as string }]);
    expect(outcome.checks.map((check) => check.gate)).toEqual(["security-context", "backups"]);
    expect(outcome.checks[0]!.problem).toMatch(/minimal summary/);
    const retried = server.requests.filter((request) => (request.body as { external_id: string }).external_id === "security-context");
    expect(retried).toHaveLength(2);
    expect((retried[1]!.body as { output: { summary: string; annotations?: unknown } }).output).toMatchObject({ summary: expect.stringContaining("GitHub refused the full summary") as string });
    expect((retried[1]!.body as { output: { annotations?: unknown } }).output.annotations).toBeUndefined();
  });

  it("falls back without failing on 403 from a read-only token (fork pull requests)", async () => {
    routes = (request) => (request.method === "POST" ? { status: 403, body: { message: "Resource not accessible by integration" } } : undefined);
    const outcome = await publishChecks(sampleReport(3), { api: api(), context: context(), failOn: "block", logger: silentLogger });
    expect(outcome).toMatchObject({ stopped: { reason: "forbidden" }, checks: [] });
    expect(server.requests).toHaveLength(1);
  });

  it("retries a 502, and a 502 that stays is that gate's failure while the loop goes on", async () => {
    let calls = 0;
    routes = (request) => (request.method === "POST" && calls++ === 0 ? { status: 502, body: { message: "Bad gateway" } } : undefined);
    const outcome = await publishChecks(sampleReport(1), { api: api(), context: context(), failOn: "block", logger: silentLogger });
    expect(outcome).toMatchObject({ failed: [] });
    expect(outcome.checks).toHaveLength(3);
    routes = (request) => ((request.body as { external_id: string }).external_id === "security-context" ? { status: 502, body: { message: "Bad gateway" } } : undefined);
    const failed = await publishChecks(sampleReport(1), { api: api(), context: context(), failOn: "block", logger: silentLogger });
    expect(failed.failed.map((entry) => entry.gate)).toEqual(["security-context"]);
    expect(failed.checks.map((check) => check.gate)).toEqual(["migrations", "backups"]);
  });

  it("an exhausted rate limit (403, x-ratelimit-remaining: 0) is waited out when it resets soon, else reported as rate limited, never as a fork's token", async () => {
    let limited = 1;
    const exhausted = (resetInSeconds: number): Reply => ({
      status: 403,
      body: { message: "API rate limit exceeded for installation ID 1.", documentation_url: "https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting" },
      headers: { "x-ratelimit-limit": "1000", "x-ratelimit-remaining": "0", "x-ratelimit-used": "1000", "x-ratelimit-reset": String(Math.ceil(Date.now() / 1000) + resetInSeconds) },
    });
    routes = (request) => (request.method === "POST" && limited-- > 0 ? exhausted(0) : undefined);
    const waiting = new GitHubApi({ apiUrl: server.url, token: "t0ken", retryDelayMs: 1, rateLimitWaitMs: 5000 });
    const started = Date.now();
    const waited = await publishChecks(sampleReport(1), { api: waiting, context: context(), failOn: "block", logger: silentLogger });
    expect(waited.failed).toEqual([]);
    expect(waited.checks).toHaveLength(3);
    expect(Date.now() - started).toBeLessThan(5000);

    server.requests.length = 0;
    routes = (request) => (request.method === "POST" ? exhausted(3600) : undefined);
    const outcome = await publishChecks(sampleReport(1), { api: waiting, context: context(), failOn: "block", logger: silentLogger });
    expect(outcome.stopped).toMatchObject({ reason: "rate-limited", gates: ["security-context", "migrations", "backups"] });
    expect(outcome.stopped!.detail).toMatch(/rate limited \(HTTP 403, x-ratelimit-remaining: 0\) until \d{4}-/);
    // One request: an hour's wait is beyond the bound, and nothing more is sent into an exhausted limit.
    expect(server.requests).toHaveLength(1);
    expectValidRequests();
  });

  it("without a token publishes nothing", async () => {
    expect(await publishChecks(sampleReport(1), { api: undefined, context: context(), failOn: "block", logger: silentLogger })).toMatchObject({ stopped: { reason: "no-token" }, checks: [] });
  });
});

describe("a GitHub that does not answer", () => {
  it("gives up after the request timeout, retried, with a message naming the call and the limit", async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      const client = new GitHubApi({ apiUrl: `http://127.0.0.1:${port}`, token: "t0ken", retries: 1, retryDelayMs: 1, requestTimeoutMs: 300 });
      const started = Date.now();
      await expect(client.request("GET", "/repos/acme/shop/commits/abc/check-runs")).rejects.toThrow(/GET \/repos\/acme\/shop\/commits\/abc\/check-runs.*no complete answer within 0\.3s \(2 attempts\)/);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(sockets.length).toBeGreaterThanOrEqual(2);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});

describe("paging", () => {
  const list = (request: RecordedRequest, last: number): Reply => {
    const page = Number(request.query.page);
    const next = page < last ? { link: `<${server.url}/repos/acme/shop/issues/12/comments?per_page=100&page=${page + 1}>; rel="next"` } : undefined;
    return { status: 200, body: [{ id: page, body: `comment ${page}` }], ...(next ? { headers: next } : {}) };
  };

  it("follows Link rel=next through short pages until there is none", async () => {
    routes = (request) => list(request, 12);
    const items = await api().paginate("/repos/acme/shop/issues/12/comments", (page) => page as { id: number }[]);
    expect(items.map((item) => item.id)).toEqual(Array.from({ length: 12 }, (_, index) => index + 1));
    expectValidRequests();
  });

  it("is an error naming the list, never a silently shortened list, past its page bound", async () => {
    routes = (request) => list(request, 1_000_000);
    await expect(api().paginate("/repos/acme/shop/issues/12/comments", (page) => page as unknown[], 5)).rejects.toThrow(
      "GET /repos/acme/shop/issues/12/comments: no response: more than 5 pages of 100 (5 items read); the list is not read further",
    );
  });

  it("reads rel=next among other relations, relative links, and refuses a link outside the API", () => {
    const api = "https://ghe.example/api/v3";
    expect(nextPage('<https://ghe.example/api/v3/repos/a/b/pulls?page=3>; rel="last", <https://ghe.example/api/v3/repos/a/b/pulls?page=2>; rel="next"', api, "/x")).toBe("/repos/a/b/pulls?page=2");
    expect(nextPage('</api/v3/repos/a/b/pulls?page=2>; rel="prev next"', api, "/x")).toBe("/repos/a/b/pulls?page=2");
    expect(nextPage('<https://ghe.example/api/v3/repos/a/b/pulls?page=1>; rel="prev"', api, "/x")).toBeUndefined();
    expect(nextPage(null, api, "/x")).toBeUndefined();
    expect(() => nextPage('<https://elsewhere.example/api/v3/repos/a/b?page=2>; rel="next"', api, "/x")).toThrow(/outside the API/);
    expect(() => nextPage('<https://ghe.example/other/repos?page=2>; rel="next"', api, "/x")).toThrow(/outside the API/);
  });
});

describe("PR comment", () => {
  const installationToken: Reply = { status: 403, body: { message: "Resource not accessible by integration", documentation_url: "https://docs.github.com/rest/users/users#get-the-authenticated-user" } };

  it("updates the one comment that carries the marker and the token's own login (an installation token: github-actions[bot]), found on a later page", async () => {
    const page1 = Array.from({ length: 100 }, (_, i) => ({ id: i + 1, body: i === 3 ? `${COMMENT_MARKER}\nquoted by a person` : `chatter ${i}`, user: { login: "someone", type: "User" } }));
    const page2 = [{ id: 555, body: `${COMMENT_MARKER}\nold verdict`, user: { login: "github-actions[bot]", type: "Bot" } }];
    routes = (request) => {
      if (request.method === "GET" && request.path === "/user") return installationToken;
      // GitHub links the next page (Link rel="next"); the client follows the link, not a guess from the page's length.
      if (request.method === "GET" && request.query.page === "1") return { status: 200, body: page1, headers: { link: `<${server.url}/repos/acme/shop/issues/12/comments?per_page=100&page=2>; rel="next", <${server.url}/repos/acme/shop/issues/12/comments?per_page=100&page=2>; rel="last"` } };
      if (request.method === "GET") return { status: 200, body: page2 };
      if (request.method === "PATCH") return { status: 200, body: { id: 555 } };
      return undefined;
    };
    const body = commentBody(sampleReport(3), context(), context().runUrl);
    const done = await upsertComment(api(), context(), body);
    expect(done).toEqual({ action: "updated", id: 555, author: "github-actions[bot]" });
    expectValidRequests();
    const patches = server.requests.filter((request) => request.method === "PATCH");
    expect(patches.map((request) => request.path)).toEqual(["/repos/acme/shop/issues/comments/555"]);
    expect((patches[0]!.body as { body: string }).body.startsWith(COMMENT_MARKER)).toBe(true);
  });

  it("with a user's token (GET /user answers its login) edits only that user's comment, never a person's that carries the marker", async () => {
    const comments = [
      { id: 7, body: `${COMMENT_MARKER}\nI pasted the marker`, user: { login: "mallory", type: "User" } },
      { id: 8, body: `${COMMENT_MARKER}\nold verdict`, user: { login: "github-actions[bot]", type: "Bot" } },
      { id: 9, body: `${COMMENT_MARKER}\nold verdict`, user: { login: "Acme-CI", type: "User" } },
    ];
    routes = (request) => {
      if (request.method === "GET" && request.path === "/user") return { status: 200, body: { login: "acme-ci", id: 1, type: "User" } };
      if (request.method === "GET") return { status: 200, body: comments };
      if (request.method === "PATCH") return { status: 200, body: { id: 9 } };
      return undefined;
    };
    expect(await upsertComment(api(), context(), commentBody(sampleReport(1), context()))).toEqual({ action: "updated", id: 9, author: "acme-ci" });
    expectValidRequests();
    expect(server.requests.filter((request) => request.method === "PATCH").map((request) => request.path)).toEqual(["/repos/acme/shop/issues/comments/9"]);
  });

  it("creates the comment when none carries the marker, or only someone else's does", async () => {
    routes = (request) => {
      if (request.method === "GET" && request.path === "/user") return installationToken;
      if (request.method === "GET") return { status: 200, body: [{ id: 1, body: "lgtm" }, { id: 2, body: `${COMMENT_MARKER} mine now`, user: { login: "mallory", type: "User" } }] };
      if (request.method === "POST") return { status: 201, body: { id: 9 } };
      return undefined;
    };
    expect(await upsertComment(api(), context(), commentBody(sampleReport(1), context()))).toEqual({ action: "created", id: 9, author: "github-actions[bot]" });
    expectValidRequests();
    expect(server.requests.map((request) => `${request.method} ${request.path}`)).toEqual(["GET /user", "GET /repos/acme/shop/issues/12/comments", "POST /repos/acme/shop/issues/12/comments"]);
  });
});

describe("job summary and step annotations", () => {
  it("has the verdict table, findings grouped by file with links to the lines, waivers and durations", () => {
    const markdown = jobSummary(sampleReport(4), context());
    expect(markdown).toContain("| gate | verdict | findings | waived | duration |");
    expect(markdown).toContain("| `security-context` | ❌ block | 4 (2 block, 2 warn) | 1 | 42 ms |");
    expect(markdown).toContain("| `backups` | 💥 error | could not run | 0 | 3 ms |");
    expect(markdown).toContain(`[L10:9](https://github.example/acme/shop/blob/${context().sha}/deploy/app%200.yaml#L10)`);
    expect(markdown).toContain(`**[deploy/app 0.yaml](https://github.example/acme/shop/blob/${context().sha}/deploy/app%200.yaml)**`);
    expect(markdown).toContain("Waivers applied (1)");
    expect(markdown).toContain("| `SC-020` |");
    expect(markdown).toContain(`[.resilience/waivers.yaml:3:5](https://github.example/acme/shop/blob/${context().sha}/.resilience/waivers.yaml#L3)`);
    // Finding text cannot inject HTML or break the table.
    expect(markdown).toContain("\\| &lt;b&gt;not&lt;/b&gt; 100% ok");
    expect(markdown).not.toContain("<b>not</b>");
  });

  it("one file with many findings is cut line by line: later small sections (fixes, waivers, other gates) stay, and the cut is stated", () => {
    const many = Array.from({ length: 3000 }, (_, i) => finding(i, { rule: "SC-005", severity: "block", location: { file: "deploy/huge.yaml", line: i + 1, column: 3 } }));
    const report = { verdict: "error" as const, gates: [gate("security-context", many, { waived: [waived] }), ...sampleReport(2).gates.slice(1), gate("slo", [finding(1, { rule: "SLO-001", title: "Objective missed", location: { file: "slo/api.yaml", line: 4 } })])] };
    for (const [text, limit] of [
      [commentBody(report, context(), context().runUrl), COMMENT_LIMIT],
      [checkRunSummary(report.gates[0]!, context(), context().runUrl), CHECK_SUMMARY_LIMIT],
    ] as const) {
      expect(Buffer.byteLength(text)).toBeLessThanOrEqual(limit);
      const cut = /> ✂️ ([\d,]+) lines of section security-context findings left out \([^)]*(?:\([^)]*\))?[^)]*\); full list in SARIF\/JSON\./.exec(text);
      expect(cut, text.slice(-2000)).not.toBeNull();
      const omitted = Number(cut![1]!.replace(/,/g, ""));
      const shown = text.split("\n").filter((line) => line.includes("`SC-005`") && line.startsWith("- ")).length;
      expect(shown).toBeGreaterThan(50);
      expect(shown + omitted).toBe(3000);
      expect(text).toContain("<summary>How to fix</summary>");
      expect(text).toContain("</details>");
      expect(text).toContain("Waivers applied (1)");
    }
    const comment = commentBody(report, context(), context().runUrl);
    expect(comment).toContain("#### 💥 `backups` — error");
    expect(comment).toContain("store ledger-db has no tier");
    expect(comment).toContain("`SLO-001`");
    expect(comment).not.toContain("sections left out");
  });

  it("links at the PR head commit, read from the event payload", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const event = join(mkdtempSync(join(tmpdir(), "rg-event-")), "event.json");
    writeFileSync(event, JSON.stringify({ pull_request: { number: 7, head: { sha: "headsha" } } }));
    const ctx = githubContextFromEnv({ GITHUB_REPOSITORY: "acme/shop", GITHUB_SHA: "mergesha", GITHUB_EVENT_PATH: event, GITHUB_EVENT_NAME: "pull_request", GITHUB_SERVER_URL: "https://ghe.example", GITHUB_RUN_ID: "5" });
    expect(ctx).toMatchObject({ sha: "headsha", pullRequest: 7, runUrl: "https://ghe.example/acme/shop/actions/runs/5", apiUrl: "https://api.github.com" });
    expect(githubContextFromEnv({ GITHUB_REPOSITORY: "acme/shop", GITHUB_SHA: "abc" })?.sha).toBe("abc");
    expect(githubContextFromEnv({})).toBeUndefined();
  });

  it("annotates at most 10 per level and says how many were left out", () => {
    const annotations = reportAnnotations(sampleReport(60));
    expect(annotations.filter((a) => a.level === "error")).toHaveLength(10);
    expect(annotations.filter((a) => a.level === "warning")).toHaveLength(10);
    const notice = annotations.filter((a) => a.level === "notice");
    expect(notice).toHaveLength(1);
    expect(notice[0]!.message).toMatch(/^41 more findings not annotated here/);
    // The gate error comes first.
    expect(annotations[0]).toMatchObject({ level: "error", title: "backups could not run" });
  });

  it("escapes workflow commands the way the runner decodes them", () => {
    expect(escapeData("50%\r\nnext")).toBe("50%25%0D%0Anext");
    expect(escapeProperty("a:b,c")).toBe("a%3Ab%2Cc");
    expect(workflowCommand({ level: "error", file: "deploy/a,b.yaml", line: 3, col: 5, title: "SC-005: x", message: "line1\nline2" })).toBe(
      "::error file=deploy/a%2Cb.yaml,line=3,col=5,title=SC-005%3A x::line1%0Aline2",
    );
  });
});

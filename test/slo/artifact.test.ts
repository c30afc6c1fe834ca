// The slo gate's baseline from a workflow artifact: the newest unexpired artifact of that name from a run
// on the default branch, downloaded through GitHub's redirect and unzipped. GitHub is the one part that
// cannot run here: a local server stands in, and every request to it is checked against GitHub's
// published REST description (@octokit/openapi).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { crc32, deflateRawSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { problemsOf, startApiServer, type ApiServer, type RecordedRequest, type Reply } from "../report/github-api.js";
import { repoRoot, runCliAsync } from "../support/cli.js";

/** A zip archive of deflated files, as GitHub serves an artifact. */
function zip(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text);
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const faster = readFileSync(join(repoRoot, "fixtures", "slo", "data", "baseline-faster.json"), "utf8");
const artifact = (id: number, branch: string, createdAt: string, expired = false) => ({
  id,
  node_id: `MDg6QXJ0aWZhY3Q${id}`,
  name: "slo-baseline",
  size_in_bytes: 512,
  url: `https://api.github.com/repos/acme/shop/actions/artifacts/${id}`,
  archive_download_url: `https://api.github.com/repos/acme/shop/actions/artifacts/${id}/zip`,
  expired,
  created_at: createdAt,
  expires_at: "2027-02-01T00:00:00Z",
  updated_at: createdAt,
  workflow_run: { id: id * 10, repository_id: 1, head_repository_id: 1, head_branch: branch, head_sha: "009b8a3a9ccbb128af87f9b1c0f4c62e8a304f6d" },
});

let api: ApiServer;
let archives: Record<number, Buffer>;
/** When set, the artifact list is served in these pages, linked by `Link: <…>; rel="next"` as GitHub does. */
let pages: ReturnType<typeof artifact>[][] | undefined;

function handler(request: RecordedRequest): Reply {
  if (request.path === "/repos/acme/shop") return { status: 200, body: { id: 1, name: "shop", full_name: "acme/shop", default_branch: "main" } };
  if (request.path === "/repos/acme/shop/actions/artifacts" && pages) {
    const page = Number(request.query.page ?? "1");
    const link = (to: number) => `<${api.url}/repos/acme/shop/actions/artifacts?name=slo-baseline&per_page=100&page=${to}>`;
    const links = [...(page < pages.length ? [`${link(page + 1)}; rel="next"`, `${link(pages.length)}; rel="last"`] : []), ...(page > 1 ? [`${link(1)}; rel="first"`] : [])];
    return { status: 200, body: { total_count: pages.flat().length, artifacts: pages[page - 1] ?? [] }, ...(links.length ? { headers: { link: links.join(", ") } } : {}) };
  }
  if (request.path === "/repos/acme/shop/actions/artifacts") {
    return {
      status: 200,
      body: {
        total_count: 4,
        artifacts: [
          artifact(4, "feature/faster", "2026-11-20T10:00:00Z"),
          artifact(3, "main", "2026-11-19T10:00:00Z", true),
          artifact(2, "main", "2026-11-18T10:00:00Z"),
          artifact(1, "main", "2026-11-01T10:00:00Z"),
        ],
      },
    };
  }
  const download = /^\/repos\/acme\/shop\/actions\/artifacts\/(\d+)\/zip$/.exec(request.path);
  if (download) return { status: 302, headers: { location: `${api.url}/storage/artifact-${download[1]}.zip` } };
  const blob = /^\/storage\/artifact-(\d+)\.zip$/.exec(request.path);
  if (blob && archives[Number(blob[1])]) return { status: 200, body: archives[Number(blob[1])] };
  return { status: 404, body: { message: "Not Found" } };
}

beforeAll(async () => {
  api = await startApiServer(handler);
});
afterAll(() => api.close());

const env = () => ({ GITHUB_API_URL: api.url, GITHUB_TOKEN: "ghs_test", GITHUB_REPOSITORY: "acme/shop" });
const slo = (...extra: string[]) =>
  runCliAsync(["check", "slo", "--slo", "fixtures/slo/data/slos.yaml", "--summary", "fixtures/load-budget/data/healthy.json", "--format", "json", ...extra], { env: env() });

describe("slo baseline from a workflow artifact", () => {
  it("reads the newest unexpired artifact from a run on the default branch, through the download redirect", async () => {
    archives = { 2: zip({ "slo-baseline.json": faster }), 1: zip({ "slo-baseline.json": "{}" }) };
    api.requests.length = 0;
    const run = await slo("--baseline-artifact", "slo-baseline");
    expect(run.stderr).toContain("slo: baseline from artifact slo-baseline #2 (run 20 on main, 2026-11-18T10:00:00Z)");
    const report = JSON.parse(run.stdout) as { gates: { findings: { rule: string; location?: { file: string } }[] }[] };
    // The same regression the file-based fixture slo-002-latency-regression.yaml shows.
    expect(report.gates[0]?.findings.map((finding) => finding.rule)).toContain("SLO-002");
    expect(run.status).toBe(1);
    const githubCalls = api.requests.filter((request) => request.path.startsWith("/repos/"));
    expect(githubCalls.map((request) => `${request.method} ${request.path}`)).toEqual([
      "GET /repos/acme/shop",
      "GET /repos/acme/shop/actions/artifacts",
      "GET /repos/acme/shop/actions/artifacts/2/zip",
    ]);
    expect(githubCalls[1]?.query).toEqual({ name: "slo-baseline", per_page: "100", page: "1" });
    for (const request of githubCalls) {
      expect(problemsOf(request), `${request.method} ${request.path}`).toEqual([]);
      expect(request.headers.authorization).toBe("Bearer ghs_test");
    }
  });

  it("reads every page of the artifact list (Link rel=next), not only the first", async () => {
    // A busy repository: a full first page of feature-branch artifacts, the default branch's on page 2.
    pages = [Array.from({ length: 100 }, (_, index) => artifact(1000 + index, `feature/f${index}`, "2026-11-21T10:00:00Z")), [artifact(2, "main", "2026-11-18T10:00:00Z")]];
    archives = { 2: zip({ "slo-baseline.json": faster }) };
    api.requests.length = 0;
    try {
      const run = await slo("--baseline-artifact", "slo-baseline");
      expect(run.stderr).toContain("slo: baseline from artifact slo-baseline #2 (run 20 on main");
      expect(run.status, run.stdout).toBe(1);
      const listed = api.requests.filter((request) => request.path === "/repos/acme/shop/actions/artifacts");
      expect(listed.map((request) => request.query.page)).toEqual(["1", "2"]);
      for (const request of listed) expect(problemsOf(request)).toEqual([]);
    } finally {
      pages = undefined;
    }
  });

  it("is an error, never a pass, when no usable artifact exists or the archive is not a baseline", async () => {
    archives = { 2: zip({ "notes.txt": "hello" }) };
    const empty = await slo("--baseline-artifact", "slo-baseline");
    expect(empty.status).toBe(2);
    expect(empty.stdout).toContain("the artifact holds 0 JSON files, not one (it holds notes.txt)");

    archives = { 2: Buffer.from("PK\u0003\u0004 cut short") };
    const broken = await slo("--baseline-artifact", "slo-baseline");
    expect(broken.status).toBe(2);
    expect(broken.stdout).toContain("artifact slo-baseline #2 is not a zip archive this reader takes: no end of central directory");

    const none = await slo("--baseline-artifact", "other-name");
    expect(none.status).toBe(2);
    expect(none.stdout).toMatch(/no unexpired artifact of that name from a run on main in acme\/shop \(0 with that name, 0 expired\)/);

    const noToken = await runCliAsync(["check", "slo", "--slo", "fixtures/slo/data/slos.yaml", "--summary", "fixtures/load-budget/data/healthy.json", "--baseline-artifact", "x"], {
      env: { GITHUB_API_URL: api.url, GITHUB_TOKEN: "", GITHUB_REPOSITORY: "acme/shop" },
    });
    expect(noToken.status).toBe(2);
    expect(noToken.stdout).toContain("GITHUB_TOKEN is not set");
  });
});

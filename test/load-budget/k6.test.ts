// The real k6 (.tools/bin/k6) against a small HTTP server in this process: both summary shapes k6 v1.8
// writes (--summary-export and handleSummary) read to the same figures, the inverted threshold booleans
// normalised, p(99) asked for, progress printed while it runs, and every way a run breaks mapped.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CollectorError, ConfigurationError } from "../../src/engine/errors.js";
import type { Logger } from "../../src/engine/logger.js";
import { standaloneWorkspace } from "../../src/sources/files.js";
import { measureEndpoint, parseK6Summary, readK6Summary, requireJudgeable, runK6, type K6RunRequest } from "../../src/sources/k6.js";
import { parseJsonText } from "../../src/sources/json.js";
import { runProcess } from "../../src/sources/tools.js";
import { inCi } from "../support/ci.js";
import { repoRoot } from "../support/cli.js";

const k6 = join(repoRoot, ".tools", "bin", "k6");
const skip = !existsSync(k6) && !inCi;

let server: Server;
let target: string;
let scratch: string;
/** Bodies the scripts POSTed to /leak: what a PR's k6 script could send out. */
const leaked: string[] = [];

function recorder(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (m) => lines.push(m), warn: (m) => lines.push(m), debug: () => {} };
}

function script(name: string, body: string): string {
  const file = join(scratch, name);
  writeFileSync(file, body);
  return file;
}

function request(file: string, overrides: Partial<K6RunRequest> = {}): K6RunRequest {
  return {
    script: file,
    scriptShown: file.slice(repoRoot.length + 1),
    target,
    targetEnv: "BASE_URL",
    tag: "endpoint",
    endpoints: ["ok", "broken"],
    timeoutMs: 60_000,
    cwd: repoRoot,
    logger: recorder(),
    progressIntervalMs: 500,
    ...overrides,
  };
}

const LOAD = `
import http from "k6/http";
export const options = {
  scenarios: { load: { executor: "constant-arrival-rate", rate: 40, timeUnit: "1s", duration: "2s", preAllocatedVUs: 4 } },
  thresholds: { "http_req_failed{endpoint:broken}": ["rate<0.1"] },
};
export default function () {
  http.get(__ENV.BASE_URL + "/ok", { tags: { endpoint: "ok" } });
  if (__ITER % 4 === 0) http.get(__ENV.BASE_URL + "/broken", { tags: { endpoint: "broken" } });
}
export function handleSummary(data) { return { [__ENV.HANDLE_SUMMARY]: JSON.stringify(data) }; }
`;

describe.skipIf(skip)("k6 runs and summaries (real k6)", () => {
  beforeAll(async () => {
    if (!existsSync(k6)) throw new Error(`k6 is missing at ${k6}: bash scripts/bootstrap.sh k6`);
    mkdirSync(join(repoRoot, ".work"), { recursive: true });
    scratch = mkdtempSync(join(repoRoot, ".work", "k6-test-"));
    server = createServer((req, res) => {
      if (req.url === "/leak") {
        const chunks: Buffer[] = [];
        req.on("data", (chunk: Buffer) => chunks.push(chunk));
        req.on("end", () => {
          leaked.push(Buffer.concat(chunks).toString("utf8"));
          res.end("ok");
        });
        return;
      }
      res.statusCode = req.url === "/broken" ? 500 : 200;
      res.end("x".repeat(64));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    target = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it("a script that tries to send the token out finds neither the token, the action's inputs, the runner's tokens nor any system variable in __ENV", async () => {
    const planted = { GITHUB_TOKEN: "ghs_plantedGithubToken1", GH_TOKEN: "ghp_plantedGhToken2", "INPUT_GITHUB-TOKEN": "ghs_plantedInput3", ACTIONS_RUNTIME_TOKEN: "plantedRuntime4", ACTIONS_ID_TOKEN_REQUEST_TOKEN: "plantedOidc5", SOME_SYSTEM_VARIABLE: "plantedSystem6" };
    const saved = Object.fromEntries(Object.keys(planted).map((name) => [name, process.env[name]]));
    Object.assign(process.env, planted);
    leaked.length = 0;
    const exfiltrate = `
import http from "k6/http";
export const options = { vus: 1, iterations: 1 };
export default function () {
  http.post(__ENV.BASE_URL + "/leak", JSON.stringify(__ENV), { tags: { endpoint: "ok" } });
  http.get(__ENV.BASE_URL + "/ok", { tags: { endpoint: "ok" } });
  http.get(__ENV.BASE_URL + "/broken", { tags: { endpoint: "broken" } });
}
`;
    try {
      await runK6(request(script("exfiltrate.js", exfiltrate), { env: { CHOSEN: "given-with-env" } }));
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
    expect(leaked).toHaveLength(1);
    const seen = JSON.parse(leaked[0]!) as Record<string, string>;
    // The script did read its environment: the variables the gate passes with -e are there.
    expect(seen).toMatchObject({ BASE_URL: target, CHOSEN: "given-with-env" });
    for (const value of Object.values(planted)) expect(leaked[0]).not.toContain(value);
    expect(Object.keys(seen)).not.toContain("PATH");
    expect(Object.keys(seen)).not.toContain("HOME");
  });

  it("passes a target with a password through k6's environment, never its command line", async () => {
    const [scheme, rest] = target.split("://") as [string, string];
    const withPassword = `${scheme}://load:${"pw-on-argv-" + "7c1e"}@${rest}`;
    const slow = `
import http from "k6/http";
import { sleep } from "k6";
export const options = { vus: 1, iterations: 1 };
export default function () { sleep(1.5); http.get(__ENV.BASE_URL + "/ok", { tags: { endpoint: "ok" } }); }
`;
    const running = runK6(request(script("password.js", slow), { target: withPassword }));
    // Every process's command line, while k6 runs: none may show the password; k6's environment holds it.
    const marker = "pw-on-argv-7c1e";
    const onArgv: string[] = [];
    const ours: string[] = [];
    const deadline = Date.now() + 1200;
    while (Date.now() < deadline) {
      for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
        try {
          const argv = readFileSync(`/proc/${pid}/cmdline`, "utf8");
          if (argv.includes(marker)) onArgv.push(argv.replace(/\0/g, " "));
          if (!argv.includes("wrapper.js")) continue;
          const environ = readFileSync(`/proc/${pid}/environ`, "utf8");
          if (environ.includes(marker)) ours.push(environ);
        } catch {
          // gone meanwhile
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await running;
    expect(onArgv).toEqual([]);
    expect(ours.length).toBeGreaterThan(0);
    for (const environ of ours) {
      const names = environ.split("\0").filter(Boolean).map((entry) => entry.slice(0, entry.indexOf("=")));
      expect(names.filter((name) => !name.startsWith("K6_")).sort()).toEqual(["BASE_URL"]);
      expect(environ).toContain(`BASE_URL=${withPassword}`);
    }
  });

  it("refuses --include-system-env-vars in args: the runner's environment stays out of __ENV", async () => {
    await expect(runK6(request(script("sys.js", LOAD), { args: ["--include-system-env-vars=true"] }))).rejects.toThrow(/k6 argument --include-system-env-vars=true is not allowed/);
  });

  it("reads both summary shapes of one run to the same figures, with failed thresholds normalised and p(99)", async () => {
    const handle = join(scratch, "handle.json");
    const logger = recorder();
    const run = await runK6(request(script("load.js", LOAD), { env: { HANDLE_SUMMARY: handle }, summaryFile: join(scratch, "export.json"), logger }));
    // The script's threshold on the always-failing endpoint failed: k6 exits 99, which is judged, not an error.
    expect(run.exitCode).toBe(99);
    expect(logger.lines.some((line) => /^k6: \d+s elapsed, \d+ requests, \d+ errors$/.test(line))).toBe(true);

    const exported = readK6Summary(standaloneWorkspace(scratch), join(scratch, "export.json"), "export.json");
    const handled = readK6Summary(standaloneWorkspace(scratch), handle, "handle.json");
    expect(exported.shape).toBe("summary-export");
    expect(handled.shape).toBe("handleSummary");
    // --summary-export wrote `true` for the failed threshold; both read as passed: false.
    const raw = JSON.parse(readFileSync(join(scratch, "export.json"), "utf8")) as { metrics: Record<string, { thresholds?: Record<string, boolean> }> };
    expect(raw.metrics["http_req_failed{endpoint:broken}"]?.thresholds?.["rate<0.1"]).toBe(true);
    for (const summary of [exported, handled]) {
      const broken = summary.metrics.find((m) => m.key === "http_req_failed{endpoint:broken}");
      expect(broken?.thresholds).toEqual([{ expression: "rate<0.1", passed: false }]);
      // The gate's own submetric thresholds can never fail.
      expect(summary.metrics.find((m) => m.key === "http_reqs{endpoint:ok}")?.thresholds).toEqual([{ expression: "count>=0", passed: true }]);
      requireJudgeable(summary);
    }
    for (const endpoint of ["ok", "broken"]) {
      const a = measureEndpoint(exported, "endpoint", endpoint);
      const b = measureEndpoint(handled, "endpoint", endpoint);
      expect(a.samples).toBeGreaterThan(0);
      expect(a.samples).toBe(b.samples);
      expect(a.errors).toBe(b.errors);
      expect(a.errorRate).toBe(b.errorRate);
      expect(a.durationMs["p(99)"]).toBeDefined();
      expect(a.durationMs["p(99)"]).toBe(b.durationMs["p(99)"]);
      expect(a.durationMs["p(95)"]).toBe(b.durationMs["p(95)"]);
    }
    expect(measureEndpoint(exported, "endpoint", "broken").errorRate).toBe(1);
    expect(measureEndpoint(exported, "endpoint", "ok").errorRate).toBe(0);
  });

  it("refuses a summary of that real run edited into numbers no k6 run writes, naming the metric", () => {
    const exportText = readFileSync(join(scratch, "export.json"), "utf8");
    const handleText = readFileSync(join(scratch, "handle.json"), "utf8");
    type Metrics = { metrics: Record<string, Record<string, unknown> & { values?: Record<string, unknown> }> };
    const mutate = (text: string, edit: (summary: Metrics) => void, raw?: (json: string) => string): string => {
      const summary = JSON.parse(text) as Metrics;
      edit(summary);
      const json = JSON.stringify(summary, null, 2);
      return raw ? raw(json) : json;
    };
    const cases: [string, string, RegExp][] = [
      ["negative-count.json", mutate(exportText, (s) => ((s.metrics["http_reqs{endpoint:ok}"] as Record<string, unknown>).count = -5)), /metric http_reqs\{endpoint:ok\}: statistic count is -5/],
      ["negative-p95.json", mutate(exportText, (s) => ((s.metrics["http_req_duration{endpoint:ok}"] as Record<string, unknown>)["p(95)"] = -1)), /metric http_req_duration\{endpoint:ok\}: statistic p\(95\) is -1/],
      ["p95-over-max.json", mutate(exportText, (s) => ((s.metrics["http_req_duration{endpoint:ok}"] as Record<string, unknown>)["p(95)"] = 1e9)), /metric http_req_duration\{endpoint:ok\}: statistic p\(95\) is 1000000000, above p\(99\)/],
      ["rate-over-one.json", mutate(exportText, (s) => ((s.metrics["http_req_failed{endpoint:ok}"] as Record<string, unknown>).value = 3)), /metric http_req_failed\{endpoint:ok\}: statistic value is 3, but http_req_failed is a share between 0 and 1/],
      ["infinity.json", mutate(exportText, (s) => ((s.metrics["http_req_duration{endpoint:ok}"] as Record<string, unknown>).max = 12345.5), (json) => json.replace('"max": 12345.5', '"max": 1e999')), /metric http_req_duration\{endpoint:ok\}: statistic max is Infinity, which no k6 run writes/],
      ["nan-string.json", mutate(handleText, (s) => ((s.metrics["http_req_duration{endpoint:ok}"]?.values as Record<string, unknown>).med = "NaN")), /metric http_req_duration\{endpoint:ok\}: statistic med is "NaN", expected a number/],
    ];
    for (const [name, text, expected] of cases) {
      writeFileSync(join(scratch, name), text);
      expect(() => readK6Summary(standaloneWorkspace(scratch), join(scratch, name), name), name).toThrow(expected);
      expect(() => readK6Summary(standaloneWorkspace(scratch), join(scratch, name), name), name).toThrow(new RegExp(`^${name.replace(".", "\\.")}:\\d+:\\d+: `));
    }
  });

  it("refuses a summary of a run made with --no-thresholds, and refuses to make one", async () => {
    const file = join(scratch, "no-thresholds.json");
    const made = await runProcess(k6, ["run", "--quiet", "--no-thresholds", `--summary-export=${file}`, "-e", `BASE_URL=${target}`, "-e", `HANDLE_SUMMARY=${join(scratch, "unused.json")}`, script("plain.js", LOAD)], { cwd: repoRoot, timeoutMs: 60_000 });
    expect(made.exitCode).toBe(0);
    expect(() => requireJudgeable(readK6Summary(standaloneWorkspace(scratch), file, "no-thresholds.json"))).toThrow(/no-thresholds.json has no thresholds at all: the run was made with --no-thresholds/);
    await expect(runK6(request(script("again.js", LOAD), { args: ["--no-thresholds"] }))).rejects.toThrow(/k6 argument --no-thresholds is not allowed/);
    await expect(runK6(request(script("again.js", LOAD), { args: ["--summary-mode=disabled"] }))).rejects.toThrow(/k6 argument --summary-mode=disabled is not allowed/);
  });

  it("refuses k6's new machine-readable summary, which has neither threshold results nor p(99)", async () => {
    const file = join(scratch, "machine-readable.json");
    const made = await runProcess(k6, ["run", "--quiet", "--new-machine-readable-summary", `--summary-export=${file}`, "-e", `BASE_URL=${target}`, "-e", `HANDLE_SUMMARY=${join(scratch, "unused.json")}`, script("mr.js", LOAD)], { cwd: repoRoot, timeoutMs: 60_000 });
    expect(made.exitCode).toBe(99);
    expect(() => readK6Summary(standaloneWorkspace(scratch), file, "machine-readable.json")).toThrow(
      /^machine-readable\.json:\d+:\d+: this is k6's new machine-readable summary \(--new-machine-readable-summary or K6_NEW_MACHINE_READABLE_SUMMARY, schema 1\.0\.0\), which has no threshold results and no p\(99\)/,
    );
  });

  it("maps a broken run to an error carrying k6's message", async () => {
    const broken = script("throws.js", `export function setup() { throw new Error("seed failed: database is gone"); }\nexport default function () {}\n`);
    const failure = runK6(request(broken));
    await expect(failure).rejects.toBeInstanceOf(CollectorError);
    await expect(failure).rejects.toThrow(/k6 exited with code 107 \(script exception\) after [\d.]+s running .*throws\.js against http:\/\/127\.0\.0\.1:\d+: Error: seed failed: database is gone/);
    const invalid = script("invalid.js", `export const options = { scenarios: { a: { executor: "nope" } } };\nexport default function () {}\n`);
    await expect(runK6(request(invalid))).rejects.toThrow(/k6 exited with code 104 \(invalid configuration\).*unknown executor type 'nope'/);
  });

  it("runs a configured k6 of another version with a warning, and refuses a binary that is not k6", async () => {
    const wrapper = join(scratch, "k6-other");
    writeFileSync(wrapper, `#!/bin/sh\nif [ "$1" = version ]; then echo '{"go_arch":"amd64","go_os":"linux","go_version":"go1.24","version":"v1.7.0"}'; exit 0; fi\nexec ${k6} "$@"\n`, { mode: 0o755 });
    const logger = recorder();
    const run = await runK6(request(script("other.js", LOAD), { k6Path: wrapper, logger, env: { HANDLE_SUMMARY: join(scratch, "other-handle.json") } }));
    expect(run.exitCode).toBe(99);
    expect(logger.lines).toContain(`k6 v1.7.0 at ${wrapper} is not the pinned v1.8.1 (scripts/tool-versions.tsv); its summary is read as v1.8.1 writes it`);
    await expect(runK6(request(script("none.js", LOAD), { k6Path: "/bin/true" }))).rejects.toThrow(/^\/bin\/true is not a k6 binary: `\/bin\/true version --json` printed ""/);
  });

  it("refuses a k6 that lacks an extension the config declares, before the run, and runs one that carries it", async () => {
    await expect(runK6(request(script("ext.js", LOAD), { extensions: ["github.com/grafana/xk6-faker"] }))).rejects.toThrow(
      /the k6 at \S+ lacks the extension github\.com\/grafana\/xk6-faker that the config declares \(it carries none\); build one with xk6/,
    );
    // What `k6 version --json` of an xk6 build says (internal/cmd/version.go of k6 v1.8.1).
    const built = join(scratch, "k6-faker");
    const details = '{"version":"v1.8.1","extensions":[{"module":"github.com/grafana/xk6-faker","version":"v0.4.3","imports":["k6/x/faker"]}]}';
    writeFileSync(built, `#!/bin/sh\nif [ "$1" = version ]; then echo '${details}'; exit 0; fi\nexec ${k6} "$@"\n`, { mode: 0o755 });
    const run = await runK6(
      request(script("ext-ok.js", LOAD), { k6Path: built, extensions: ["github.com/grafana/xk6-faker@v0.4.3"], env: { HANDLE_SUMMARY: join(scratch, "ext-handle.json") } }),
    );
    expect(run.exitCode).toBe(99);
    await expect(runK6(request(script("ext-old.js", LOAD), { k6Path: built, extensions: ["github.com/grafana/xk6-faker@v0.5.0"] }))).rejects.toThrow(
      /carries github\.com\/grafana\/xk6-faker@v0\.4\.3, not the declared github\.com\/grafana\/xk6-faker@v0\.5\.0/,
    );
  });

  it("calls a run whose target never answered an error, not a fast pass", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const address = closed.address();
    await new Promise((resolve) => closed.close(resolve));
    const dead = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    const noThreshold = script("dead.js", LOAD.replace(/thresholds: \{[^}]*\},/, ""));
    const run = await runK6(request(noThreshold, { target: dead, env: { HANDLE_SUMMARY: join(scratch, "dead-handle.json") } }));
    expect(() => requireJudgeable(run.summary)).toThrow(/the target never answered: k6 made \d+ requests and received 0 bytes/);
  });
});

describe("k6 summary reading", () => {
  it("names file, line and what was expected for a summary that is not one", () => {
    expect(() => parseK6Summary(parseJsonText('{"root_group": {}}', "s.json"))).toThrow(/^s\.json:1:1: not a k6 summary: there is no top-level `metrics` object/);
    expect(() => parseK6Summary(parseJsonText('{"metrics": {\n "http_reqs": {"count": "many"}}}', "s.json"))).toThrow(/^s\.json:2:\d+: metric http_reqs: statistic count is "many", expected a number/);
    expect(() => parseK6Summary(parseJsonText('{"metrics": {\n "http_reqs": {"count": 1, "thresholds": {"count>0": "yes"}}}}', "s.json"))).toThrow(
      /^s\.json:2:\d+: threshold count>0 of http_reqs is "yes", expected true or false/,
    );
    expect(() => parseJsonText('{"metrics": {"http_reqs": {"count": 1', "s.json")).toThrow(/^s\.json:1:\d+: invalid JSON: .*truncated/);
  });

  it("refuses a summary whose handleSummary thresholds have no boolean ok", () => {
    const text = JSON.stringify({ metrics: { http_reqs: { type: "counter", values: { count: 1 }, thresholds: { "count>0": true } } } });
    expect(() => parseK6Summary(parseJsonText(text, "h.json"))).toThrow(ConfigurationError);
    expect(() => parseK6Summary(parseJsonText(text, "h.json"))).toThrow(/threshold count>0 of http_reqs has no boolean `ok`/);
  });
});

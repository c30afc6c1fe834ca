import { describe, expect, it } from "vitest";
import { childEnv, runProcess } from "../../src/sources/tools.js";

const planted = {
  GITHUB_TOKEN: "ghs_planted1",
  GH_TOKEN: "ghp_planted2",
  "INPUT_GITHUB-TOKEN": "ghs_planted3",
  INPUT_CONFIG: ".resilience/gates.yaml",
  ACTIONS_RUNTIME_TOKEN: "planted4",
  ACTIONS_ID_TOKEN_REQUEST_URL: "https://planted5.example",
  github_token: "ghs_planted6",
};

describe("the environment of child processes", () => {
  it("withholds GitHub tokens, the action's inputs and the runner's ACTIONS_* credentials, keeping the rest", () => {
    const env = childEnv({ PGPASSWORD: "given" }, { ...planted, PATH: "/usr/bin", HOME: "/root", GITHUB_REPOSITORY: "acme/shop" });
    expect(env).toEqual({ PATH: "/usr/bin", HOME: "/root", GITHUB_REPOSITORY: "acme/shop", PGPASSWORD: "given" });
  });

  it("every tool run through runProcess gets it, also when the caller passes an environment of its own", async () => {
    const saved = Object.fromEntries(Object.keys(planted).map((name) => [name, process.env[name]]));
    Object.assign(process.env, planted);
    try {
      const inherited = await runProcess("/usr/bin/env", [], {});
      const passed = await runProcess("/usr/bin/env", [], { env: { ...process.env, EXTRA: "kept" } });
      for (const run of [inherited, passed]) {
        expect(run.exitCode).toBe(0);
        expect(run.stdout).toContain("PATH=");
        for (const value of Object.values(planted)) expect(run.stdout).not.toContain(value);
      }
      expect(passed.stdout).toContain("EXTRA=kept");
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
});

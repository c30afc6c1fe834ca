import { createRequire as __createRequire } from "node:module"; import { dirname as __pathDirname } from "node:path"; import { fileURLToPath as __fileURLToPath } from "node:url"; const require = __createRequire(import.meta.url); const __dirname = __pathDirname(__fileURLToPath(import.meta.url));
import {
  makeDirectories
} from "./chunk-XIZQFOMP.js";
import {
  EXIT,
  parseCommandLine
} from "./chunk-JVGNGV63.js";
import "./chunk-HD6LMWO3.js";
import "./chunk-S2KBQMLG.js";
import {
  ConfigurationError
} from "./chunk-2GHCG2EG.js";
import "./chunk-JPIEGBNI.js";

// src/commands/init.ts
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
function planInit(charts) {
  const chartLines = charts.length ? ["    charts:", ...charts.map((chart) => `      - path: ${chart}`)] : ["    # charts:", "    #   - path: charts/my-app", "    #     values: [charts/my-app/values-prod.yaml]"];
  return /* @__PURE__ */ new Map([
    [
      ".resilience/gates.yaml",
      [
        "# yaml-language-server: $schema=https://resilience-gates.dev/schemas/gates.schema.json",
        "version: 1",
        "gates:",
        "  security-context:",
        "    manifests:",
        '      - "deploy/**/*.yaml"',
        "    allowEmptyGlobs: true",
        ...chartLines,
        "  # Uncomment the gates you use; each is described in the README and docs/.",
        "  # migrations:",
        '  #   files: ["db/migrations/*.sql"]',
        "  # backups:",
        "  #   catalog: .resilience/catalog.yaml",
        "  #   charts: [{ path: charts/my-app, values: [charts/my-app/values-prod.yaml] }]",
        "  #   evidence: [backup-evidence/]",
        "  # restore-proofs:",
        "  #   catalog: .resilience/catalog.yaml",
        "  #   proofs: [restore-proofs/]",
        "  #   publicKey: .resilience/drill-public-key.pem",
        "  # load-budget:",
        "  #   budgets: .resilience/load-budgets.yaml",
        "  #   script: load/my-app.js",
        "  #   target: http://localhost:8080",
        "  # slo:",
        "  #   slos: .resilience/slos.yaml",
        "  #   summary: k6-summary.json",
        ""
      ].join("\n")
    ],
    [
      ".resilience/catalog.yaml",
      [
        "# yaml-language-server: $schema=https://resilience-gates.dev/schemas/catalog.schema.json",
        "# Services, their owners and tiers, and the stores each owns (used by the backups and restore-proofs",
        "# gates). Tier limits: 0 RPO 5m / RTO 15m, 1 30m / 60m, 2 4h / 8h, 3 24h / 24h.",
        "services:",
        "  - name: my-app",
        "    owner: team-my-app",
        "    tier: 2",
        "    stores:",
        "      - name: my-app-db",
        "        engine: postgres",
        ""
      ].join("\n")
    ],
    [
      ".resilience/waivers.yaml",
      [
        "# Accepted exceptions. Each needs a rule, a resource or file match, a reason, an owner and an",
        "# expiry at most 90 days ahead. Every applied waiver is listed in the report.",
        "# - rule: SC-020",
        "#   resource: { kind: Deployment, name: legacy-app }",
        "#   reason: writes to its root filesystem until the cache moves to a volume",
        "#   owner: team-platform",
        "#   expires: 2026-12-31",
        "#   ticket: PLAT-123",
        "waivers: []",
        ""
      ].join("\n")
    ]
  ]);
}
var INIT_HELP = `Usage: resilience-gates init [--force]

Writes .resilience/gates.yaml (the security-context gate on deploy/**/*.yaml and every chart under
charts/, the other gates commented out) and .resilience/waivers.yaml (empty) in the current directory.

  --force        overwrite the files when they exist (without it, an existing file is an error)
`;
function init(args) {
  const { values } = parseCommandLine(args, { force: { type: "boolean" } });
  const cwd = process.cwd();
  const charts = existsSync(join(cwd, "charts")) ? readdirSync(join(cwd, "charts"), { withFileTypes: true }).filter((entry) => entry.isDirectory() && existsSync(join(cwd, "charts", entry.name, "Chart.yaml"))).map((entry) => `charts/${entry.name}`) : [];
  const plan = planInit(charts);
  for (const file of plan.keys()) {
    if (existsSync(join(cwd, file)) && !values.force) throw new ConfigurationError(`${file} already exists; pass --force to overwrite it`);
  }
  makeDirectories(join(cwd, ".resilience"));
  for (const [file, content] of plan) {
    writeFileSync(join(cwd, file), content);
    process.stdout.write(`wrote ${file}
`);
  }
  return EXIT.ok;
}
export {
  INIT_HELP,
  init,
  planInit
};

import { createRequire as __createRequire } from "node:module"; import { dirname as __pathDirname } from "node:path"; import { fileURLToPath as __fileURLToPath } from "node:url"; const require = __createRequire(import.meta.url); const __dirname = __pathDirname(__fileURLToPath(import.meta.url));
import {
  BACKUPS_FLAGS,
  LOAD_BUDGET_FLAGS,
  MIGRATIONS_FLAGS,
  RELEASE_FLAGS,
  RESTORE_PROOFS_FLAGS,
  SECURITY_CONTEXT_FLAGS,
  SLO_FLAGS
} from "./chunk-NUD3GI67.js";
import {
  ConfigurationError,
  describeThrown,
  packageRoot
} from "./chunk-2GHCG2EG.js";

// src/cli.ts
import { parseArgs } from "node:util";

// src/gates/flags.ts
var GATE_FLAGS = /* @__PURE__ */ new Map([
  ["security-context", SECURITY_CONTEXT_FLAGS],
  ["migrations", MIGRATIONS_FLAGS],
  ["backups", BACKUPS_FLAGS],
  ["restore-proofs", RESTORE_PROOFS_FLAGS],
  ["release", RELEASE_FLAGS],
  ["load-budget", LOAD_BUDGET_FLAGS],
  ["slo", SLO_FLAGS]
]);

// src/report/links.ts
import { readFileSync } from "node:fs";
import { join } from "node:path";
var info;
function packageInfo() {
  info ??= JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8"));
  return info;
}
function toolVersion() {
  return packageInfo().version;
}
function projectUrl() {
  return (packageInfo().homepage ?? "https://github.com/org/resilience-gates").replace(/#.*$/, "").replace(/\/+$/, "");
}
function ruleDocsUrl(ruleId) {
  return `${projectUrl()}/blob/main/docs/rules/${encodeURIComponent(ruleId)}.md`;
}
function helpUri(ruleId, docs) {
  return docs && /^https?:\/\//.test(docs) ? docs : ruleDocsUrl(ruleId);
}

// src/cli.ts
var EXIT = { ok: 0, block: 1, error: 2 };
var COMMON_HELP = `Usage: resilience-gates <command> [options]

Commands:
  check [gate ...]   run gates (all configured gates when none is named)
  rules              list the rule catalog
  explain RULE       show one rule's documentation
  init               scaffold .resilience/gates.yaml and waivers.yaml
  drill ...          restore drills: keygen, postgres, redis, verify (drill --help)
  baseline save      measure the SLOs and write the baseline the slo gate compares with
  chaos ...          chaos experiments: run, verify, publish (chaos --help)

Options for check:
  --config F         config file (default .resilience/gates.yaml)
  --format F         console | json | sarif | junit | github (default console)
  --output F         write the report to F instead of standard output
  --fail-on L        block | warn: lowest verdict that fails (default block)
  --now TIME         evaluate as of this ISO 8601 time (default: now)
  --quiet            no progress output
  --verbose          debug output, stack traces of internal errors

Exit status: 0 pass or warn, 1 block, 2 error or bad usage.
`;
function help() {
  const gates = [...GATE_FLAGS].map(([id, flags]) => {
    const rows = flags.map((flag) => {
      const name = `  --${flag.name}${flag.type === "string" ? " V" : ""}`;
      return `${name.padEnd(Math.max(21, name.length + 2))}${flag.description}`;
    });
    return `Flags for check ${id} (one-off use without a config file):
${rows.join("\n")}`;
  });
  return `${COMMON_HELP}
${gates.join("\n\n")}
`;
}
var UsageError = class extends ConfigurationError {
};
function gateFlagOptions() {
  const options = {};
  for (const flags of GATE_FLAGS.values()) {
    for (const flag of flags) options[flag.name] = { type: flag.type, ...flag.multiple ? { multiple: true } : {} };
  }
  return options;
}
function parseCommandLine(args, options) {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values, positionals };
  } catch (error) {
    throw new UsageError(`${describeThrown(error)}
Run \`resilience-gates --help\` for usage.`);
  }
}
async function main(argv) {
  const [command, ...rest] = argv;
  const verbose = argv.includes("--verbose");
  try {
    switch (command) {
      case void 0:
      case "--help":
      case "-h":
      case "help":
        process.stdout.write(help());
        return command === void 0 ? EXIT.error : EXIT.ok;
      case "--version":
      case "-v":
        process.stdout.write(`${toolVersion()}
`);
        return EXIT.ok;
      case "check":
        return await (await import("./check-QRMUWEHW.js")).check(rest);
      case "rules":
        return await (await import("./rules-LXYWFVWG.js")).rules(rest);
      case "explain":
        return await (await import("./rules-LXYWFVWG.js")).explain(rest);
      case "init":
        return (await import("./init-4HUJ77ZW.js")).init(rest);
      case "drill":
        return await (await import("./drill-63EUKF62.js")).drill(rest);
      case "baseline":
        return await (await import("./baseline-3N5ZTHKT.js")).baseline(rest);
      case "chaos":
        return await (await import("./chaos-AFA6KVPG.js")).chaos(rest);
      default:
        throw new UsageError(`unknown command ${command}
Run \`resilience-gates --help\` for usage.`);
    }
  } catch (error) {
    if (error instanceof ConfigurationError) {
      process.stderr.write(`error: ${error.message}
`);
    } else {
      process.stderr.write(`internal error: ${describeThrown(error)}
`);
      if (verbose && error instanceof Error && error.stack) process.stderr.write(`${error.stack}
`);
      else process.stderr.write("Run again with --verbose for the stack trace, and report it as a bug.\n");
    }
    return EXIT.error;
  }
}

export {
  toolVersion,
  projectUrl,
  helpUri,
  EXIT,
  UsageError,
  gateFlagOptions,
  parseCommandLine,
  main
};

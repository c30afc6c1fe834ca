import { createRequire as __createRequire } from "node:module"; import { dirname as __pathDirname } from "node:path"; import { fileURLToPath as __fileURLToPath } from "node:url"; const require = __createRequire(import.meta.url); const __dirname = __pathDirname(__fileURLToPath(import.meta.url));
import {
  BACKUPS_FLAGS,
  CHAOS_READINESS_FLAGS,
  LOAD_BUDGET_FLAGS,
  MIGRATIONS_FLAGS,
  READINESS_FLAGS,
  RELEASE_FLAGS,
  RESTORE_PROOFS_FLAGS,
  SECURITY_CONTEXT_FLAGS,
  SLO_FLAGS
} from "./chunk-HD6LMWO3.js";
import {
  redactSecrets
} from "./chunk-S2KBQMLG.js";
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
  ["chaos-readiness", CHAOS_READINESS_FLAGS],
  ["release", RELEASE_FLAGS],
  ["load-budget", LOAD_BUDGET_FLAGS],
  ["slo", SLO_FLAGS],
  ["readiness", READINESS_FLAGS]
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

// src/engine/wasm-compiler.ts
import { setFlagsFromString } from "node:v8";
function keepWasmOnBaselineCompiler(env = process.env) {
  if (env.RESILIENCE_GATES_WASM_TIER_UP === "on") return;
  setFlagsFromString(`--wasm-tier-up-filter=${2 ** 31 - 1}`);
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
function gateFlagsHelp(id, flags) {
  const rows = flags.map((flag) => {
    const name = `  --${flag.name}${flag.type === "string" ? " V" : ""}`;
    return `${name.padEnd(Math.max(21, name.length + 2))}${flag.description}`;
  });
  return `Flags for check ${id} (one-off use without a config file):
${rows.join("\n")}`;
}
function help() {
  const gates = [...GATE_FLAGS].map(([id, flags]) => gateFlagsHelp(id, flags));
  return `${COMMON_HELP}
${gates.join("\n\n")}
`;
}
var isHelpFlag = (arg) => arg === "--help" || arg === "-h";
function asksForHelp(args) {
  const end = args.indexOf("--");
  return (end < 0 ? args : args.slice(0, end)).some(isHelpFlag);
}
async function commandHelp(command, args) {
  switch (command) {
    case "check": {
      const named = args.filter((arg) => GATE_FLAGS.has(arg));
      if (named.length === 0) return help();
      const options = COMMON_HELP.slice(COMMON_HELP.indexOf("Options for check:"));
      const sections = named.map((id) => gateFlagsHelp(id, GATE_FLAGS.get(id) ?? []));
      return `Usage: resilience-gates check ${named.join(" ")} [options]

${options}
${sections.join("\n\n")}
`;
    }
    case "rules":
      return (await import("./rules-ICHMQWMP.js")).RULES_HELP;
    case "explain":
      return (await import("./rules-ICHMQWMP.js")).EXPLAIN_HELP;
    case "init":
      return (await import("./init-VCHGD4TL.js")).INIT_HELP;
    case "drill":
      return (await import("./drill-PMNRHAMZ.js")).DRILL_HELP;
    case "baseline":
      return (await import("./baseline-FDHGPJRS.js")).BASELINE_HELP;
    case "chaos":
      return (await import("./chaos-5L5MFNMY.js")).CHAOS_HELP;
    default:
      return void 0;
  }
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
  keepWasmOnBaselineCompiler();
  const [command, ...rest] = argv;
  const verbose = argv.includes("--verbose");
  try {
    if (command !== void 0 && asksForHelp(rest)) {
      const text = await commandHelp(command, rest);
      if (text !== void 0) {
        process.stdout.write(text);
        return EXIT.ok;
      }
    }
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
        return await (await import("./check-XOI7ZGBG.js")).check(rest);
      case "rules":
        return await (await import("./rules-ICHMQWMP.js")).rules(rest);
      case "explain":
        return await (await import("./rules-ICHMQWMP.js")).explain(rest);
      case "init":
        return (await import("./init-VCHGD4TL.js")).init(rest);
      case "drill":
        return await (await import("./drill-PMNRHAMZ.js")).drill(rest);
      case "baseline":
        return await (await import("./baseline-FDHGPJRS.js")).baseline(rest);
      case "chaos":
        return await (await import("./chaos-5L5MFNMY.js")).chaos(rest);
      default:
        throw new UsageError(`unknown command ${command}
Run \`resilience-gates --help\` for usage.`);
    }
  } catch (error) {
    if (error instanceof ConfigurationError) {
      process.stderr.write(`error: ${redactSecrets(error.message)}
`);
    } else {
      process.stderr.write(`internal error: ${redactSecrets(describeThrown(error))}
`);
      if (verbose && error instanceof Error && error.stack) process.stderr.write(`${redactSecrets(error.stack)}
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
  keepWasmOnBaselineCompiler,
  EXIT,
  UsageError,
  gateFlagOptions,
  parseCommandLine,
  main
};

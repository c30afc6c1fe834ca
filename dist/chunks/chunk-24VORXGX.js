import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// src/cli.ts
import { readFileSync } from "node:fs";
import { join as join2 } from "node:path";
import { parseArgs } from "node:util";

// src/engine/errors.ts
var ConfigurationError = class extends Error {
  constructor(message, location) {
    super(location ? `${formatLocation(location)}: ${message}` : message);
    this.location = location;
  }
  location;
  name = "ConfigurationError";
};
var CollectorError = class extends ConfigurationError {
};
var PolicyEvaluationError = class extends Error {
  name = "PolicyEvaluationError";
  constructor(entrypoint, cause) {
    super(`policy ${entrypoint} failed: ${describeThrown(cause)}`);
  }
};
function formatLocation(location) {
  return location.column ? `${location.file}:${location.line}:${location.column}` : `${location.file}:${location.line}`;
}
function describeThrown(thrown) {
  if (thrown instanceof Error) return thrown.message;
  if (typeof thrown === "string") return thrown;
  try {
    return JSON.stringify(thrown);
  } catch {
    return String(thrown);
  }
}

// src/engine/package-root.ts
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
var cached;
function packageRoot() {
  if (cached) return cached;
  let directory = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(directory, "package.json")) || !existsSync(join(directory, "policies"))) {
    const parent = dirname(directory);
    if (parent === directory) throw new Error(`cannot find the resilience-gates package root above ${fileURLToPath(import.meta.url)}`);
    directory = parent;
  }
  cached = directory;
  return directory;
}

// src/gates/security-context/flags.ts
var SECURITY_CONTEXT_FLAGS = [
  { name: "manifests", type: "string", multiple: true, description: "Kubernetes YAML files or globs (repeatable)" },
  { name: "chart", type: "string", multiple: true, description: "Helm chart directory, rendered with helm template" },
  { name: "values", type: "string", multiple: true, description: "values file for --chart (repeatable, in order)" },
  { name: "release", type: "string", description: "release name for --chart" },
  { name: "namespace", type: "string", description: "namespace for --chart" },
  { name: "kustomize", type: "string", multiple: true, description: "kustomization directory, built with kustomize" }
];

// src/gates/flags.ts
var GATE_FLAGS = /* @__PURE__ */ new Map([["security-context", SECURITY_CONTEXT_FLAGS]]);

// src/cli.ts
var EXIT = { ok: 0, block: 1, error: 2 };
var COMMON_HELP = `Usage: resilience-gates <command> [options]

Commands:
  check [gate ...]   run gates (all configured gates when none is named)
  rules              list the rule catalog
  explain RULE       show one rule's documentation
  init               scaffold .resilience/gates.yaml and waivers.yaml

Options for check:
  --config F         config file (default .resilience/gates.yaml)
  --format F         console | json (default console)
  --output F         write the report to F instead of standard output
  --fail-on L        block | warn: lowest verdict that fails (default block)
  --now TIME         evaluate as of this ISO 8601 time (default: now)
  --quiet            no progress output
  --verbose          debug output, stack traces of internal errors

Exit status: 0 pass or warn, 1 block, 2 error or bad usage.
`;
function help() {
  const gates = [...GATE_FLAGS].map(([id, flags]) => {
    const rows = flags.map((flag) => `  --${flag.name}${flag.type === "string" ? " V" : ""}`.padEnd(21) + flag.description);
    return `Flags for check ${id} (one-off use without a config file):
${rows.join("\n")}`;
  });
  return `${COMMON_HELP}
${gates.join("\n\n")}
`;
}
function version() {
  const pkg = JSON.parse(readFileSync(join2(packageRoot(), "package.json"), "utf8"));
  return pkg.version;
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
        process.stdout.write(`${version()}
`);
        return EXIT.ok;
      case "check":
        return await (await import("./check-WCAPT7GP.js")).check(rest);
      case "rules":
        return await (await import("./rules-THS4HGTW.js")).rules(rest);
      case "explain":
        return await (await import("./rules-THS4HGTW.js")).explain(rest);
      case "init":
        return (await import("./init-FJO3RD5M.js")).init(rest);
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
  __require,
  __commonJS,
  __toESM,
  ConfigurationError,
  CollectorError,
  PolicyEvaluationError,
  formatLocation,
  describeThrown,
  packageRoot,
  SECURITY_CONTEXT_FLAGS,
  EXIT,
  UsageError,
  gateFlagOptions,
  parseCommandLine,
  main
};

import { parseArgs, type ParseArgsConfig } from "node:util";
import { ConfigurationError, describeThrown } from "./engine/errors.js";
import type { CliFlag } from "./engine/gate.js";
import { GATE_FLAGS } from "./gates/flags.js";
import { redactSecrets } from "./sources/credentials.js";
import { toolVersion } from "./report/links.js";
import { keepWasmOnBaselineCompiler } from "./engine/wasm-compiler.js";

export const EXIT = { ok: 0, block: 1, error: 2 } as const;

const COMMON_HELP = `Usage: resilience-gates <command> [options]

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

function gateFlagsHelp(id: string, flags: readonly CliFlag[]): string {
  const rows = flags.map((flag) => {
    const name = `  --${flag.name}${flag.type === "string" ? " V" : ""}`;
    return `${name.padEnd(Math.max(21, name.length + 2))}${flag.description}`;
  });
  return `Flags for check ${id} (one-off use without a config file):\n${rows.join("\n")}`;
}

function help(): string {
  const gates = [...GATE_FLAGS].map(([id, flags]) => gateFlagsHelp(id, flags));
  return `${COMMON_HELP}\n${gates.join("\n\n")}\n`;
}

const isHelpFlag = (arg: string) => arg === "--help" || arg === "-h";

/** `--help` (or `-h`) anywhere before `--` asks for the command's help rather than running it. */
function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf("--");
  return (end < 0 ? args : args.slice(0, end)).some(isHelpFlag);
}

/** The help of one command; for `check GATE --help`, the common options and that gate's flags. */
async function commandHelp(command: string, args: readonly string[]): Promise<string | undefined> {
  switch (command) {
    case "check": {
      const named = args.filter((arg) => GATE_FLAGS.has(arg));
      if (named.length === 0) return help();
      const options = COMMON_HELP.slice(COMMON_HELP.indexOf("Options for check:"));
      const sections = named.map((id) => gateFlagsHelp(id, GATE_FLAGS.get(id) ?? []));
      return `Usage: resilience-gates check ${named.join(" ")} [options]\n\n${options}\n${sections.join("\n\n")}\n`;
    }
    case "rules":
      return (await import("./commands/rules.js")).RULES_HELP;
    case "explain":
      return (await import("./commands/rules.js")).EXPLAIN_HELP;
    case "init":
      return (await import("./commands/init.js")).INIT_HELP;
    case "drill":
      return (await import("./commands/drill.js")).DRILL_HELP;
    case "baseline":
      return (await import("./commands/baseline.js")).BASELINE_HELP;
    case "chaos":
      return (await import("./commands/chaos.js")).CHAOS_HELP;
    default:
      return undefined;
  }
}

export class UsageError extends ConfigurationError {}

export function gateFlagOptions(): ParseArgsConfig["options"] {
  const options: NonNullable<ParseArgsConfig["options"]> = {};
  for (const flags of GATE_FLAGS.values()) {
    for (const flag of flags) options[flag.name] = { type: flag.type, ...(flag.multiple ? { multiple: true } : {}) };
  }
  return options;
}

export type FlagValues = Record<string, string | boolean | string[] | boolean[] | undefined>;

export function parseCommandLine(args: string[], options: ParseArgsConfig["options"]): { values: FlagValues; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: values as FlagValues, positionals };
  } catch (error) {
    throw new UsageError(`${describeThrown(error)}\nRun \`resilience-gates --help\` for usage.`);
  }
}

export async function main(argv: string[]): Promise<number> {
  keepWasmOnBaselineCompiler();
  const [command, ...rest] = argv;
  const verbose = argv.includes("--verbose");
  try {
    if (command !== undefined && asksForHelp(rest)) {
      const text = await commandHelp(command, rest);
      if (text !== undefined) {
        process.stdout.write(text);
        return EXIT.ok;
      }
    }
    switch (command) {
      case undefined:
      case "--help":
      case "-h":
      case "help":
        process.stdout.write(help());
        return command === undefined ? EXIT.error : EXIT.ok;
      case "--version":
      case "-v":
        process.stdout.write(`${toolVersion()}\n`);
        return EXIT.ok;
      case "check":
        return await (await import("./commands/check.js")).check(rest);
      case "rules":
        return await (await import("./commands/rules.js")).rules(rest);
      case "explain":
        return await (await import("./commands/rules.js")).explain(rest);
      case "init":
        return (await import("./commands/init.js")).init(rest);
      case "drill":
        return await (await import("./commands/drill.js")).drill(rest);
      case "baseline":
        return await (await import("./commands/baseline.js")).baseline(rest);
      case "chaos":
        return await (await import("./commands/chaos.js")).chaos(rest);
      default:
        throw new UsageError(`unknown command ${command}\nRun \`resilience-gates --help\` for usage.`);
    }
  } catch (error) {
    // The last line of defence for credentials: a driver's or a tool's message may quote a URL.
    if (error instanceof ConfigurationError) {
      process.stderr.write(`error: ${redactSecrets(error.message)}\n`);
    } else {
      process.stderr.write(`internal error: ${redactSecrets(describeThrown(error))}\n`);
      if (verbose && error instanceof Error && error.stack) process.stderr.write(`${redactSecrets(error.stack)}\n`);
      else process.stderr.write("Run again with --verbose for the stack trace, and report it as a bug.\n");
    }
    return EXIT.error;
  }
}

import { EXIT, parseCommandLine, UsageError } from "../cli.js";
import { loadConfig } from "../config/load.js";
import { silentLogger } from "../engine/logger.js";
import type { RuleMetadata } from "../engine/rules.js";
import { loadBundle } from "../engine/run.js";

async function catalog(config: string | undefined): Promise<RuleMetadata[]> {
  const loaded = loadConfig({ cwd: process.cwd(), ...(config ? { config } : {}) });
  const bundle = await loadBundle(loaded, silentLogger);
  return [...bundle.catalog.values()].sort((a, b) => a.gate.localeCompare(b.gate) || a.id.localeCompare(b.id, "en", { numeric: true }));
}

export const RULES_HELP = `Usage: resilience-gates rules [--gate G] [--format console|json] [--config F]

Lists the rule catalog: id, severity, gate and title of every built-in rule and of the custom policies
the config names (\`policies:\`).

  --gate G       only the rules of gate G
  --format F     console (default) or json (every field of each rule's METADATA)
  --config F     config file whose custom policies are listed too (default .resilience/gates.yaml)
`;

export const EXPLAIN_HELP = `Usage: resilience-gates explain RULE [--config F]

Shows one rule's title, gate, severity, what it blocks, how to fix it, its docs and where it is defined.
RULE is an id such as SC-005 (any case).

  --config F     config file whose custom policies are searched too (default .resilience/gates.yaml)
`;

/** `resilience-gates rules [--gate G] [--format console|json]`: the rule catalog. */
export async function rules(args: string[]): Promise<number> {
  const { values } = parseCommandLine(args, { config: { type: "string" }, gate: { type: "string" }, format: { type: "string", default: "console" } });
  const all = await catalog(typeof values.config === "string" ? values.config : undefined);
  const selected = typeof values.gate === "string" ? all.filter((rule) => rule.gate === values.gate) : all;
  if (values.format === "json") {
    process.stdout.write(`${JSON.stringify(selected, null, 2)}\n`);
    return EXIT.ok;
  }
  if (values.format !== "console") throw new UsageError(`unknown --format ${String(values.format)}; one of console, json`);
  for (const rule of selected) {
    process.stdout.write(`${rule.id.padEnd(12)}${rule.severity.padEnd(7)}${rule.gate.padEnd(18)}${rule.title}\n`);
  }
  return EXIT.ok;
}

/** `resilience-gates explain RULE`: everything the catalog knows about one rule. */
export async function explain(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(args, { config: { type: "string" } });
  const [id] = positionals;
  if (!id || positionals.length > 1) throw new UsageError("usage: resilience-gates explain RULE (for example SC-005)");
  const all = await catalog(typeof values.config === "string" ? values.config : undefined);
  const rule = all.find((candidate) => candidate.id.toLowerCase() === id.toLowerCase());
  if (!rule) {
    const near = all.filter((candidate) => candidate.id.startsWith(id.toUpperCase().split("-")[0] ?? "")).map((candidate) => candidate.id);
    throw new UsageError(`no rule ${id}${near.length ? `; rules with that prefix: ${near.join(", ")}` : ""}. List them with \`resilience-gates rules\`.`);
  }
  process.stdout.write(
    [
      `${rule.id}: ${rule.title}`,
      `gate: ${rule.gate}    severity: ${rule.severity}`,
      "",
      rule.description,
      "",
      `Fix: ${rule.remediation}`,
      `Docs: ${rule.docs}`,
      `Defined in: ${rule.source}`,
      "",
    ].join("\n"),
  );
  return EXIT.ok;
}

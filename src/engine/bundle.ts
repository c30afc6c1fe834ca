import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { runTool } from "../sources/tools.js";
import { ConfigurationError } from "./errors.js";
import { packageRoot } from "./package-root.js";
import type { RuleMetadata } from "./rules.js";
import { readTarGzMember } from "./tar.js";

/** `security-context` → `security_context`: the Rego package under `resilience.` and the entrypoint. */
export function policyPackage(gateId: string): string {
  return gateId.replace(/-/g, "_");
}

export function entrypointOf(gateId: string): string {
  return `resilience/${policyPackage(gateId)}/findings`;
}

export interface CompiledPolicies {
  wasm: Buffer;
  rules: RuleMetadata[];
  entrypoints: string[];
}

/** Rego files of the given directories, tests excluded, sorted; what the bundle is built from. */
export function regoFiles(directories: readonly string[]): string[] {
  const files: string[] = [];
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".rego") && !entry.name.endsWith("_test.rego")) files.push(path);
    }
  };
  for (const directory of directories) {
    if (!statSync(directory, { throwIfNoEntry: false })?.isDirectory()) {
      throw new ConfigurationError(`policy directory ${directory} does not exist`);
    }
    walk(directory);
  }
  return files.sort();
}

/** A digest of everything that goes into the bundle, so a compiled custom bundle can be cached. */
export function policiesDigest(directories: readonly string[]): string {
  // Paths are hashed relative to their directory so that the digest is the same in every checkout.
  const hash = createHash("sha256");
  directories.forEach((directory, index) => {
    for (const file of regoFiles([directory])) {
      hash.update(`${index}:${relative(directory, file)}`).update("\0").update(readFileSync(file)).update("\0");
    }
  });
  return hash.digest("hex");
}

/**
 * Compiles Rego to WebAssembly with the real `opa build`, restricted to the builtins that the
 * opa-wasm SDK implements, so an unsupported builtin fails here instead of at evaluation time.
 */
export async function compilePolicies(directories: readonly string[], gateIds: readonly string[], cwd: string): Promise<CompiledPolicies> {
  const files = regoFiles(directories);
  for (const file of files) checkSprintfVerbs(file, relative(cwd, file));
  const packages = new Set(files.flatMap((file) => [...readFileSync(file, "utf8").matchAll(/^package\s+resilience\.([a-z_]+)\s*$/gm)].map((m) => m[1])));
  const entrypoints = gateIds.filter((id) => packages.has(policyPackage(id))).map(entrypointOf);
  if (entrypoints.length === 0) throw new ConfigurationError(`no policy packages resilience.<gate> found in ${directories.join(", ")}`);

  const scratch = mkdtempSync(join(tmpdir(), "resilience-gates-opa-"));
  try {
    const capabilities = join(scratch, "capabilities.json");
    writeFileSync(capabilities, JSON.stringify(wasmCapabilities()));
    const output = join(scratch, "bundle.tar.gz");
    const args = ["build", "-t", "wasm", "--capabilities", capabilities, "--ignore", "*_test.rego", "-o", output];
    for (const entrypoint of entrypoints) args.push("-e", entrypoint);
    // opa embeds the paths it is given in the wasm; relative ones keep the build the same in every checkout.
    const shownDirectories = directories.map((directory) => (relative(cwd, directory).startsWith("..") ? directory : relative(cwd, directory) || "."));
    const build = await runTool("opa", [...args, ...shownDirectories], { cwd, timeoutMs: 300_000 });
    if (build.exitCode !== 0) throw new ConfigurationError(`opa build failed:\n${build.stderr.trim()}`);
    const wasm = readTarGzMember(readFileSync(output), "policy.wasm");
    if (!wasm) throw new Error("opa build wrote no policy.wasm");

    // opa inspect takes one path at a time.
    const annotations: InspectAnnotation[] = [];
    for (const directory of shownDirectories) {
      const inspect = await runTool("opa", ["inspect", "-a", "--format", "json", directory], { cwd, timeoutMs: 120_000 });
      if (inspect.exitCode !== 0) throw new ConfigurationError(`opa inspect ${directory} failed:\n${inspect.stderr.trim()}`);
      annotations.push(...((JSON.parse(inspect.stdout) as { annotations?: InspectAnnotation[] }).annotations ?? []));
    }
    return { wasm, rules: rulesFromInspect({ annotations }, cwd), entrypoints };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function wasmCapabilities(): unknown {
  const shipped = JSON.parse(
    readFileSync(join(packageRoot(), "node_modules", "@open-policy-agent", "opa-wasm", "capabilities.json"), "utf8"),
  ) as Record<string, unknown>;
  return { ...shipped, features: ["rego_v1"] };
}

const SPRINTF = /sprintf\(\s*"((?:[^"\\]|\\.)*)"/g;

/** opa-wasm formats sprintf in JavaScript, which knows no Go verbs such as %q or %v. */
export function checkSprintfVerbs(file: string, shown: string): void {
  const text = readFileSync(file, "utf8");
  for (const match of text.matchAll(SPRINTF)) {
    const format = match[1] ?? "";
    const bad = /%(?!%)(?![sd])./.exec(format.replace(/%%/g, ""));
    if (bad) {
      const line = text.slice(0, match.index).split("\n").length;
      throw new ConfigurationError(`sprintf verb ${bad[0]} is not supported under WebAssembly; use %s or %d`, { file: shown, line });
    }
  }
}

interface InspectAnnotation {
  annotations?: { scope?: string; title?: string; description?: string; custom?: Record<string, unknown> };
  location?: { file?: string; row?: number };
  path?: { value?: string }[];
}

export function rulesFromInspect(inspect: { annotations?: InspectAnnotation[] }, cwd: string): RuleMetadata[] {
  const rules: RuleMetadata[] = [];
  const seen = new Map<string, string>();
  for (const entry of inspect.annotations ?? []) {
    const annotations = entry.annotations;
    if (!annotations || annotations.scope !== "rule") continue;
    const file = entry.location?.file ? relative(cwd, entry.location.file) || entry.location.file : "?";
    const source = `${file}:${entry.location?.row ?? 1}`;
    const custom = annotations.custom ?? {};
    const id = custom.id;
    if (typeof id !== "string") continue;
    const problems: string[] = [];
    const text = (key: string, value: unknown) => {
      if (typeof value !== "string" || value.trim() === "") problems.push(`\`${key}\` is missing`);
      return typeof value === "string" ? value.trim() : "";
    };
    const title = text("title", annotations.title);
    const description = text("description", annotations.description);
    const remediation = text("custom.remediation", custom.remediation);
    const docs = text("custom.docs", custom.docs);
    const severity = custom.severity;
    if (severity !== "block" && severity !== "warn") problems.push("`custom.severity` must be block or warn");
    const pkg = entry.path?.[2]?.value;
    if (!pkg) problems.push("the rule is not in a package resilience.<gate>");
    if (problems.length > 0) {
      throw new ConfigurationError(`METADATA of rule ${id}: ${problems.join("; ")}`, { file, line: entry.location?.row ?? 1 });
    }
    const previous = seen.get(id);
    if (previous) throw new ConfigurationError(`rule id ${id} is defined twice (also at ${previous})`, { file, line: entry.location?.row ?? 1 });
    seen.set(id, source);
    rules.push({
      id,
      gate: (pkg ?? "").replace(/_/g, "-"),
      title,
      description,
      severity: severity as RuleMetadata["severity"],
      remediation,
      docs,
      source,
    });
  }
  return rules.sort((a, b) => a.id.localeCompare(b.id, "en", { numeric: true }));
}

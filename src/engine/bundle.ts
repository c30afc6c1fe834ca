import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { isAbsolute, join, relative } from "node:path";
import { filesBelow, readStandaloneTextFile, standaloneWorkspace, type Workspace } from "../sources/files.js";
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

/**
 * Rego files of the given directories, tests excluded, sorted; what the bundle is built from. Links are
 * followed (opa follows them too) while they stay inside the repository at `root`; one that leads out
 * is refused by name.
 */
export function regoFiles(directories: readonly string[], root?: string): string[] {
  const files: string[] = [];
  for (const directory of directories) {
    if (!statSync(directory, { throwIfNoEntry: false })?.isDirectory()) {
      throw new ConfigurationError(`policy directory ${directory} does not exist`);
    }
    const workspace: Workspace = root ? { root, base: root } : standaloneWorkspace(join(directory, "."));
    files.push(...filesBelow(workspace, directory, (name) => name.endsWith(".rego") && !name.endsWith("_test.rego"), "policy file"));
  }
  return files.sort();
}

/** A digest of everything that goes into the bundle, so a compiled custom bundle can be cached. */
export function policiesDigest(directories: readonly string[], root?: string): string {
  // Paths are hashed relative to their directory so that the digest is the same in every checkout.
  const hash = createHash("sha256");
  directories.forEach((directory, index) => {
    for (const file of regoFiles([directory], root)) {
      hash.update(`${index}:${relative(directory, file)}`).update("\0").update(readStandaloneTextFile(file, file)).update("\0");
    }
  });
  return hash.digest("hex");
}

/**
 * Compiles Rego to WebAssembly with the real `opa build`, restricted to the builtins that the
 * opa-wasm SDK implements, so an unsupported builtin fails here instead of at evaluation time.
 */
export async function compilePolicies(directories: readonly string[], gateIds: readonly string[], cwd: string): Promise<CompiledPolicies> {
  const files = regoFiles(directories, cwd);
  const texts = files.map((file) => readStandaloneTextFile(file, relative(cwd, file)));
  files.forEach((file, index) => checkSprintfVerbs(texts[index] ?? "", relative(cwd, file)));
  const packages = new Set(texts.flatMap((text) => [...text.matchAll(/^package\s+resilience\.([a-z_]+)\s*$/gm)].map((m) => m[1])));
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
    if (build.exitCode !== 0) throw opaError("opa build", build, cwd);
    const wasm = readTarGzMember(readFileSync(output), "policy.wasm");
    if (!wasm) throw new Error("opa build wrote no policy.wasm");

    // opa inspect takes one path at a time.
    const annotations: InspectAnnotation[] = [];
    for (const directory of shownDirectories) {
      const inspect = await runTool("opa", ["inspect", "-a", "--format", "json", directory], { cwd, timeoutMs: 120_000 });
      if (inspect.exitCode !== 0) throw opaError(`opa inspect ${directory}`, inspect, cwd);
      annotations.push(...((JSON.parse(inspect.stdout) as { annotations?: InspectAnnotation[] }).annotations ?? []));
    }
    return { wasm, rules: rulesFromInspect({ annotations }, cwd), entrypoints };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * The builtins opa-wasm implements: the capabilities file its package ships, copied into dist/ by the
 * build, because an installed package (or the action's checkout) has no node_modules of its own.
 */
function wasmCapabilities(): unknown {
  const shipped = JSON.parse(readFileSync(join(packageRoot(), "dist", "opa-wasm-capabilities.json"), "utf8")) as Record<string, unknown>;
  return { ...shipped, features: ["rego_v1"] };
}

/**
 * opa writes its errors to standard output (`file:line: rego_parse_error: message`, then the source
 * line): the first becomes the error's location, and every one is in the message.
 */
export function opaError(what: string, run: { stdout: string; stderr: string; exitCode: number }, cwd: string): ConfigurationError {
  const text = `${run.stdout}\n${run.stderr}`.trim();
  const errors = [...text.matchAll(/(?:^|\s)((?:[^\s:]+\/)*[^\s:]+\.rego):(\d+)(?::(\d+))?: (rego_[a-z_]+_error: [^\n]*)/g)];
  const first = errors[0];
  if (!first) return new ConfigurationError(`${what} failed (exit code ${run.exitCode}): ${text || "opa printed nothing"}`);
  const shownFile = (file: string) => (isAbsolute(file) ? relative(cwd, file) || file : file);
  const listed = errors.map((match) => `${shownFile(match[1] ?? "")}:${match[2]}: ${match[4]}`);
  const location = { file: shownFile(first[1] ?? ""), line: Number(first[2]), ...(first[3] ? { column: Number(first[3]) } : {}) };
  return new ConfigurationError(
    `${what} failed: ${first[4]}${listed.length > 1 ? ` (${listed.length} errors: ${listed.slice(1, 10).join("; ")})` : ""}`,
    location,
  );
}

const SPRINTF = /sprintf\(\s*"((?:[^"\\]|\\.)*)"/g;

/** opa-wasm formats sprintf in JavaScript, which knows no Go verbs such as %q or %v. */
export function checkSprintfVerbs(text: string, shown: string): void {
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

import { accessSync, constants, readFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import { execa } from "execa";
import { ConfigurationError } from "../engine/errors.js";
import { packageRoot } from "../engine/package-root.js";

export type ToolName = "opa" | "helm" | "kustomize" | "k6" | "actionlint" | "regal" | "promtool";

/**
 * Finds a tool: `.tools/bin` of the working directory's project, then that of this package, then PATH.
 * A missing tool is a ConfigurationError that names the command installing the pinned version.
 */
export function resolveTool(name: ToolName, cwd = process.cwd()): string {
  const candidates = [join(cwd, ".tools", "bin"), join(packageRoot(), ".tools", "bin"), ...(process.env.PATH ?? "").split(delimiter)];
  for (const directory of candidates) {
    if (!directory) continue;
    const file = join(directory, name);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not here; try the next directory
    }
  }
  throw new ConfigurationError(`${name} was not found in .tools/bin or on PATH. ${installHint(name)}`);
}

export function installHint(name: ToolName): string {
  const pin = readPins().get(name);
  const goInstall = pin ? ` (or \`go install ${pin.pkg}@${pin.version}\`)` : "";
  return `Install it with \`bash scripts/bootstrap.sh ${name}\`${goInstall}.`;
}

/** The version scripts/tool-versions.tsv pins a tool to (`v1.8.1`), if it pins one. */
export function pinnedVersion(name: ToolName): string | undefined {
  return readPins().get(name)?.version;
}

function readPins(): Map<string, { pkg: string; version: string }> {
  const pins = new Map<string, { pkg: string; version: string }>();
  try {
    const text = readFileSync(join(packageRoot(), "scripts", "tool-versions.tsv"), "utf8");
    for (const line of text.split("\n")) {
      if (!line || line.startsWith("#")) continue;
      const [name, pkg, version] = line.split("\t");
      if (name && pkg && version) pins.set(name, { pkg, version });
    }
  } catch {
    // pins are only used for the hint
  }
  return pins;
}

/** Credentials a child never inherits: GitHub tokens, the action's inputs (INPUT_GITHUB-TOKEN), the runner's own tokens. */
const WITHHELD_EXACT = new Set(["GITHUB_TOKEN", "GH_TOKEN", "GITHUB_ENTERPRISE_TOKEN", "GH_ENTERPRISE_TOKEN"]);
const WITHHELD_PREFIXES = ["INPUT_", "ACTIONS_"];

/**
 * The environment of every child process (k6, helm, kustomize, opa, pg_dump, redis-server, git, ...):
 * `base` without the credentials above, plus `extra`. Tools run PR content (a k6 script reads its
 * environment as `__ENV`, a chart's plugins run code), so the token must not be there to read.
 */
export function childEnv(extra: NodeJS.ProcessEnv = {}, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(base)) {
    const upper = name.toUpperCase();
    if (WITHHELD_EXACT.has(upper) || WITHHELD_PREFIXES.some((prefix) => upper.startsWith(prefix))) continue;
    env[name] = value;
  }
  return { ...env, ...extra };
}

export interface ToolRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface RunToolOptions {
  cwd?: string;
  timeoutMs?: number;
  /** The child's environment, before `childEnv` withholds credentials from it (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Called with each chunk of stderr, for progress output of long runs. */
  onStderr?: (chunk: string) => void;
}

/** Runs a resolved tool and collects its output; never throws for a non-zero exit. */
export function runTool(name: ToolName, args: readonly string[], options: RunToolOptions = {}): Promise<ToolRun> {
  const file = resolveTool(name, options.cwd);
  return runProcess(file, args, options);
}

/** Runs a program through execa; a non-zero exit is a result, a program that cannot start or a timeout an error. */
export async function runProcess(file: string, args: readonly string[], options: RunToolOptions = {}): Promise<ToolRun> {
  const subprocess = execa(file, args, {
    ...(options.cwd ? { cwd: options.cwd } : {}),
    env: childEnv({}, options.env ?? process.env),
    extendEnv: false,
    stdin: "ignore",
    reject: false,
    stripFinalNewline: false,
    maxBuffer: 1024 * 1024 * 1024,
    ...(options.timeoutMs ? { timeout: options.timeoutMs, killSignal: "SIGKILL" as const } : {}),
  });
  if (options.onStderr) {
    const onStderr = options.onStderr;
    subprocess.stderr.on("data", (chunk: Buffer) => onStderr(chunk.toString("utf8")));
  }
  const result = await subprocess;
  if (result.timedOut) throw new ConfigurationError(`${file} ${args.join(" ")} did not finish within ${options.timeoutMs} ms`);
  if (result.exitCode === undefined && !result.signal) throw new ConfigurationError(`cannot run ${file}: ${result.originalMessage ?? result.shortMessage}`);
  return { exitCode: result.exitCode ?? 128, stdout: result.stdout, stderr: result.stderr };
}

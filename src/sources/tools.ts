import { spawn } from "node:child_process";
import { accessSync, constants, readFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import { ConfigurationError } from "../engine/errors.js";
import { packageRoot } from "../engine/package-root.js";

export type ToolName = "opa" | "helm" | "kustomize" | "k6" | "actionlint" | "regal";

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

export interface ToolRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface RunToolOptions {
  cwd?: string;
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  /** Called with each chunk of stderr, for progress output of long runs. */
  onStderr?: (chunk: string) => void;
}

/** Runs a resolved tool and collects its output; never throws for a non-zero exit. */
export function runTool(name: ToolName, args: readonly string[], options: RunToolOptions = {}): Promise<ToolRun> {
  const file = resolveTool(name, options.cwd);
  return runProcess(file, args, options);
}

export function runProcess(file: string, args: readonly string[], options: RunToolOptions = {}): Promise<ToolRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let timedOut = false;
    const timer = options.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          child.kill("SIGKILL");
        }, options.timeoutMs)
      : undefined;
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => {
      stderr.push(chunk);
      options.onStderr?.(chunk.toString("utf8"));
    });
    child.on("error", (error) => {
      if (timer) clearTimeout(timer);
      reject(new ConfigurationError(`cannot run ${file}: ${error.message}`));
    });
    child.on("close", (code, signal) => {
      if (timer) clearTimeout(timer);
      if (timedOut) {
        reject(new ConfigurationError(`${file} ${args.join(" ")} did not finish within ${options.timeoutMs} ms`));
        return;
      }
      resolve({
        exitCode: code ?? (signal ? 128 : 1),
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8"),
      });
    });
  });
}

import { existsSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { globSync } from "tinyglobby";
import { ConfigurationError } from "../engine/errors.js";

/** The repository the paths of a run belong to: the nearest directory above `start` with a `.git`. */
export function findRepositoryRoot(start: string): string {
  let directory = resolve(start);
  for (;;) {
    if (existsSync(join(directory, ".git"))) return directory;
    const parent = dirname(directory);
    if (parent === directory) return resolve(start);
    directory = parent;
  }
}

export interface Workspace {
  /** Absolute path of the repository root; no input may come from outside it. */
  root: string;
  /** Directory that relative paths are resolved against (the config's project directory or the cwd). */
  base: string;
}

/** Repository-relative, forward-slash path: what reports and annotations show. */
export function displayPath(workspace: Workspace, absolute: string): string {
  return relative(workspace.root, absolute).split(sep).join("/");
}

/** Resolves a user-given path and refuses one that leaves the repository. */
export function resolveInside(workspace: Workspace, path: string, what: string): string {
  const absolute = resolve(workspace.base, path);
  const fromRoot = relative(workspace.root, absolute);
  if (fromRoot.startsWith("..") || isAbsolute(fromRoot)) {
    throw new ConfigurationError(`${what} ${path} is outside the repository (${workspace.root}); only files inside it are read`);
  }
  return absolute;
}

export function requireDirectory(absolute: string, shown: string, what: string): void {
  if (!existsSync(absolute) || !statSync(absolute).isDirectory()) {
    throw new ConfigurationError(`${what} ${shown} does not exist or is not a directory`);
  }
}

/**
 * Expands globs relative to the workspace base. A pattern that matches nothing is an error unless
 * `allowEmpty`, because a typo in a glob would otherwise pass silently.
 */
export function expandGlobs(workspace: Workspace, patterns: readonly string[], options: { allowEmpty?: boolean; what: string }): string[] {
  const files = new Set<string>();
  for (const pattern of patterns) {
    const negated = pattern.startsWith("!");
    if (negated) continue;
    const absolutePattern = isAbsolute(pattern) ? pattern : join(workspace.base, pattern);
    resolveInside(workspace, globBase(absolutePattern), options.what);
    const ignore = patterns.filter((p) => p.startsWith("!")).map((p) => p.slice(1));
    const matches = globSync(pattern, { cwd: workspace.base, absolute: true, onlyFiles: true, ignore, expandDirectories: false });
    if (matches.length === 0 && !options.allowEmpty) {
      throw new ConfigurationError(`${options.what} pattern ${pattern} matched no files (relative to ${workspace.base})`);
    }
    for (const match of matches) files.add(resolveInside(workspace, match, options.what));
  }
  return [...files].sort();
}

function globBase(pattern: string): string {
  const parts = pattern.split("/");
  const index = parts.findIndex((part) => /[*?[\]{}!]/.test(part));
  return index === -1 ? pattern : parts.slice(0, index).join("/") || "/";
}

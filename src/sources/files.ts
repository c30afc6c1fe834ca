// The one place input files are found and read. Every reader goes through it, so each file is checked
// the same way: its real path (links resolved) stays inside the repository, it is a regular file (a FIFO
// or /dev/zero would never end), and it fits the per-file and per-run byte budgets.
import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readdirSync, readlinkSync, readSync, realpathSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import picomatch from "picomatch";
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

/** Byte limits on what one run reads (config `limits:`, documented in docs/configuration.md). */
export interface ReadLimits {
  /** Largest file read, in bytes. */
  maxFileBytes: number;
  /** All files of one run together, in bytes. */
  maxTotalBytes: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = { maxFileBytes: 16 * 1024 * 1024, maxTotalBytes: 64 * 1024 * 1024 };

/** What one run has read so far, against its limits. */
export class ReadBudget {
  used = 0;
  constructor(readonly limits: ReadLimits = DEFAULT_READ_LIMITS) {}

  charge(bytes: number, shown: string): void {
    if (this.used + bytes > this.limits.maxTotalBytes) {
      throw new ConfigurationError(
        `reading ${shown} (${mib(bytes)}) would bring this run's input to ${mib(this.used + bytes)}; the limit for all files of one run is ${limitText(this.limits.maxTotalBytes)} (limits.maxTotalBytes in the config)`,
        { file: shown, line: 1 },
      );
    }
    this.used += bytes;
  }
}

export interface Workspace {
  /** Absolute path of the repository root; no input named by a config may come from outside it. */
  root: string;
  /** Directory that relative paths are resolved against (the config's project directory or the cwd). */
  base: string;
  /** The run's byte budget; one is made on first use when the workspace was built without it. */
  reads?: ReadBudget;
  /**
   * The paths come from the command line: they are the user's own choice, so a path outside the
   * repository is allowed (the boundary protects against a config file in a pull request).
   */
  commandLine?: boolean;
}

/** Repository-relative, forward-slash path: what reports and annotations show (absolute when outside). */
export function displayPath(workspace: Workspace, absolute: string): string {
  const fromRoot = relative(workspace.root, absolute);
  if (fromRoot.startsWith("..") || isAbsolute(fromRoot)) return absolute;
  return fromRoot.split(sep).join("/");
}

function leavesRoot(root: string, absolute: string): boolean {
  const fromRoot = relative(root, absolute);
  return fromRoot === ".." || fromRoot.startsWith(`..${sep}`) || isAbsolute(fromRoot);
}

/** Resolves a user-given path and refuses one that leaves the repository, by its name or through a link. */
export function resolveInside(workspace: Workspace, path: string, what: string): string {
  const absolute = resolve(workspace.base, path);
  if (workspace.commandLine) return absolute;
  if (leavesRoot(workspace.root, absolute)) {
    throw new ConfigurationError(`${what} ${path} is outside the repository (${workspace.root}); only files inside it are read`);
  }
  requireRealPathInside(workspace, absolute, what);
  return absolute;
}

/**
 * Refuses a path whose real location (every symbolic link along it resolved) is outside the repository,
 * naming the link that leads out and where it points. A path that does not exist passes (the read says so).
 */
export function requireRealPathInside(workspace: Workspace, absolute: string, what: string): void {
  if (workspace.commandLine) return;
  let real: string;
  try {
    real = realpathSync(absolute);
  } catch {
    return;
  }
  const root = realRoot(workspace.root);
  if (!leavesRoot(root, real)) return;
  const link = firstLinkOut(workspace.root, root, absolute);
  const shown = displayPath(workspace, absolute);
  const how = link && link.path !== absolute ? `${displayPath(workspace, link.path)} is a symbolic link to ${link.target}` : `it is a symbolic link to ${link?.target ?? real}`;
  throw new ConfigurationError(`${what} ${shown} leads outside the repository (${workspace.root}): ${how}; only files inside it are read`, {
    file: shown,
    line: 1,
  });
}

const realRoots = new Map<string, string>();
function realRoot(root: string): string {
  let real = realRoots.get(root);
  if (real === undefined) {
    try {
      real = realpathSync(root);
    } catch {
      real = root;
    }
    realRoots.set(root, real);
  }
  return real;
}

/** The first component of `absolute` (below the root) that is a link whose real target leaves the repository. */
function firstLinkOut(root: string, realRootPath: string, absolute: string): { path: string; target: string } | undefined {
  const parts = relative(root, absolute).split(sep);
  let current = root;
  for (const part of parts) {
    current = join(current, part);
    const stat = lstatSync(current, { throwIfNoEntry: false });
    if (!stat?.isSymbolicLink()) continue;
    const target = readlinkSync(current);
    let real: string;
    try {
      real = realpathSync(current);
    } catch {
      continue;
    }
    if (leavesRoot(realRootPath, real)) return { path: current, target };
  }
  return undefined;
}

function budgetOf(workspace: Workspace): ReadBudget {
  workspace.reads ??= new ReadBudget();
  return workspace.reads;
}

/** What `admitFile` found: the file may be read, up to `limit` bytes. */
export interface AdmittedFile {
  path: string;
  shown: string;
  limit: number;
}

/**
 * Checks a file before it is read: inside the repository (links resolved), a regular file (a directory,
 * FIFO, socket or device is refused without opening it), no larger than the per-file limit, and within
 * what is left of the run's budget, which it is charged to.
 */
export function admitFile(workspace: Workspace, absolute: string, shown: string, maxBytes?: number, charge = true): AdmittedFile {
  requireRealPathInside(workspace, absolute, "input file");
  const budget = budgetOf(workspace);
  const limit = Math.min(maxBytes ?? budget.limits.maxFileBytes, budget.limits.maxFileBytes);
  const size = regularFileSize(absolute, shown);
  if (size > limit) throw tooLarge(shown, size, limit);
  if (charge) budget.charge(size, shown);
  return { path: absolute, shown, limit };
}

function regularFileSize(absolute: string, shown: string): number {
  const link = lstatSync(absolute, { throwIfNoEntry: false });
  if (!link) throw new ConfigurationError(`${shown} does not exist`, { file: shown, line: 1 });
  const stat = statSync(absolute, { throwIfNoEntry: false });
  if (!stat) {
    throw new ConfigurationError(`${shown} is a symbolic link to ${readlinkSync(absolute)}, which does not exist (a dangling link)`, { file: shown, line: 1 });
  }
  if (!stat.isFile()) throw notRegular(shown, stat);
  return stat.size;
}

function notRegular(shown: string, stat: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): ConfigurationError {
  const kind = stat.isDirectory()
    ? "a directory"
    : stat.isFIFO()
      ? "a FIFO (named pipe)"
      : stat.isSocket()
        ? "a socket"
        : stat.isCharacterDevice() || stat.isBlockDevice()
          ? "a device"
          : "not a regular file";
  return new ConfigurationError(`${shown} is ${kind} where a regular file was expected`, { file: shown, line: 1 });
}

function tooLarge(shown: string, size: number, limit: number): ConfigurationError {
  return new ConfigurationError(`${shown} is ${mib(size)}; files larger than ${limitText(limit)} are refused (limits.maxFileBytes in the config)`, { file: shown, line: 1 });
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** A limit as written in the docs: whole MiB when it is one, else bytes. */
function limitText(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / 1024 / 1024} MiB` : `${bytes} bytes`;
}

/**
 * Reads an admitted file, never more than its limit (a file that grew since it was admitted is refused).
 * Opened non-blocking and checked again through the descriptor, so a path swapped for a FIFO cannot hang.
 */
export function readAdmittedBytes(file: AdmittedFile): Buffer {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(file.path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stat = fstatSync(descriptor);
    if (!stat.isFile()) throw notRegular(file.shown, stat);
    const buffer = Buffer.allocUnsafe(Math.min(stat.size, file.limit) + 1);
    let length = 0;
    for (;;) {
      const read = readSync(descriptor, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length > file.limit) throw tooLarge(file.shown, length, file.limit);
      if (length === buffer.length) break;
    }
    return buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof ConfigurationError) throw error;
    throw new ConfigurationError(`cannot read ${file.shown}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { file: file.shown, line: 1 });
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

/** Reads a file of the run as bytes, after `admitFile`'s checks. */
export function readInputBytes(workspace: Workspace, absolute: string, shown: string, maxBytes?: number): Buffer {
  return readAdmittedBytes(admitFile(workspace, absolute, shown, maxBytes));
}

/** Reads a file of the run as UTF-8 text, refusing oversize, binary and non-UTF-8 content with a clear error. */
export function readTextFile(workspace: Workspace, absolute: string, shown: string, maxBytes?: number): string {
  return decodeText(readInputBytes(workspace, absolute, shown, maxBytes), shown);
}

/**
 * The workspace of one file that is no part of a configured run (a key or proof named on the command
 * line, a fixture, a file a tool wrote): every check but the repository boundary.
 */
export function standaloneWorkspace(absolute: string): Workspace {
  return { root: dirname(absolute), base: dirname(absolute), commandLine: true };
}

/** Reads one file that is no part of a configured run, with every check but the repository boundary. */
export function readStandaloneTextFile(absolute: string, shown: string, maxBytes?: number): string {
  return readTextFile(standaloneWorkspace(absolute), absolute, shown, maxBytes);
}

export function decodeText(bytes: Uint8Array, shown: string): string {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new ConfigurationError(`binary content (a NUL byte) where text was expected`, { file: shown, line: lineOfByte(bytes, nul) });
  }
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    throw new ConfigurationError(`not valid UTF-8 text`, { file: shown, line: lineOfByte(bytes, firstInvalidUtf8(bytes)) });
  }
}

const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true });

function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let low = 0;
  let high = bytes.length;
  // The longest valid prefix, by bisection; close enough to name the line.
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    try {
      decoder.decode(bytes.subarray(0, mid), { stream: true });
      low = mid;
    } catch {
      high = mid - 1;
    }
  }
  return low;
}

export function requireDirectory(absolute: string, shown: string, what: string): void {
  if (!existsSync(absolute) || !statSync(absolute).isDirectory()) {
    throw new ConfigurationError(`${what} ${shown} does not exist or is not a directory`);
  }
}

/**
 * The files below a directory whose names `accept` takes, hidden entries skipped. Links are followed
 * while they stay inside the repository; a link that leaves it (to a file or a directory) and a dangling
 * link are listed, so that reading them reports them by name rather than them vanishing or one of them
 * stopping the whole listing. A directory reached twice (a link
 * loop) is walked once.
 */
export function filesBelow(workspace: Workspace, directory: string, accept: (name: string) => boolean, what: string): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const walk = (current: string): void => {
    const real = realpathSync(current);
    if (seen.has(real)) return;
    seen.add(real);
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      if (entry.name.startsWith(".")) continue;
      const path = join(current, entry.name);
      if (entry.isSymbolicLink()) {
        const target = statSync(path, { throwIfNoEntry: false });
        if (!target) {
          if (accept(entry.name)) found.push(path);
          continue;
        }
        try {
          requireRealPathInside(workspace, path, what);
        } catch (error) {
          // Listed, so that reading it refuses it by name beside the other files' results.
          if (!(error instanceof ConfigurationError)) throw error;
          found.push(path);
          continue;
        }
        if (target.isDirectory()) walk(path);
        else if (accept(entry.name)) found.push(path);
      } else if (entry.isDirectory()) walk(path);
      else if (accept(entry.name)) found.push(path);
    }
  };
  walk(directory);
  return found.sort();
}

/**
 * Expands globs relative to the workspace base. A pattern that matches nothing is an error unless
 * `allowEmpty`, because a typo in a glob would otherwise pass silently. Every match is held to the
 * repository boundary by its real path.
 */
export function expandGlobs(workspace: Workspace, patterns: readonly string[], options: { allowEmpty?: boolean; what: string }): string[] {
  const files = new Set<string>();
  const ignore = patterns.filter((p) => p.startsWith("!")).map((p) => p.slice(1));
  for (const pattern of patterns) {
    const negated = pattern.startsWith("!");
    if (negated) continue;
    const absolutePattern = isAbsolute(pattern) ? pattern : join(workspace.base, pattern);
    if (!/[*?[\]{}!]/.test(pattern)) {
      // A plain path: a directory or a dangling link must be named, not dropped as "matched nothing".
      const absolute = resolveInside(workspace, pattern, options.what);
      if (lstatSync(absolute, { throwIfNoEntry: false })) {
        files.add(absolute);
        continue;
      }
    }
    resolveInside(workspace, globBase(absolutePattern), options.what);
    const keepDirectories = readsDirectories(pattern);
    // tinyglobby ends a directory's path with a slash (a linked directory is walked, never listed).
    const matches = globSync(pattern, { cwd: workspace.base, absolute: true, onlyFiles: false, ignore, expandDirectories: false, followSymbolicLinks: true })
      .flatMap((match) => (!match.endsWith("/") ? [match] : keepDirectories ? [match.slice(0, -1)] : []));
    matches.push(...specialFilesBeside(workspace, pattern, absolutePattern, matches));
    if (matches.length === 0 && !options.allowEmpty) {
      throw new ConfigurationError(`${options.what} pattern ${pattern} matched no files (relative to ${workspace.base})`);
    }
    for (const match of matches) {
      try {
        files.add(resolveInside(workspace, match, options.what));
      } catch (error) {
        // Kept, so that reading it refuses it by name beside the other files' results.
        if (!(error instanceof ConfigurationError)) throw error;
        files.add(match);
      }
    }
  }
  return [...files].sort();
}

function targetExists(link: string): boolean {
  try {
    return statSync(link, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false;
  }
}

/**
 * FIFOs, sockets, devices and dangling links that the pattern matches in the directories it already matched files in (or
 * its base): the glob walker passes over them, and a reader must refuse them by name, not skip them.
 */
function specialFilesBeside(workspace: Workspace, pattern: string, absolutePattern: string, matches: readonly string[]): string[] {
  const matcher = picomatch(isAbsolute(pattern) ? absolutePattern : pattern);
  const directories = new Set([globBase(absolutePattern), ...matches.map((match) => dirname(match))]);
  const found: string[] = [];
  for (const directory of directories) {
    let entries;
    try {
      entries = readdirSync(directory, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const absolute = join(directory, entry.name);
      if (!(entry.isFIFO() || entry.isSocket() || entry.isBlockDevice() || entry.isCharacterDevice() || (entry.isSymbolicLink() && !targetExists(absolute)))) continue;
      if (matcher(isAbsolute(pattern) ? absolute : relative(workspace.base, absolute))) found.push(absolute);
    }
  }
  return found;
}

/**
 * Whether a pattern's directory matches are read. Everything that is not a directory always is (a FIFO,
 * a device, a dangling or outward link), so that reading names it instead of it vanishing. A directory is
 * read (and refused by name) only when the pattern's last part is more than a bare `*` or `**`:
 * `db/*.sql` matching a directory `x.sql` is a mistake to report, `manifests/*` passing over a
 * subdirectory is not.
 */
function readsDirectories(pattern: string): boolean {
  const last = pattern.split("/").filter(Boolean).pop() ?? "";
  return last !== "*" && last !== "**";
}

function globBase(pattern: string): string {
  const parts = pattern.split("/");
  const index = parts.findIndex((part) => /[*?[\]{}!]/.test(part));
  return index === -1 ? pattern : parts.slice(0, index).join("/") || "/";
}

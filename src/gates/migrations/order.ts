// Which migration files run, in which order, and which file undoes which: Flyway, Prisma, golang-migrate
// and plain SQL naming schemes.
import { existsSync, readdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { ConfigurationError } from "../../engine/errors.js";
import { readStandaloneTextFile } from "../../sources/files.js";

export type MigrationFormat = "plain" | "flyway" | "prisma" | "golang-migrate";
export const MIGRATION_FORMATS: readonly MigrationFormat[] = ["plain", "flyway", "prisma", "golang-migrate"];

export interface MigrationFile {
  /** Absolute path. */
  path: string;
  /** Repository-relative path, as reports show it. */
  shown: string;
  /** Flyway or golang-migrate version, Prisma folder name; undefined for plain files. */
  version?: string;
  /** A rollback file for this migration that exists on disk (golang-migrate down, Flyway undo, down.sql). */
  rollbackFile?: string;
  /** The runner's transaction setting for this file, when the file itself overrides the configured one. */
  transactionOverride?: "per-file" | "none";
}

const FLYWAY = /^([VUR])([0-9]+(?:[._][0-9]+)*)?__(.*)\.sql$/i;
const GOLANG_MIGRATE = /^([0-9]+)_(.*)\.(up|down)\.sql$/;

/** The naming scheme all files follow, or plain when they follow none (or several). */
export function detectFormat(paths: readonly string[]): MigrationFormat {
  if (paths.length === 0) return "plain";
  const names = paths.map((path) => basename(path));
  if (names.every((name) => FLYWAY.test(name) && (name[0]?.toUpperCase() === "R" || FLYWAY.exec(name)?.[2] !== undefined))) return "flyway";
  if (names.every((name) => name === "migration.sql")) return "prisma";
  if (names.every((name) => GOLANG_MIGRATE.test(name))) return "golang-migrate";
  return "plain";
}

function compareVersions(a: string, b: string): number {
  const left = a.split(/[._]/).map((part) => BigInt(part));
  const right = b.split(/[._]/).map((part) => BigInt(part));
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const x = left[i] ?? 0n;
    const y = right[i] ?? 0n;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Natural order: digit runs compare as numbers, so 2_x.sql precedes 10_x.sql; otherwise by code unit. */
export function naturalCompare(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(j);
    if (x >= 48 && x <= 57 && y >= 48 && y <= 57) {
      let iEnd = i;
      while (iEnd < a.length && a.charCodeAt(iEnd) >= 48 && a.charCodeAt(iEnd) <= 57) iEnd++;
      let jEnd = j;
      while (jEnd < b.length && b.charCodeAt(jEnd) >= 48 && b.charCodeAt(jEnd) <= 57) jEnd++;
      const left = a.slice(i, iEnd).replace(/^0+(?=\d)/, "");
      const right = b.slice(j, jEnd).replace(/^0+(?=\d)/, "");
      if (left.length !== right.length) return left.length - right.length;
      if (left !== right) return left < right ? -1 : 1;
      i = iEnd;
      j = jEnd;
      continue;
    }
    if (x !== y) return x - y;
    i++;
    j++;
  }
  return a.length - i - (b.length - j);
}

interface Named {
  path: string;
  shown: string;
}

/**
 * Orders the forward migrations the way the runner applies them and pairs each with its rollback file.
 * Rollback files (golang-migrate `.down.sql`, Flyway `U` files, `down.sql`) are never forward migrations.
 */
export function orderMigrations(files: readonly Named[], format: MigrationFormat): MigrationFile[] {
  switch (format) {
    case "flyway":
      return orderFlyway(files);
    case "prisma":
      return orderPrisma(files);
    case "golang-migrate":
      return orderGolangMigrate(files);
    case "plain":
      return orderPlain(files);
  }
}

function orderFlyway(files: readonly Named[]): MigrationFile[] {
  const versioned: (MigrationFile & { version: string })[] = [];
  const repeatable: (MigrationFile & { description: string })[] = [];
  const listings = new Map<string, Map<string, string>>();
  for (const file of files) {
    const match = FLYWAY.exec(basename(file.path));
    if (!match) {
      throw new ConfigurationError(`${file.shown} is not a Flyway migration name (V<version>__<description>.sql, U<version>__... or R__...)`, {
        file: file.shown,
        line: 1,
      });
    }
    const kind = (match[1] ?? "V").toUpperCase();
    if (kind === "U") continue;
    const transactionOverride = flywayScriptTransaction(file.path);
    if (kind === "R") {
      repeatable.push({ ...file, description: match[3] ?? "", ...(transactionOverride ? { transactionOverride } : {}) });
      continue;
    }
    if (match[2] === undefined) {
      throw new ConfigurationError(`${file.shown}: a versioned Flyway migration needs a version (V1__name.sql)`, { file: file.shown, line: 1 });
    }
    const version = match[2];
    const rollbackFile = findFlywayUndo(file.path, version, listings);
    versioned.push({ ...file, version, ...(rollbackFile ? { rollbackFile } : {}), ...(transactionOverride ? { transactionOverride } : {}) });
  }
  versioned.sort((a, b) => compareVersions(a.version, b.version) || naturalCompare(a.shown, b.shown));
  for (let i = 1; i < versioned.length; i++) {
    const previous = versioned[i - 1];
    const current = versioned[i];
    if (previous && current && compareVersions(previous.version, current.version) === 0) {
      throw new ConfigurationError(`Flyway version ${current.version} is used twice: ${previous.shown} and ${current.shown}`, { file: current.shown, line: 1 });
    }
  }
  repeatable.sort((a, b) => a.description.localeCompare(b.description) || naturalCompare(a.shown, b.shown));
  return [...versioned, ...repeatable.map(({ description: _description, ...file }) => file)];
}

/** Normalized version (leading zeros and trailing .0 parts dropped), so V1.0 and V1 find the same undo. */
function versionKey(version: string): string {
  const parts = version.split(/[._]/).map((part) => BigInt(part).toString());
  while (parts.length > 1 && parts[parts.length - 1] === "0") parts.pop();
  return parts.join(".");
}

function findFlywayUndo(path: string, version: string, listings: Map<string, Map<string, string>>): string | undefined {
  const directory = dirname(path);
  let undos = listings.get(directory);
  if (!undos) {
    undos = new Map();
    let names: string[] = [];
    try {
      names = readdirSync(directory);
    } catch {
      // an unreadable directory has no undo files
    }
    for (const name of names) {
      if (name[0] !== "U" && name[0] !== "u") continue;
      const match = FLYWAY.exec(name);
      if (match?.[2] !== undefined) undos.set(versionKey(match[2]), join(directory, name));
    }
    listings.set(directory, undos);
  }
  return undos.get(versionKey(version));
}

/** Flyway's per-script configuration (`V1__x.sql.conf`) may turn the transaction off for that script. */
function flywayScriptTransaction(path: string): "per-file" | "none" | undefined {
  const conf = `${path}.conf`;
  if (!existsSync(conf)) return undefined;
  const match = /^\s*executeInTransaction\s*=\s*(true|false)\s*$/im.exec(readStandaloneTextFile(conf, conf, 64 * 1024));
  if (!match) return undefined;
  return match[1]?.toLowerCase() === "false" ? "none" : "per-file";
}

function orderPrisma(files: readonly Named[]): MigrationFile[] {
  const forward: (MigrationFile & { folder: string })[] = [];
  for (const file of files) {
    const folder = basename(dirname(file.path));
    if (basename(file.path) === "down.sql") continue;
    if (basename(file.path) !== "migration.sql") {
      throw new ConfigurationError(`${file.shown} is not a Prisma migration (migrations/<timestamp>_<name>/migration.sql)`, { file: file.shown, line: 1 });
    }
    const down = join(dirname(file.path), "down.sql");
    forward.push({ ...file, folder, version: folder, ...(existsSync(down) ? { rollbackFile: down } : {}) });
  }
  // Prisma applies migration folders in lexicographic order of their names (timestamp first).
  forward.sort((a, b) => (a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : naturalCompare(a.shown, b.shown)));
  return forward.map(({ folder: _folder, ...file }) => file);
}

function orderGolangMigrate(files: readonly Named[]): MigrationFile[] {
  const forward: (MigrationFile & { version: string })[] = [];
  for (const file of files) {
    const match = GOLANG_MIGRATE.exec(basename(file.path));
    if (!match) {
      throw new ConfigurationError(`${file.shown} is not a golang-migrate file name (<version>_<title>.up.sql or .down.sql)`, { file: file.shown, line: 1 });
    }
    if (match[3] === "down") continue;
    const down = join(dirname(file.path), basename(file.path).replace(/\.up\.sql$/, ".down.sql"));
    forward.push({ ...file, version: match[1] ?? "0", ...(existsSync(down) ? { rollbackFile: down } : {}) });
  }
  forward.sort((a, b) => compareVersions(a.version, b.version) || naturalCompare(a.shown, b.shown));
  for (let i = 1; i < forward.length; i++) {
    const previous = forward[i - 1];
    const current = forward[i];
    if (previous && current && compareVersions(previous.version, current.version) === 0) {
      throw new ConfigurationError(`golang-migrate version ${current.version} is used twice: ${previous.shown} and ${current.shown}`, { file: current.shown, line: 1 });
    }
  }
  return forward;
}

/** Plain SQL: the order given (globs expand in natural order); `x.down.sql` or `down.sql` beside a file undoes it. */
function orderPlain(files: readonly Named[]): MigrationFile[] {
  const forward: MigrationFile[] = [];
  for (const file of files) {
    const name = basename(file.path);
    if (/\.down\.sql$/i.test(name) || name === "down.sql") continue;
    const candidates = [join(dirname(file.path), name.replace(/(\.up)?\.sql$/i, ".down.sql")), join(dirname(file.path), "down.sql")];
    const rollbackFile = candidates.find((candidate) => candidate !== file.path && existsSync(candidate));
    forward.push({ ...file, ...(rollbackFile ? { rollbackFile } : {}) });
  }
  return forward;
}

export function naturalSort(paths: string[]): string[] {
  return paths.sort(naturalCompare);
}

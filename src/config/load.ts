import { existsSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { ConfigurationError } from "../engine/errors.js";
import type { SourceLocation } from "../engine/types.js";
import { DEFAULT_READ_LIMITS, displayPath, findRepositoryRoot, ReadBudget, resolveInside, type ReadLimits, type Workspace } from "../sources/files.js";
import { isRecord } from "../sources/kubernetes.js";
import { readYamlFile, type YamlDocument } from "../sources/yaml.js";
import { validate, type SchemaName } from "./schemas.js";

export const DEFAULT_CONFIG = ".resilience/gates.yaml";

export interface RuleOverride {
  severity?: "block" | "warn" | "off";
  /** audit: reported, never counted towards a verdict. */
  mode?: "enforce" | "audit";
}

export interface LoadedConfig {
  /** Repository-relative path of the config file, or undefined for a one-off run. */
  file?: string;
  workspace: Workspace;
  gates: Record<string, Record<string, unknown>>;
  policies: string[];
  rules: Record<string, RuleOverride>;
  /** Absolute path of the waivers file, if one exists. */
  waiversFile?: string;
}

/** The directory that relative paths in a config are resolved against: the one holding `.resilience/`. */
function projectDirectory(configFile: string): string {
  const directory = dirname(configFile);
  return basename(directory) === ".resilience" ? dirname(directory) : directory;
}

/**
 * Loads `.resilience/gates.yaml` (or the given file) and validates it against schemas/gates.schema.json.
 * Without a config file, returns an empty config rooted at the working directory.
 */
export function loadConfig(options: { config?: string; cwd: string }): LoadedConfig {
  const explicit = options.config !== undefined;
  const file = resolve(options.cwd, options.config ?? DEFAULT_CONFIG);
  if (!existsSync(file)) {
    if (explicit) throw new ConfigurationError(`config file ${options.config} does not exist`);
    const root = findRepositoryRoot(options.cwd);
    const workspace: Workspace = { root, base: resolve(options.cwd), reads: new ReadBudget() };
    const waivers = join(options.cwd, ".resilience", "waivers.yaml");
    return { workspace, gates: {}, policies: [], rules: {}, ...(existsSync(waivers) ? { waiversFile: waivers } : {}) };
  }
  const root = findRepositoryRoot(dirname(file));
  const workspace: Workspace = { root, base: projectDirectory(file), reads: new ReadBudget() };
  const shown = displayPath(workspace, file);
  const value = readSingleDocument(workspace, file, shown, "gates");
  const config = value as {
    gates?: Record<string, Record<string, unknown>>;
    policies?: string[];
    rules?: Record<string, RuleOverride>;
    waivers?: string;
    limits?: Partial<ReadLimits>;
  };
  workspace.reads = new ReadBudget({ ...DEFAULT_READ_LIMITS, ...config.limits });
  const waiversPath = config.waivers ?? join(dirname(file), "waivers.yaml");
  const waiversFile = config.waivers ? resolveInside(workspace, config.waivers, "waivers file") : waiversPath;
  if (config.waivers && !existsSync(waiversFile)) {
    throw new ConfigurationError(`waivers file ${config.waivers} does not exist`, { file: shown, line: 1 });
  }
  return {
    file: shown,
    workspace,
    gates: config.gates ?? {},
    policies: (config.policies ?? []).map((directory) => resolveInside(workspace, directory, "policy directory")),
    rules: config.rules ?? {},
    ...(existsSync(waiversFile) ? { waiversFile } : {}),
  };
}

/**
 * Reads a YAML file that must hold exactly one document valid against a schema; problems are
 * reported at the line of the offending key.
 */
export function readSingleDocument(workspace: Workspace, file: string, shown: string, schema: SchemaName): Record<string, unknown> {
  return readValidatedDocument(workspace, file, shown, schema).value as Record<string, unknown>;
}

/** The same, returning the YAML document (to locate later problems at their lines). */
export function readValidatedDocument(workspace: Workspace, file: string, shown: string, schema: SchemaName): YamlDocument {
  const documents = readYamlFile(workspace, file, shown).filter((document) => document.value !== null && document.value !== undefined);
  if (documents.length !== 1) {
    throw new ConfigurationError(`expected one YAML document, found ${documents.length}`, { file: shown, line: 1 });
  }
  const [document] = documents as [YamlDocument];
  if (!isRecord(document.value)) {
    throw new ConfigurationError(`expected a mapping at the top level`, { file: shown, line: document.locate([]).line });
  }
  const problems = validate(schema, document.value);
  if (problems.length > 0) {
    const [first] = problems;
    const location = locationOf(document, first?.path ?? []);
    const rest = problems.length > 1 ? ` (and ${problems.length - 1} more: ${problems.slice(1, 4).map((p) => `line ${locationOf(document, p.path).line}: ${p.message}`).join("; ")})` : "";
    throw new ConfigurationError(`${first?.message ?? "invalid"}${rest}`, location);
  }
  return document;
}

function locationOf(document: YamlDocument, path: readonly (string | number)[]): SourceLocation {
  const position = document.locate(path);
  return { file: document.file, line: position.line, column: position.column };
}

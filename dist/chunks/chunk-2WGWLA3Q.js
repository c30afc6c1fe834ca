import { createRequire as __createRequire } from "node:module"; import { dirname as __pathDirname } from "node:path"; import { fileURLToPath as __fileURLToPath } from "node:url"; const require = __createRequire(import.meta.url); const __dirname = __pathDirname(__fileURLToPath(import.meta.url));
import {
  isRecord,
  readYamlFile
} from "./chunk-CWLLBQX2.js";
import {
  validate
} from "./chunk-QSZOVTT4.js";
import {
  DEFAULT_READ_LIMITS,
  ReadBudget,
  displayPath,
  findRepositoryRoot,
  resolveInside
} from "./chunk-HDD5QP5V.js";
import {
  ConfigurationError
} from "./chunk-2GHCG2EG.js";

// src/config/load.ts
import { existsSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
var DEFAULT_CONFIG = ".resilience/gates.yaml";
function projectDirectory(configFile) {
  const directory = dirname(configFile);
  return basename(directory) === ".resilience" ? dirname(directory) : directory;
}
function loadConfig(options) {
  const explicit = options.config !== void 0;
  const file = resolve(options.cwd, options.config ?? DEFAULT_CONFIG);
  if (!existsSync(file)) {
    if (explicit) throw new ConfigurationError(`config file ${options.config} does not exist`);
    const root2 = findRepositoryRoot(options.cwd);
    const workspace2 = { root: root2, base: resolve(options.cwd), reads: new ReadBudget() };
    const waivers = join(options.cwd, ".resilience", "waivers.yaml");
    return { workspace: workspace2, gates: {}, policies: [], rules: {}, ...existsSync(waivers) ? { waiversFile: waivers } : {} };
  }
  const root = findRepositoryRoot(dirname(file));
  const workspace = { root, base: projectDirectory(file), reads: new ReadBudget() };
  const shown = displayPath(workspace, file);
  const value = readSingleDocument(workspace, file, shown, "gates");
  const config = value;
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
    ...existsSync(waiversFile) ? { waiversFile } : {}
  };
}
function readSingleDocument(workspace, file, shown, schema) {
  return readValidatedDocument(workspace, file, shown, schema).value;
}
function readValidatedDocument(workspace, file, shown, schema) {
  const documents = readYamlFile(workspace, file, shown).filter((document2) => document2.value !== null && document2.value !== void 0);
  if (documents.length !== 1) {
    throw new ConfigurationError(`expected one YAML document, found ${documents.length}`, { file: shown, line: 1 });
  }
  const [document] = documents;
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
function locationOf(document, path) {
  const position = document.locate(path);
  return { file: document.file, line: position.line, column: position.column };
}

export {
  DEFAULT_CONFIG,
  loadConfig,
  readSingleDocument,
  readValidatedDocument
};

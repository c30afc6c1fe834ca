import { existsSync } from "node:fs";
import { validate } from "../../config/schemas.js";
import { ConfigurationError, describeThrown, formatLocation } from "../../engine/errors.js";
import type { SourceLocation } from "../../engine/types.js";
import { epochSeconds } from "../../sources/duration.js";
import { displayPath, resolveInside, type Workspace } from "../../sources/files.js";
import { isRecord, locateInDocument } from "../../sources/kubernetes.js";
import { readYamlFile, type PathSegment } from "../../sources/yaml.js";

export const DEFAULT_KILL_SWITCHES = ".resilience/kill-switches.yaml";

interface RawTest {
  date: string;
  result: "pass" | "fail";
  by: string;
  evidence?: string;
}
interface RawSwitch {
  name: string;
  service: string;
  dependency: string;
  owner?: string;
  degraded?: string;
  tests?: RawTest[];
}
interface RawFlag {
  name: string;
  service?: string;
  owner?: string;
  expires?: string;
}

export interface Registry {
  file: string;
  switches: (RawSwitch & { locate(path: readonly PathSegment[]): SourceLocation })[];
  flags: (RawFlag & { locate(path: readonly PathSegment[]): SourceLocation })[];
}

/**
 * The kill-switch registry (schemas/kill-switches.schema.json), or null when none is configured and the
 * default file does not exist. A registry that does not parse or match its schema is an error at its
 * line, and is then judged as empty (so every dependency shows as unswitched, never as passing).
 */
export function readRegistry(workspace: Workspace, given: string | undefined, errors: string[]): Registry | null {
  const path = given ?? DEFAULT_KILL_SWITCHES;
  let absolute: string;
  try {
    absolute = resolveInside(workspace, path, "kill-switch registry");
  } catch (error) {
    errors.push(describeThrown(error));
    return null;
  }
  if (!existsSync(absolute)) {
    if (given !== undefined) errors.push(`kill-switch registry ${given} does not exist (schemas/kill-switches.schema.json)`);
    return null;
  }
  const shown = displayPath(workspace, absolute);
  const empty: Registry = { file: shown, switches: [], flags: [] };
  try {
    const documents = readYamlFile(workspace, absolute, shown).filter((document) => document.value !== null && document.value !== undefined);
    const document = documents[0];
    if (!document || documents.length !== 1) {
      errors.push(`${shown}:1: expected one YAML document in the kill-switch registry, found ${documents.length}`);
      return empty;
    }
    const locate = (path: readonly PathSegment[]) => locateInDocument(document, path);
    const problems = validate("kill-switches", document.value, undefined, "the kill-switch registry");
    if (problems.length > 0) {
      for (const problem of problems) errors.push(`${formatLocation(locate(problem.path))}: kill-switch registry: ${problem.message}`);
      return empty;
    }
    const value = document.value as { switches?: RawSwitch[]; flags?: RawFlag[] };
    if (!isRecord(value)) return empty;
    return {
      file: shown,
      switches: (value.switches ?? []).map((entry, index) => ({ ...entry, locate: (path) => locate(["switches", index, ...path]) })),
      flags: (value.flags ?? []).map((entry, index) => ({ ...entry, locate: (path) => locate(["flags", index, ...path]) })),
    };
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    errors.push(describeThrown(error));
    return empty;
  }
}

/** A YYYY-MM-DD date as the epoch second its day starts (UTC), or null for an impossible date. */
export function dayStart(date: string): number | null {
  return epochSeconds(`${date}T00:00:00Z`) ?? null;
}

export type At = (location: SourceLocation, resource?: { kind: string; name: string }) => number;

export function registryFacts(registry: Registry | null, at: At) {
  return {
    kill_switch_registry: registry?.file ?? null,
    kill_switches: (registry?.switches ?? []).map((entry) => {
      const resource = { kind: "KillSwitch", name: entry.name };
      const tests = (entry.tests ?? []).map((test, index) => ({
        date: test.date,
        epoch: dayStart(test.date),
        result: test.result,
        by: test.by,
        place: at(entry.locate(["tests", index, "date"]), resource),
      }));
      return {
        name: entry.name,
        service: entry.service,
        dependency: entry.dependency,
        owner: entry.owner ?? null,
        degraded: entry.degraded ?? null,
        tests,
        place: at(entry.locate(["name"]), resource),
        tests_place: at(entry.locate(["tests"]), resource),
      };
    }),
    flags: (registry?.flags ?? []).map((flag) => {
      const resource = { kind: "FeatureFlag", name: flag.name };
      return {
        name: flag.name,
        service: flag.service ?? null,
        owner: flag.owner ?? null,
        expires: flag.expires ?? null,
        expires_epoch: flag.expires === undefined ? null : dayStart(flag.expires),
        place: at(flag.locate(["name"]), resource),
        expires_place: at(flag.locate(["expires"]), resource),
      };
    }),
  };
}

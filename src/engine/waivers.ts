import picomatch from "picomatch";
import { validate } from "../config/schemas.js";
import { displayPath, type Workspace } from "../sources/files.js";
import { isRecord } from "../sources/kubernetes.js";
import { readYamlFile } from "../sources/yaml.js";
import { ConfigurationError } from "./errors.js";
import type { AppliedWaiver, Finding, SourceLocation, Waiver } from "./types.js";

export const MAX_WAIVER_DAYS = 90;
const DAY_MS = 86_400_000;

/** A waiver that cannot be used, reported as WAIVER-001 (expired) or WAIVER-002 (malformed). */
export interface WaiverProblem {
  rule: "WAIVER-001" | "WAIVER-002";
  message: string;
  location: SourceLocation;
  waivedRule?: string;
}

export interface WaiverSet {
  waivers: Waiver[];
  problems: WaiverProblem[];
}

/** Reads the waivers file; each bad entry is a problem at its line, never a reason to stop. */
export function loadWaiversFile(workspace: Workspace, file: string, now: Date): WaiverSet {
  const shown = displayPath(workspace, file);
  const documents = readYamlFile(workspace, file, shown).filter((document) => document.value !== null && document.value !== undefined);
  if (documents.length === 0) return { waivers: [], problems: [] };
  const [document] = documents;
  if (!document || documents.length > 1 || !isRecord(document.value) || !Array.isArray(document.value.waivers)) {
    throw new ConfigurationError("expected one document with a `waivers:` list", { file: shown, line: 1 });
  }
  const result: WaiverSet = { waivers: [], problems: [] };
  document.value.waivers.forEach((entry: unknown, index: number) => {
    const at = (path: (string | number)[]) => {
      const position = document.locate(["waivers", index, ...path]);
      return { file: shown, line: position.line, column: position.column };
    };
    const checked = checkWaiver(entry, "waiver", at, now);
    if ("problem" in checked) result.problems.push(checked.problem);
    else result.waivers.push(checked.waiver);
  });
  return result;
}

/**
 * Validates one waiver (from the file or from an annotation) and its expiry. Returns the usable waiver or
 * the problem that makes it unusable.
 */
export function checkWaiver(
  entry: unknown,
  form: "waiver" | "annotationWaiver",
  at: (path: (string | number)[]) => SourceLocation,
  now: Date,
  scope: Pick<Waiver, "resource"> = {},
): { waiver: Waiver } | { problem: WaiverProblem } {
  const problems = validate("waivers", entry, `$defs/${form}`, "it");
  const waivedRule = isRecord(entry) && typeof entry.rule === "string" ? entry.rule : undefined;
  if (problems.length > 0) {
    const [first] = problems;
    return {
      problem: {
        rule: "WAIVER-002",
        message: `waiver${waivedRule ? ` for ${waivedRule}` : ""} is malformed: ${problems.map((p) => p.message).join("; ")}`,
        location: at(first?.path ?? []),
        ...(waivedRule ? { waivedRule } : {}),
      },
    };
  }
  const waiver = entry as Omit<Waiver, "source">;
  const expires = Date.parse(`${waiver.expires}T23:59:59.999Z`);
  if (Number.isNaN(expires) || new Date(expires).toISOString().slice(0, 10) !== waiver.expires) {
    return { problem: { rule: "WAIVER-002", message: `waiver for ${waiver.rule}: expires ${waiver.expires} is not a calendar date`, location: at(["expires"]), waivedRule: waiver.rule } };
  }
  if (expires < now.getTime()) {
    return { problem: { rule: "WAIVER-001", message: `waiver for ${waiver.rule} (owner ${waiver.owner}) expired on ${waiver.expires}`, location: at(["expires"]), waivedRule: waiver.rule } };
  }
  const latest = new Date(now.getTime() + MAX_WAIVER_DAYS * DAY_MS).toISOString().slice(0, 10);
  if (waiver.expires > latest) {
    return {
      problem: {
        rule: "WAIVER-002",
        message: `waiver for ${waiver.rule} expires ${waiver.expires}, more than ${MAX_WAIVER_DAYS} days ahead; the latest allowed today is ${latest}`,
        location: at(["expires"]),
        waivedRule: waiver.rule,
      },
    };
  }
  return { waiver: { ...waiver, ...scope, source: at([]) } };
}

const matchers = new Map<string, (value: string) => boolean>();
function globMatch(pattern: string, value: string | undefined): boolean {
  if (value === undefined) return false;
  let matcher = matchers.get(pattern);
  if (!matcher) {
    matcher = picomatch(pattern, { dot: true });
    matchers.set(pattern, matcher);
  }
  return matcher(value);
}

export function waiverMatches(waiver: Waiver, finding: Finding): boolean {
  if (!globMatch(waiver.rule, finding.rule)) return false;
  if (waiver.resource) {
    const { kind, name, namespace } = waiver.resource;
    if (kind !== undefined && !globMatch(kind, finding.resource?.kind)) return false;
    if (name !== undefined && !globMatch(name, finding.resource?.name)) return false;
    if (namespace !== undefined && !globMatch(namespace, finding.resource?.namespace)) return false;
  }
  if (waiver.file !== undefined && !globMatch(waiver.file, finding.location?.file)) return false;
  return true;
}

/** Splits findings into those that stand and those a waiver covers (the audit trail). */
export function applyWaivers(
  findings: readonly { finding: Finding; localWaivers: readonly Waiver[] }[],
  fileWaivers: readonly Waiver[],
): { findings: Finding[]; waived: AppliedWaiver[] } {
  const kept: Finding[] = [];
  const waived: AppliedWaiver[] = [];
  for (const { finding, localWaivers } of findings) {
    const waiver = localWaivers.find((w) => globMatch(w.rule, finding.rule)) ?? fileWaivers.find((w) => waiverMatches(w, finding));
    if (waiver) waived.push({ finding, waiver });
    else kept.push(finding);
  }
  return { findings: kept, waived };
}

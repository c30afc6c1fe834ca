import { validate } from "../../config/schemas.js";
import { ConfigurationError } from "../../engine/errors.js";
import type { SourceLocation } from "../../engine/types.js";
import { epochSeconds } from "../../sources/duration.js";
import { displayPath, type Workspace } from "../../sources/files.js";
import { expandJsonInputs, readJsonFile } from "../../sources/json.js";
import type { PathSegment } from "../../sources/yaml.js";

/** One backup attempt, from an evidence file or a CronJob's status. */
export interface EvidenceRecord {
  store: string;
  status: "succeeded" | "failed";
  /** Epoch seconds. */
  finishedAt: number;
  startedAt: number | null;
  backupId: string | null;
  /** An evidence file, a CronJob's status, or a Backup object read from the cluster. */
  source: "file" | "cronjob-status" | "velero-backup" | "cnpg-backup" | "k8up-backup";
  /** The evidence file, the manifest, or the cluster ("cluster context NAME") the record comes from. */
  file: string;
  /** Where a finding about the record points: its store, status, finishedAt (undefined for a live object no manifest matches). */
  locate(field: "store" | "status" | "finishedAt" | "record"): SourceLocation | undefined;
}

/** An evidence file that cannot be used: it is a finding (never a silent pass), at its line. */
export interface EvidenceProblem {
  file: string;
  message: string;
  location: SourceLocation | undefined;
}

interface RawRecord {
  store: string;
  status: "succeeded" | "failed";
  finishedAt: string;
  startedAt?: string;
  backupId?: string;
}

/** Reads every evidence file; a file that does not parse or validate becomes a problem, not an exception. */
export function readEvidence(workspace: Workspace, inputs: readonly string[]): { records: EvidenceRecord[]; problems: EvidenceProblem[]; files: number } {
  const records: EvidenceRecord[] = [];
  const problems: EvidenceProblem[] = [];
  const files = expandJsonInputs(workspace, inputs, "evidence");
  for (const absolute of files) {
    const shown = displayPath(workspace, absolute);
    let json;
    try {
      json = readJsonFile(workspace, absolute, shown);
    } catch (error) {
      if (!(error instanceof ConfigurationError)) throw error;
      problems.push({ file: shown, message: error.message.replace(/^[^:]+:\d+(:\d+)?: /, ""), location: error.location ?? { file: shown, line: 1 } });
      continue;
    }
    // Validated per record, so a problem names the field rather than "matches none of the forms".
    const schemaProblems = Array.isArray(json.value)
      ? validate("backup-evidence", json.value, undefined, "the evidence")
      : validate("backup-evidence", json.value, "$defs/record", "the evidence");
    if (schemaProblems.length > 0) {
      const [first] = schemaProblems;
      problems.push({
        file: shown,
        message: `not valid backup evidence (schemas/backup-evidence.schema.json): ${schemaProblems.slice(0, 3).map((p) => p.message).join("; ")}`,
        location: json.locate(first?.path ?? []),
      });
      continue;
    }
    const list: RawRecord[] = Array.isArray(json.value) ? (json.value as RawRecord[]) : [json.value as RawRecord];
    list.forEach((raw, index) => {
      const base: PathSegment[] = Array.isArray(json.value) ? [index] : [];
      const finishedAt = epochSeconds(raw.finishedAt);
      const startedAt = raw.startedAt === undefined ? null : (epochSeconds(raw.startedAt) ?? undefined);
      if (finishedAt === undefined || startedAt === undefined) {
        const field = finishedAt === undefined ? "finishedAt" : "startedAt";
        problems.push({ file: shown, message: `${field} ${String(raw[field])} is not a real calendar time`, location: json.locate([...base, field]) });
        return;
      }
      if (startedAt !== null && startedAt > finishedAt) {
        problems.push({
          file: shown,
          message: `startedAt ${raw.startedAt} is after finishedAt ${raw.finishedAt}: a backup cannot finish before it starts`,
          location: json.locate([...base, "startedAt"]),
        });
        return;
      }
      records.push({
        store: raw.store,
        status: raw.status,
        finishedAt,
        startedAt,
        backupId: raw.backupId ?? null,
        source: "file",
        file: shown,
        locate: (field) => json.locate(field === "record" ? base : [...base, field]),
      });
    });
  }
  return { records, problems, files: files.length };
}

import { existsSync } from "node:fs";
import { validate } from "../../config/schemas.js";
import { ConfigurationError } from "../../engine/errors.js";
import { displayPath, resolveInside, type Workspace } from "../../sources/files.js";
import { parseJsonText, readJsonFile, type JsonFile } from "../../sources/json.js";

export interface BaselineMeasurement {
  slo: string;
  /** Objective index for latency; null for the SLO's error rate. */
  objective: number | null;
  metric: "latency" | "error_rate";
  quantile?: number;
  /** Seconds (latency) or a fraction (error rate). */
  value: number;
  samples: number;
}

export interface Baseline {
  version: 1;
  createdAt: string;
  source: string;
  measurements: BaselineMeasurement[];
}

export interface LoadedBaseline extends Baseline {
  file: string;
}

export function baselineKey(measurement: Pick<BaselineMeasurement, "slo" | "objective" | "metric">): string {
  return `${measurement.slo}#${measurement.objective ?? "-"}#${measurement.metric}`;
}

/** Reads a baseline written by `resilience-gates baseline save` (schemas/slo-baseline.schema.json). */
export function readBaseline(workspace: Workspace, path: string): LoadedBaseline {
  const absolute = resolveInside(workspace, path, "baseline");
  const shown = displayPath(workspace, absolute);
  if (!existsSync(absolute)) {
    throw new ConfigurationError(`baseline ${path} does not exist; write it on the default branch with \`resilience-gates baseline save --slo F ... --output ${path}\``);
  }
  return checkedBaseline(readJsonFile(workspace, absolute, shown));
}

/** A baseline from text that is not a file of the repository (a workflow artifact's). */
export function parseBaseline(text: string, shown: string): LoadedBaseline {
  return checkedBaseline(parseJsonText(text, shown));
}

function checkedBaseline(json: JsonFile): LoadedBaseline {
  const shown = json.file;
  const problems = validate("slo-baseline", json.value, undefined, "the baseline");
  if (problems.length > 0) {
    const [first] = problems;
    throw new ConfigurationError(`not a baseline written by \`resilience-gates baseline save\`: ${first?.message ?? "invalid"}`, json.locate(first?.path ?? []));
  }
  const baseline = json.value as Baseline;
  return { ...baseline, file: shown };
}

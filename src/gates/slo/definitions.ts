import { existsSync } from "node:fs";
import { validate } from "../../config/schemas.js";
import { ConfigurationError } from "../../engine/errors.js";
import type { SourceLocation } from "../../engine/types.js";
import { parseCatalogDuration } from "../../sources/duration.js";
import { displayPath, resolveInside, type Workspace } from "../../sources/files.js";
import { isRecord } from "../../sources/kubernetes.js";
import { readYamlFile, type PathSegment } from "../../sources/yaml.js";

export const DEFAULT_SLOS = ".resilience/slos.yaml";
export const K6_ENDPOINT_ANNOTATION = "resilience-gates.io/k6-endpoint";
export const K6_TAG_ANNOTATION = "resilience-gates.io/k6-tag";

export interface Objective {
  index: number;
  displayName: string;
  target: number;
  op: "lt" | "lte" | null;
  /** Threshold in the metric's unit (seconds for latency histograms); null for ratio indicators. */
  value: number | null;
}

export type Indicator = { kind: "ratio"; good: string; total: string } | { kind: "threshold"; query: string };

export interface SloDefinition {
  name: string;
  displayName: string;
  service: string;
  windowSeconds: number;
  windowText: string;
  indicator: Indicator;
  objectives: Objective[];
  /** The k6 endpoint (tag value) and tag that measure this SLO from a k6 summary, if annotated. */
  k6: { tag: string; endpoint: string } | null;
  locate(path: readonly PathSegment[]): SourceLocation;
}

interface RawSlo {
  metadata: { name: string; displayName?: string; annotations?: Record<string, string> };
  spec: {
    service: string;
    timeWindow: { duration: string }[];
    indicator: { spec: { ratioMetric?: { good: RawMetric; total: RawMetric }; thresholdMetric?: RawMetric } };
    objectives: { displayName?: string; target: number; op?: "lt" | "lte"; value?: number }[];
  };
}
interface RawMetric {
  metricSource: { spec: { query: string } };
}

/** Reads every `kind: SLO` document of the SLO file, validated against schemas/slo.schema.json. */
export function readSlos(workspace: Workspace, given: string | undefined, defaultTag: string): { file: string; slos: SloDefinition[] } {
  const path = given ?? DEFAULT_SLOS;
  const absolute = resolveInside(workspace, path, "SLO file");
  const shown = displayPath(workspace, absolute);
  if (!existsSync(absolute)) throw new ConfigurationError(`SLO file ${path} does not exist; write one (see docs/slo.md) or point --slo at it`);
  const documents = readYamlFile(workspace, absolute, shown).filter((document) => document.value !== null && document.value !== undefined);
  if (documents.length === 0) throw new ConfigurationError("the SLO file has no documents; write at least one `kind: SLO`", { file: shown, line: 1 });
  const names = new Map<string, number>();
  const slos = documents.map((document): SloDefinition => {
    const at = (segments: readonly PathSegment[]): SourceLocation => ({ file: shown, ...document.locate(segments) });
    if (!isRecord(document.value)) throw new ConfigurationError("an SLO document must be a mapping with apiVersion: openslo/v1 and kind: SLO", at([]));
    const written = (document.value.spec as { timeWindow?: { duration?: unknown }[] } | undefined)?.timeWindow?.[0]?.duration;
    if (typeof written === "string" && parseCatalogDuration(written) === undefined) {
      throw new ConfigurationError(`timeWindow duration ${written} is not a duration like 28d, 1w or 12h (whole numbers with s, m, h, d or w)`, at(["spec", "timeWindow", 0, "duration"]));
    }
    const problems = validate("slo", document.value, undefined, "the SLO document");
    if (problems.length > 0) {
      const [first] = problems;
      const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : "";
      throw new ConfigurationError(`SLO: ${first?.message ?? "invalid"}${more}`, at(first?.path ?? []));
    }
    const raw = document.value as unknown as RawSlo;
    const name = raw.metadata.name;
    const previous = names.get(name);
    if (previous !== undefined) throw new ConfigurationError(`SLO ${name} is defined twice (also at line ${previous}); SLO names must be unique`, at(["metadata", "name"]));
    names.set(name, at(["metadata", "name"]).line);
    const window = raw.spec.timeWindow[0] as { duration: string };
    const windowSeconds = parseCatalogDuration(window.duration) ?? 0;
    if (windowSeconds <= 0) throw new ConfigurationError(`timeWindow duration ${window.duration} must be longer than zero`, at(["spec", "timeWindow", 0, "duration"]));
    const spec = raw.spec.indicator.spec;
    const indicator: Indicator = spec.ratioMetric
      ? { kind: "ratio", good: spec.ratioMetric.good.metricSource.spec.query, total: spec.ratioMetric.total.metricSource.spec.query }
      : { kind: "threshold", query: (spec.thresholdMetric as RawMetric).metricSource.spec.query };
    const objectives = raw.spec.objectives.map((objective, index): Objective => {
      const where = at(["spec", "objectives", index]);
      if (indicator.kind === "threshold" && (objective.op === undefined || objective.value === undefined)) {
        throw new ConfigurationError(`objective ${index} of SLO ${name} needs \`op\` (lt or lte) and \`value\` (the threshold, in seconds) for its thresholdMetric`, where);
      }
      if (indicator.kind === "ratio" && (objective.op !== undefined || objective.value !== undefined)) {
        throw new ConfigurationError(`objective ${index} of SLO ${name} has \`op\`/\`value\`, which only a thresholdMetric uses; remove them (a ratioMetric objective is its target)`, where);
      }
      return {
        index,
        displayName: objective.displayName ?? `objective ${index}`,
        target: objective.target,
        op: objective.op ?? null,
        value: objective.value ?? null,
      };
    });
    const annotations = raw.metadata.annotations ?? {};
    const endpoint = annotations[K6_ENDPOINT_ANNOTATION];
    return {
      name,
      displayName: raw.metadata.displayName ?? name,
      service: raw.spec.service,
      windowSeconds,
      windowText: window.duration,
      indicator,
      objectives,
      k6: endpoint ? { tag: annotations[K6_TAG_ANNOTATION] ?? defaultTag, endpoint } : null,
      locate: at,
    };
  });
  return { file: shown, slos };
}

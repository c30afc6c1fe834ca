import { existsSync } from "node:fs";
import { validate } from "../../config/schemas.js";
import { ConfigurationError } from "../../engine/errors.js";
import type { SourceLocation } from "../../engine/types.js";
import { displayPath, resolveInside, type Workspace } from "../../sources/files.js";
import { isRecord } from "../../sources/kubernetes.js";
import { readYamlFile, type PathSegment, type YamlDocument } from "../../sources/yaml.js";

export const DEFAULT_BUDGETS = ".resilience/load-budgets.yaml";

export type BudgetField = "p95Ms" | "p99Ms" | "maxErrorRate" | "minThroughputRps" | "minSamples";
export const BUDGET_FIELDS: readonly BudgetField[] = ["p95Ms", "p99Ms", "maxErrorRate", "minThroughputRps", "minSamples"];

export interface EndpointBudget {
  endpoint: string;
  budget: Partial<Record<BudgetField, number>>;
  /** Where each budget is written: on the endpoint, or in `defaults` when inherited. */
  locate(field: BudgetField | "endpoint"): SourceLocation;
}

export interface LoadBudgets {
  file: string;
  tag: string;
  endpoints: EndpointBudget[];
}

type RawBudget = Partial<Record<BudgetField, number>>;

/** Reads and validates `.resilience/load-budgets.yaml` (schemas/load-budgets.schema.json). */
export function readBudgets(workspace: Workspace, given: string | undefined): LoadBudgets {
  const path = given ?? DEFAULT_BUDGETS;
  const absolute = resolveInside(workspace, path, "load budgets");
  const shown = displayPath(workspace, absolute);
  if (!existsSync(absolute)) {
    throw new ConfigurationError(`load budgets ${path} do not exist; write one (see docs/load-budget.md) or point --budgets at it`);
  }
  const documents = readYamlFile(workspace, absolute, shown).filter((document) => document.value !== null && document.value !== undefined);
  if (documents.length !== 1) throw new ConfigurationError(`expected one YAML document of load budgets, found ${documents.length}`, { file: shown, line: 1 });
  const document = documents[0] as YamlDocument;
  const at = (segments: readonly PathSegment[]): SourceLocation => ({ file: shown, ...document.locate(segments) });
  if (!isRecord(document.value)) throw new ConfigurationError("load budgets must be a mapping with `version: 1` and an `endpoints:` list", at([]));
  const problems = validate("load-budgets", document.value);
  if (problems.length > 0) {
    const [first] = problems;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : "";
    throw new ConfigurationError(`load budgets: ${first?.message ?? "invalid"}${more}`, at(first?.path ?? []));
  }
  const value = document.value as { tag?: string; defaults?: RawBudget; endpoints: (RawBudget & { endpoint: string })[] };
  const defaults = value.defaults ?? {};
  const seen = new Map<string, number>();
  const endpoints = value.endpoints.map((raw, index): EndpointBudget => {
    const previous = seen.get(raw.endpoint);
    if (previous !== undefined) {
      throw new ConfigurationError(
        `endpoint ${raw.endpoint} is listed twice (also at line ${at(["endpoints", previous, "endpoint"]).line}); merge the two entries`,
        at(["endpoints", index, "endpoint"]),
      );
    }
    seen.set(raw.endpoint, index);
    const budget: RawBudget = {};
    for (const field of BUDGET_FIELDS) {
      const own = raw[field] ?? defaults[field];
      if (own !== undefined) budget[field] = own;
    }
    return {
      endpoint: raw.endpoint,
      budget,
      locate: (field) =>
        field !== "endpoint" && raw[field] === undefined && defaults[field] !== undefined ? at(["defaults", field]) : at(["endpoints", index, field]),
    };
  });
  return { file: shown, tag: value.tag ?? "endpoint", endpoints };
}

/**
 * Error budgets for the release gate: for each objective of each SLO of a tier 0/1 service, the share of
 * its error budget left over the SLO's window. From Prometheus when configured (the share of good events
 * over the window, as the slo gate measures it); else from the stored SLO baselines' history
 * (`resilience-gates baseline save` files created inside the window): a ratio SLO's bad events over all
 * its events, a latency objective's baseline runs whose quantile missed the threshold over all runs
 * (time slices). The collector measures; policies/release decides (REL-010, REL-011, REL-012).
 */
import { CollectorError, ConfigurationError, describeThrown } from "../../engine/errors.js";
import type { GateContext } from "../../engine/gate.js";
import type { SourceLocation } from "../../engine/types.js";
import { loadCatalog } from "../../sources/catalog.js";
import { epochSeconds } from "../../sources/duration.js";
import { displayPath } from "../../sources/files.js";
import { expandJsonInputs } from "../../sources/json.js";
import { formatPercent } from "../load-budget/index.js";
import { readBaseline, type LoadedBaseline } from "../slo/baseline.js";
import { readSlos, type Objective, type SloDefinition } from "../slo/definitions.js";
import { prometheusMeasurer } from "../slo/measure.js";
import { PrometheusClient } from "../slo/prometheus.js";

export interface ErrorBudgetOptions {
  slos?: string;
  catalog?: string;
  /** Tiers whose services' budgets gate a release (default 0 and 1). */
  tiers?: number[];
  /** Prometheus query API base URL; without it the budgets come from `baselines`. */
  prometheus?: string;
  /** Stored SLO baselines (directories or globs of `baseline save` files): the history the budget is computed from. */
  baselines?: string[];
  /** What an exhausted budget does to a release tag (default block). */
  exhausted?: "block" | "warn";
  /** Warn (REL-012) when less than this share of a budget is left (default 0.25). */
  warnBelow?: number;
  /** A tag matching this glob is a reliability release: an exhausted budget does not block it (it warns). */
  reliabilityTagPattern?: string;
}

/** One objective's budget, as the release policy sees it. */
export interface BudgetFact {
  id: number;
  slo: string;
  display_name: string;
  objective: number;
  objective_name: string;
  service: string;
  owner: string;
  tier: number;
  window: string;
  target: number;
  /** How the budget was counted: events (Prometheus, ratio SLOs from baselines) or baseline runs as time slices. */
  method: "occurrences" | "timeslices" | null;
  source: string | null;
  /** Bad share of the window (events or slices); null when it could not be measured. */
  bad: number | null;
  /** 1 - bad / (1 - target): 1 is untouched, 0 or less is spent. */
  remaining: number | null;
  /** Events (occurrences) or baseline runs (time slices) behind the figure. */
  count: number;
  /** Why there is no figure. */
  problem: string | null;
  /** The figures in words, for messages (policies cannot format fractions). */
  text: { bad: string; allowed: string; remaining: string };
}

export interface CollectedBudgets {
  facts: BudgetFact[];
  locations: SourceLocation[];
  errors: string[];
}

function budgetLeft(bad: number, target: number): number {
  const allowed = 1 - target;
  // A target of 100% has no budget: any bad event spends all of it.
  if (allowed <= 0) return bad > 0 ? -1 : 1;
  return 1 - bad / allowed;
}

/** Latency objective missed by a baseline's quantile (lt: at or over the value; lte: over it). */
function sliceMissed(objective: Objective, seconds: number): boolean {
  const limit = objective.value ?? 0;
  return objective.op === "lt" ? seconds >= limit : seconds > limit;
}

function fromBaselines(slo: SloDefinition, objective: Objective, baselines: readonly { baseline: LoadedBaseline; at: number }[], now: number): Pick<BudgetFact, "method" | "source" | "bad" | "count" | "problem"> {
  const inWindow = baselines.filter(({ at }) => at <= now && at > now - slo.windowSeconds);
  const source = `${inWindow.length} stored baselines within ${slo.windowText}`;
  if (slo.indicator.kind === "ratio") {
    const rows = inWindow.flatMap(({ baseline }) => baseline.measurements.filter((m) => m.slo === slo.name && m.metric === "error_rate"));
    const events = rows.reduce((sum, m) => sum + m.samples, 0);
    if (events === 0) return { method: "occurrences", source, bad: null, count: 0, problem: `no stored baseline within the last ${slo.windowText} measured ${slo.name}` };
    const bad = rows.reduce((sum, m) => sum + m.value * m.samples, 0) / events;
    return { method: "occurrences", source, bad, count: events, problem: null };
  }
  const runs = inWindow.flatMap(({ baseline }) => baseline.measurements.filter((m) => m.slo === slo.name && m.metric === "latency" && m.objective === objective.index && m.samples > 0));
  if (runs.length === 0) return { method: "timeslices", source, bad: null, count: 0, problem: `no stored baseline within the last ${slo.windowText} measured ${slo.name} objective ${objective.index}` };
  const missed = runs.filter((m) => sliceMissed(objective, m.value)).length;
  return { method: "timeslices", source, bad: missed / runs.length, count: runs.length, problem: null };
}

/** Measures the budgets; a bad baseline file is an error (the others still count), never a pass. */
export async function collectBudgets(context: GateContext, options: ErrorBudgetOptions): Promise<CollectedBudgets> {
  const { workspace } = context;
  const catalog = loadCatalog(workspace, options.catalog);
  const { slos } = readSlos(workspace, options.slos, "endpoint");
  const tiers = options.tiers ?? [0, 1];
  if (!options.prometheus && !(options.baselines?.length)) {
    throw new ConfigurationError("release: errorBudgets needs a source: prometheus (a query API URL) or baselines (the stored `baseline save` files)");
  }
  const now = Math.floor(context.now.getTime() / 1000);
  const errors: string[] = [];
  const baselines: { baseline: LoadedBaseline; at: number }[] = [];
  if (!options.prometheus) {
    for (const absolute of expandJsonInputs(workspace, options.baselines ?? [], "baselines")) {
      try {
        const baseline = readBaseline(workspace, absolute);
        const at = epochSeconds(baseline.createdAt);
        if (at === undefined) errors.push(`${displayPath(workspace, absolute)}: createdAt ${baseline.createdAt} is not a real calendar time`);
        else baselines.push({ baseline, at });
      } catch (error) {
        if (!(error instanceof ConfigurationError)) throw error;
        errors.push(error.message);
      }
    }
  }
  const measurer = options.prometheus ? prometheusMeasurer(new PrometheusClient(options.prometheus), undefined) : undefined;
  const services = new Map(catalog.services.map((service) => [service.name, service]));
  const facts: BudgetFact[] = [];
  const locations: SourceLocation[] = [];
  for (const slo of slos) {
    const service = services.get(slo.service);
    if (!service || !tiers.includes(service.tier)) continue;
    for (const objective of slo.objectives) {
      let figure: Pick<BudgetFact, "method" | "source" | "bad" | "count" | "problem">;
      if (measurer) {
        try {
          const measured = await measurer.measure(slo, objective);
          figure = { method: "occurrences", source: `Prometheus ${measurer.describe} over ${slo.windowText}`, bad: 1 - (measured.ratio ?? 0), count: measured.samples, problem: null };
        } catch (error) {
          if (!(error instanceof CollectorError) && !(error instanceof ConfigurationError)) throw error;
          figure = { method: "occurrences", source: `Prometheus ${measurer.describe}`, bad: null, count: 0, problem: describeThrown(error) };
        }
      } else {
        figure = fromBaselines(slo, objective, baselines, now);
      }
      facts.push({
        id: facts.length,
        slo: slo.name,
        display_name: slo.displayName,
        objective: objective.index,
        objective_name: objective.displayName,
        service: service.name,
        owner: service.owner,
        tier: service.tier,
        window: slo.windowText,
        target: objective.target,
        ...figure,
        remaining: figure.bad === null ? null : budgetLeft(figure.bad, objective.target),
        text: {
          bad: figure.bad === null ? "unknown" : formatPercent(figure.bad),
          allowed: formatPercent(1 - objective.target),
          remaining: figure.bad === null ? "unknown" : formatPercent(budgetLeft(figure.bad, objective.target)),
        },
      });
      locations.push(slo.locate(["spec", "objectives", objective.index]));
    }
  }
  return { facts, locations, errors };
}

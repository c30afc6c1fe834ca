import { ConfigurationError } from "../../engine/errors.js";
import { parseCatalogDuration } from "../../sources/duration.js";

/** What a tier demands of a service; every field can be set per tier in the gate's options (`tiers:`). */
export interface TierOptions {
  /** Sections every runbook of the service must have (matched against its headings, case-insensitively). */
  runbookSections?: string[];
  /** Longest time since a runbook's `Last reviewed:` date (a catalog duration like 90d). */
  reviewEvery?: string;
  /** Longest time since a kill switch's last passing test. */
  killSwitchTestEvery?: string;
  /** Whether the tier's findings block or warn. */
  severity?: "block" | "warn";
}

/** A multi-window burn-rate alert the SRE workbook asks for: both windows above factor × the error budget. */
export interface BurnRateWindow {
  long: string;
  short: string;
  factor: number;
  /** The alert's `severity` label (page or ticket). */
  severity: string;
  /** The alert's `for:` the generated promtool test allows before it must fire. */
  for?: string;
}

/** The SRE workbook's windows (chapter 5, "Multiwindow, multi-burn-rate alerts"), for a 30-day budget. */
export const DEFAULT_BURN_RATES: readonly BurnRateWindow[] = [
  { long: "1h", short: "5m", factor: 14.4, severity: "page" },
  { long: "6h", short: "30m", factor: 6, severity: "page" },
  { long: "1d", short: "2h", factor: 3, severity: "ticket" },
  { long: "3d", short: "6h", factor: 1, severity: "ticket" },
];

const FULL_SECTIONS = ["symptoms", "diagnosis", "mitigation", "rollback", "incident roles", "escalation"];

const TIER_DEFAULTS: Readonly<Record<string, Required<TierOptions>>> = {
  "0": { runbookSections: FULL_SECTIONS, reviewEvery: "90d", killSwitchTestEvery: "90d", severity: "block" },
  "1": { runbookSections: FULL_SECTIONS, reviewEvery: "90d", killSwitchTestEvery: "90d", severity: "block" },
  "2": { runbookSections: ["symptoms", "mitigation", "escalation"], reviewEvery: "180d", killSwitchTestEvery: "180d", severity: "warn" },
  "3": { runbookSections: ["mitigation"], reviewEvery: "365d", killSwitchTestEvery: "365d", severity: "warn" },
};

export const DEFAULT_IDEMPOTENCY_HEADER = "Idempotency-Key";

/** The settings the policies read as `input.settings`: tiers by their number as a string. */
export interface Settings {
  tiers: Record<string, { runbook_sections: string[]; review_every_seconds: number; kill_switch_test_every_seconds: number; severity: "block" | "warn" }>;
  burn_rates: { long_seconds: number; short_seconds: number; long: string; short: string; factor: number; severity: string }[];
  idempotency_header: string;
  idempotent_methods: string[];
  max_retries: number;
}

function seconds(text: string, what: string): number {
  const value = parseCatalogDuration(text);
  if (value === undefined || value <= 0) throw new ConfigurationError(`readiness: ${what} ${text} is not a positive duration like 90d, 6h or 5m`);
  return value;
}

export function buildSettings(
  tiers: Record<string, TierOptions> | undefined,
  burnRates: readonly BurnRateWindow[] | undefined,
  idempotencyHeader: string | undefined,
  maxRetries: number | undefined,
): Settings {
  const out: Settings["tiers"] = {};
  for (const [tier, defaults] of Object.entries(TIER_DEFAULTS)) {
    const given = { ...defaults, ...(tiers?.[tier] ?? {}) };
    out[tier] = {
      runbook_sections: given.runbookSections.map((section) => section.toLowerCase()),
      review_every_seconds: seconds(given.reviewEvery, `tiers.${tier}.reviewEvery`),
      kill_switch_test_every_seconds: seconds(given.killSwitchTestEvery, `tiers.${tier}.killSwitchTestEvery`),
      severity: given.severity,
    };
  }
  return {
    tiers: out,
    burn_rates: (burnRates ?? DEFAULT_BURN_RATES).map((window) => ({
      long: window.long,
      short: window.short,
      long_seconds: seconds(window.long, "burnRates long"),
      short_seconds: seconds(window.short, "burnRates short"),
      factor: window.factor,
      severity: window.severity,
    })),
    idempotency_header: (idempotencyHeader ?? DEFAULT_IDEMPOTENCY_HEADER).toLowerCase(),
    idempotent_methods: ["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"],
    max_retries: maxRetries ?? 3,
  };
}

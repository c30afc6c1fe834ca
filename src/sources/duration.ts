/**
 * Durations as people write them in the catalog (`30m`, `4h`, `90d`, `1h30m`), as Go writes them
 * (Velero `ttl: 720h0m0s`, `@every 1h30m`), and as reports show them (`1h00m`, `25h00m`, `90d`).
 */

const UNIT_SECONDS: Record<string, number> = {
  ns: 1e-9,
  us: 1e-6,
  µs: 1e-6,
  ms: 1e-3,
  s: 1,
  m: 60,
  h: 3600,
  d: 86_400,
  w: 604_800,
};

/** A catalog duration: one or more `<integer><unit>` parts with units s, m, h, d, w (`1h30m`, `90d`). */
export const CATALOG_DURATION_PATTERN = "^([0-9]+(s|m|h|d|w))+$";

/** Seconds of a catalog duration, or undefined when it does not parse. */
export function parseCatalogDuration(text: string): number | undefined {
  if (!new RegExp(CATALOG_DURATION_PATTERN).test(text)) return undefined;
  let total = 0;
  for (const match of text.matchAll(/([0-9]+)(s|m|h|d|w)/g)) total += Number(match[1]) * (UNIT_SECONDS[match[2] as string] as number);
  return total;
}

/**
 * Seconds of a Go `time.ParseDuration` string (`720h0m0s`, `1.5h`, `90m`, `300ms`). Go knows no `d`
 * or `w`; they are refused here as Velero and robfig/cron refuse them.
 */
export function parseGoDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === "0") return 0;
  if (!/^([0-9]*\.?[0-9]+(ns|us|µs|ms|s|m|h))+$/.test(trimmed)) return undefined;
  let total = 0;
  for (const match of trimmed.matchAll(/([0-9]*\.?[0-9]+)(ns|us|µs|ms|s|m|h)/g)) {
    total += Number(match[1]) * (UNIT_SECONDS[match[2] as string] as number);
  }
  return total;
}

/**
 * A duration for messages: `45s`, `30m`, `1h00m`, `25h00m`, `2d03h`, `90d`. Whole seconds; the
 * largest unit first, so "worst-case gap 25h00m exceeds tier 3 RPO 24h00m" reads at a glance.
 */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "never";
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return s % 60 === 0 ? `${s / 60}m` : `${Math.floor(s / 60)}m${pad(s % 60)}s`;
  if (s < 2 * 86_400) {
    const rest = s % 3600;
    return `${Math.floor(s / 3600)}h${pad(Math.floor(rest / 60))}m${rest % 60 ? `${pad(rest % 60)}s` : ""}`;
  }
  const days = Math.floor(s / 86_400);
  const hours = Math.floor((s % 86_400) / 3600);
  return hours === 0 && s % 3600 === 0 ? `${days}d` : `${days}d${pad(hours)}h`;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** Epoch seconds (floored) of an RFC 3339 time, or undefined when it is not a real calendar time. */
export function epochSeconds(text: string): number | undefined {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return undefined;
  const date = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (date) {
    // Date.parse rolls 2026-02-30 over to March; a record with an impossible date is malformed.
    const [, y, m, d] = date.map(Number) as [number, number, number, number];
    const check = new Date(Date.UTC(y, m - 1, d));
    if (check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return undefined;
  }
  return Math.floor(ms / 1000);
}

/** Seconds of a Prometheus duration (`5m`, `1h30m`, `3d`, `1y`, `500ms`): the ranges and `for:` of rule files. */
export function parsePrometheusDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^(([0-9]+)(ms|s|m|h|d|w|y))+$/.test(trimmed)) return undefined;
  let total = 0;
  for (const match of trimmed.matchAll(/([0-9]+)(ms|s|m|h|d|w|y)/g)) total += Number(match[1]) * (match[2] === "y" ? 365 * 86_400 : (UNIT_SECONDS[match[2] as string] as number));
  return total;
}

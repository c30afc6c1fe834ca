import type { CliFlag } from "../../engine/gate.js";

/** Kept apart from the collector so `--help` can list it without loading the measurers. */
export const SLO_FLAGS: readonly CliFlag[] = [
  { name: "slo", type: "string", description: "SLO file, OpenSLO subset (default .resilience/slos.yaml)" },
  { name: "summary", type: "string", description: "measure from a k6 summary JSON" },
  { name: "prometheus", type: "string", description: "measure from a Prometheus-compatible query API (base URL)" },
  { name: "metrics", type: "string", multiple: true, description: "scrape this /metrics URL before and after --script/--target or --observe (repeatable)" },
  { name: "observe", type: "string", description: "with --metrics and no script: wait this long between scrapes (60s)" },
  { name: "window", type: "string", description: "with --prometheus: evaluate over this window instead of each SLO's" },
  { name: "baseline", type: "string", description: "baseline from `resilience-gates baseline save` to compare with" },
  { name: "baseline-artifact", type: "string", description: "...or the newest workflow artifact of this name from the default branch (GITHUB_TOKEN)" },
  { name: "min-samples", type: "string", description: "fewest events on each side for a baseline comparison (default 100)" },
];

import type { Reporter } from "./reporter.js";

/** The machine-readable report: `{verdict, gates: [{id, verdict, findings, waived, stats, durationMs}]}`. */
export const jsonReporter: Reporter = {
  format: "json",
  render: (report) => `${JSON.stringify(report, null, 2)}\n`,
};

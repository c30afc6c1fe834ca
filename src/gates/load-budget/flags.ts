import type { CliFlag } from "../../engine/gate.js";

/** Kept apart from the collector so `--help` can list it without loading the k6 reader. */
export const LOAD_BUDGET_FLAGS: readonly CliFlag[] = [
  { name: "budgets", type: "string", description: "per-endpoint budgets (default .resilience/load-budgets.yaml)" },
  { name: "summary", type: "string", description: "k6 summary JSON to judge (--summary-export or handleSummary shape)" },
  { name: "script", type: "string", description: "k6 script to run with the real k6 (needs --target)" },
  { name: "target", type: "string", description: "base URL the k6 script runs against (passed as -e BASE_URL=...)" },
  { name: "k6", type: "string", description: "k6 binary to run instead of .tools/bin/k6 (an xk6 build, say)" },
  { name: "k6-extension", type: "string", multiple: true, description: "an xk6 extension the script needs (module[@version]); the k6 binary must carry it" },
  { name: "k6-env", type: "string", multiple: true, description: "KEY=VALUE passed to the k6 script with -e (repeatable)" },
  { name: "save-summary", type: "string", description: "keep the summary of the k6 run in this file" },
];

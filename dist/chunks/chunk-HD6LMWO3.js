import { createRequire as __createRequire } from "node:module"; import { dirname as __pathDirname } from "node:path"; import { fileURLToPath as __fileURLToPath } from "node:url"; const require = __createRequire(import.meta.url); const __dirname = __pathDirname(__fileURLToPath(import.meta.url));

// src/gates/chart-flags.ts
var CHART_RENDER_FLAGS = [
  { name: "kube-version", type: "string", description: "Kubernetes version --chart is rendered for (helm --kube-version; default: the Pod Security version, v1.37.2 for latest)" },
  { name: "api-versions", type: "string", multiple: true, description: "API version --chart may assume, group/version[/Kind] (helm --api-versions; repeatable)" }
];

// src/gates/cluster-flags.ts
var CLUSTER_FLAGS = [
  { name: "cluster", type: "boolean", description: "read the live objects from the Kubernetes cluster of the kubeconfig (--namespace NS scopes it)" },
  { name: "context", type: "string", description: "kubeconfig context for --cluster (default: the current context)" },
  { name: "all-namespaces", type: "boolean", description: "with --cluster, read every namespace" }
];

// src/gates/backups/flags.ts
var BACKUPS_FLAGS = [
  { name: "catalog", type: "string", description: "service catalog (default .resilience/catalog.yaml)" },
  { name: "manifests", type: "string", multiple: true, description: "Kubernetes YAML files or globs with backup definitions (repeatable)" },
  { name: "chart", type: "string", multiple: true, description: "Helm chart directory, rendered with helm template" },
  { name: "values", type: "string", multiple: true, description: "values file for --chart (repeatable, in order)" },
  ...CHART_RENDER_FLAGS,
  { name: "kustomize", type: "string", multiple: true, description: "kustomization directory, built with kustomize" },
  { name: "evidence", type: "string", multiple: true, description: "backup evidence: JSON files, directories or globs (repeatable)" },
  { name: "namespace", type: "string", description: "namespace for --chart, and the namespace --cluster reads" },
  ...CLUSTER_FLAGS
];

// src/gates/chaos-readiness/flags.ts
var CHAOS_READINESS_FLAGS = [
  { name: "catalog", type: "string", description: "service catalog (default .resilience/catalog.yaml)" },
  { name: "results", type: "string", multiple: true, description: "signed chaos results of `chaos run`: a directory or a glob of JSON files (repeatable)" },
  { name: "experiments", type: "string", description: "the chaos experiments file (.resilience/chaos.yaml), to name the declared experiment a missing result belongs to" },
  { name: "public-key", type: "string", multiple: true, description: "Ed25519 public key (PEM) that signs chaos results (the drill key; repeatable for rotation)" },
  { name: "namespace", type: "string", description: "the namespace --cluster reads" },
  ...CLUSTER_FLAGS
];

// src/gates/load-budget/flags.ts
var LOAD_BUDGET_FLAGS = [
  { name: "budgets", type: "string", description: "per-endpoint budgets (default .resilience/load-budgets.yaml)" },
  { name: "summary", type: "string", description: "k6 summary JSON to judge (--summary-export or handleSummary shape)" },
  { name: "script", type: "string", description: "k6 script to run with the real k6 (needs --target)" },
  { name: "target", type: "string", description: "base URL the k6 script runs against (passed as -e BASE_URL=...)" },
  { name: "k6", type: "string", description: "k6 binary to run instead of .tools/bin/k6 (an xk6 build, say)" },
  { name: "k6-extension", type: "string", multiple: true, description: "an xk6 extension the script needs (module[@version]); the k6 binary must carry it" },
  { name: "k6-env", type: "string", multiple: true, description: "KEY=VALUE passed to the k6 script with -e (repeatable)" },
  { name: "save-summary", type: "string", description: "keep the summary of the k6 run in this file" }
];

// src/gates/migrations/flags.ts
var MIGRATIONS_FLAGS = [
  { name: "files", type: "string", multiple: true, description: "SQL migration files or globs, in the order they run (repeatable)" },
  { name: "base", type: "string", description: "git ref: judge only migrations added since it; earlier ones are schema context" },
  { name: "migration-format", type: "string", description: "auto | plain | flyway | prisma | golang-migrate (default auto)" },
  {
    name: "runner",
    type: "string",
    description: "prisma | golang-migrate | golang-migrate-multi-statement | flyway | diesel | node-pg-migrate | rails | graphile-migrate | psql | psql-single-transaction | plain: how files reach PostgreSQL (default: from the file names)"
  },
  { name: "transaction", type: "string", description: "per-file | single-message | none: overrides the runner's transaction model for every file" },
  { name: "trace", type: "boolean", description: "also run the new migrations on a throwaway PostgreSQL and record their locks" },
  { name: "trace-url", type: "string", description: "PostgreSQL URL for --trace instead of a throwaway server (its data is changed)" }
];

// src/gates/readiness/flags.ts
var READINESS_FLAGS = [
  { name: "catalog", type: "string", description: "service catalog (default .resilience/catalog.yaml)" },
  { name: "slo", type: "string", description: "SLO file the burn-rate alerts are judged against (default .resilience/slos.yaml)" },
  { name: "rules", type: "string", multiple: true, description: "Prometheus rule files or globs (repeatable); PrometheusRule objects come from the manifests" },
  { name: "envoy", type: "string", multiple: true, description: "Envoy configuration files with routes and clusters (repeatable)" },
  { name: "kill-switches", type: "string", description: "kill-switch and feature-flag registry (default .resilience/kill-switches.yaml)" },
  { name: "manifests", type: "string", multiple: true, description: "Kubernetes YAML files or globs (repeatable)" },
  { name: "chart", type: "string", multiple: true, description: "Helm chart directory, rendered with helm template" },
  { name: "values", type: "string", multiple: true, description: "values file for --chart (repeatable, in order)" },
  { name: "kustomize", type: "string", multiple: true, description: "kustomization directory, built with kustomize" },
  { name: "namespace", type: "string", description: "namespace for --chart, and the namespace --cluster reads" },
  ...CLUSTER_FLAGS
];

// src/gates/release/flags.ts
var RELEASE_FLAGS = [
  { name: "tag", type: "string", description: "release tag to approve (default: the tag of GITHUB_REF)" },
  { name: "commit", type: "string", description: "commit the tag points at (default: GITHUB_SHA)" },
  { name: "required-gate", type: "string", multiple: true, description: "gate whose check run must have passed on the commit (repeatable)" },
  { name: "tag-pattern", type: "string", description: "glob of release tags (default v*); other tags are not releases" },
  { name: "check-runs-file", type: "string", description: "recorded check-run facts (YAML/JSON) instead of the GitHub API" }
];

// src/gates/restore-proofs/flags.ts
var RESTORE_PROOFS_FLAGS = [
  { name: "catalog", type: "string", description: "service catalog (default .resilience/catalog.yaml)" },
  { name: "proofs", type: "string", multiple: true, description: "restore-drill proofs: a directory or a glob of JSON files (repeatable)" },
  { name: "public-key", type: "string", multiple: true, description: "Ed25519 public key (PEM) that signs drill proofs (repeatable for rotation)" },
  { name: "namespace", type: "string", description: "the namespace --cluster reads" },
  ...CLUSTER_FLAGS
];

// src/gates/security-context/flags.ts
var SECURITY_CONTEXT_FLAGS = [
  { name: "manifests", type: "string", multiple: true, description: "Kubernetes YAML files or globs (repeatable)" },
  { name: "chart", type: "string", multiple: true, description: "Helm chart directory, rendered with helm template" },
  { name: "values", type: "string", multiple: true, description: "values file for --chart (repeatable, in order)" },
  ...CHART_RENDER_FLAGS,
  { name: "release", type: "string", description: "release name for --chart" },
  { name: "namespace", type: "string", description: "namespace for --chart, and the namespace --cluster reads" },
  { name: "kustomize", type: "string", multiple: true, description: "kustomization directory, built with kustomize" },
  { name: "pod-security-level", type: "string", description: "Pod Security level: restricted (default) or baseline" },
  { name: "pod-security-version", type: "string", description: "Pod Security policy version: v1.NN (v1.23 or newer) or latest (default, v1.37)" },
  ...CLUSTER_FLAGS
];

// src/gates/slo/flags.ts
var SLO_FLAGS = [
  { name: "slo", type: "string", description: "SLO file, OpenSLO subset (default .resilience/slos.yaml)" },
  { name: "summary", type: "string", description: "measure from a k6 summary JSON" },
  { name: "prometheus", type: "string", description: "measure from a Prometheus-compatible query API (base URL)" },
  { name: "metrics", type: "string", multiple: true, description: "scrape this /metrics URL before and after --script/--target or --observe (repeatable)" },
  { name: "observe", type: "string", description: "with --metrics and no script: wait this long between scrapes (60s)" },
  { name: "window", type: "string", description: "with --prometheus: evaluate over this window instead of each SLO's" },
  { name: "baseline", type: "string", description: "baseline from `resilience-gates baseline save` to compare with" },
  { name: "baseline-artifact", type: "string", description: "...or the newest workflow artifact of this name from the default branch (GITHUB_TOKEN)" },
  { name: "min-samples", type: "string", description: "fewest events on each side for a baseline comparison (default 100)" }
];

export {
  BACKUPS_FLAGS,
  CHAOS_READINESS_FLAGS,
  LOAD_BUDGET_FLAGS,
  MIGRATIONS_FLAGS,
  READINESS_FLAGS,
  RELEASE_FLAGS,
  RESTORE_PROOFS_FLAGS,
  SECURITY_CONTEXT_FLAGS,
  SLO_FLAGS
};

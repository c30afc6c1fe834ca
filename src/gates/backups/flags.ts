import type { CliFlag } from "../../engine/gate.js";
import { CHART_RENDER_FLAGS } from "../chart-flags.js";
import { CLUSTER_FLAGS } from "../cluster-flags.js";

/** Kept apart from the collector so `--help` can list it without loading YAML, Helm and cron code. */
export const BACKUPS_FLAGS: readonly CliFlag[] = [
  { name: "catalog", type: "string", description: "service catalog (default .resilience/catalog.yaml)" },
  { name: "manifests", type: "string", multiple: true, description: "Kubernetes YAML files or globs with backup definitions (repeatable)" },
  { name: "chart", type: "string", multiple: true, description: "Helm chart directory, rendered with helm template" },
  { name: "values", type: "string", multiple: true, description: "values file for --chart (repeatable, in order)" },
  ...CHART_RENDER_FLAGS,
  { name: "kustomize", type: "string", multiple: true, description: "kustomization directory, built with kustomize" },
  { name: "evidence", type: "string", multiple: true, description: "backup evidence: JSON files, directories or globs (repeatable)" },
  { name: "namespace", type: "string", description: "namespace for --chart, and the namespace --cluster reads" },
  ...CLUSTER_FLAGS,
];

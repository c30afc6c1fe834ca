import type { CliFlag } from "../../engine/gate.js";
import { CLUSTER_FLAGS } from "../cluster-flags.js";

/** Kept apart from the collector so `--help` can list it without loading YAML, Helm and promtool code. */
export const READINESS_FLAGS: readonly CliFlag[] = [
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
  ...CLUSTER_FLAGS,
];

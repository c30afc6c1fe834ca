import type { CliFlag } from "../../engine/gate.js";
import { CHART_RENDER_FLAGS } from "../chart-flags.js";
import { CLUSTER_FLAGS } from "../cluster-flags.js";

/** Kept apart from the collector so `--help` can list it without loading YAML and Helm code. */
export const SECURITY_CONTEXT_FLAGS: readonly CliFlag[] = [
  { name: "manifests", type: "string", multiple: true, description: "Kubernetes YAML files or globs (repeatable)" },
  { name: "chart", type: "string", multiple: true, description: "Helm chart directory, rendered with helm template" },
  { name: "values", type: "string", multiple: true, description: "values file for --chart (repeatable, in order)" },
  ...CHART_RENDER_FLAGS,
  { name: "release", type: "string", description: "release name for --chart" },
  { name: "namespace", type: "string", description: "namespace for --chart, and the namespace --cluster reads" },
  { name: "kustomize", type: "string", multiple: true, description: "kustomization directory, built with kustomize" },
  { name: "pod-security-level", type: "string", description: "Pod Security level: restricted (default) or baseline" },
  { name: "pod-security-version", type: "string", description: "Pod Security policy version: v1.NN (v1.23 or newer) or latest (default, v1.37)" },
  ...CLUSTER_FLAGS,
];

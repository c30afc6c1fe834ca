import type { CliFlag } from "../engine/gate.js";

/** Live-cluster flags shared by the gates that can read a cluster; `--namespace` scopes the read. Light for `--help`. */
export const CLUSTER_FLAGS: readonly CliFlag[] = [
  { name: "cluster", type: "boolean", description: "read the live objects from the Kubernetes cluster of the kubeconfig (--namespace NS scopes it)" },
  { name: "context", type: "string", description: "kubeconfig context for --cluster (default: the current context)" },
  { name: "all-namespaces", type: "boolean", description: "with --cluster, read every namespace" },
];

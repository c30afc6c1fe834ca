import type { CliFlag } from "../engine/gate.js";

/** How `--chart` is rendered, shared by the gates that read charts. Light for `--help`. */
export const CHART_RENDER_FLAGS: readonly CliFlag[] = [
  { name: "kube-version", type: "string", description: "Kubernetes version --chart is rendered for (helm --kube-version; default: the Pod Security version, v1.37.2 for latest)" },
  { name: "api-versions", type: "string", multiple: true, description: "API version --chart may assume, group/version[/Kind] (helm --api-versions; repeatable)" },
];

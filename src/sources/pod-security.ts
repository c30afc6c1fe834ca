import { ConfigurationError } from "../engine/errors.js";

/**
 * The Kubernetes this release pins (scripts/tool-versions.tsv, tools/k8s-reference/go.mod): the
 * version of the Pod Security checks `latest` means, and what charts are rendered for by default.
 */
export const PINNED_KUBERNETES_VERSION = "v1.37.2";

/** The oldest Pod Security version the checks are modelled for (the first with the restricted runAsUser check). */
export const OLDEST_POD_SECURITY_MINOR = 23;

/** The minor version of PINNED_KUBERNETES_VERSION: what `latest` is. */
export const LATEST_POD_SECURITY_MINOR = Number(PINNED_KUBERNETES_VERSION.split(".")[1]);

export type PodSecurityLevel = "privileged" | "baseline" | "restricted";

/**
 * The minor version of a Pod Security version as upstream's api.ParseVersion reads it: `latest` or
 * `v1.NN`. Versions older than the oldest modelled are refused; newer ones are judged as `latest`, as
 * upstream judges a version newer than its own.
 */
export function podSecurityMinor(version: string, where: string): number {
  if (version === "latest") return LATEST_POD_SECURITY_MINOR;
  const match = /^v1\.(0|[1-9][0-9]*)$/.exec(version);
  if (!match) throw new ConfigurationError(`${where}: Pod Security version ${JSON.stringify(version)} is not "latest" or v1.NN (for example v1.30)`);
  const minor = Number(match[1]);
  if (minor < OLDEST_POD_SECURITY_MINOR) {
    throw new ConfigurationError(`${where}: Pod Security version ${version} is older than v1.${OLDEST_POD_SECURITY_MINOR}, the oldest this release models`);
  }
  return Math.min(minor, LATEST_POD_SECURITY_MINOR);
}

/** The Kubernetes version to render charts for when the Pod Security checks of `minor` are in force. */
export function kubeVersionForPodSecurity(minor: number | undefined): string {
  return minor === undefined || minor >= LATEST_POD_SECURITY_MINOR ? PINNED_KUBERNETES_VERSION : `v1.${minor}.0`;
}

/** The gate's Pod Security setting (`podSecurity` in the config). */
export interface PodSecuritySetting {
  level?: "baseline" | "restricted";
  version?: string;
  /** Take each namespace's `pod-security.kubernetes.io/enforce` and `enforce-version` labels (default true). */
  namespaceLabels?: boolean;
}

/** What the checks of one workload are judged at: the input's `pod_security`. */
export interface PodSecurityInForce {
  level: PodSecurityLevel;
  minor: number;
  /** Where it comes from: "podSecurity" (the gate) or "namespace <name>". */
  source: string;
}

export const ENFORCE_LABEL = "pod-security.kubernetes.io/enforce";
export const ENFORCE_VERSION_LABEL = "pod-security.kubernetes.io/enforce-version";

/**
 * A namespace's enforce labels over the gate's setting, as the admission plugin reads them over its
 * configured defaults: an absent label keeps the default; a label upstream cannot parse is judged as
 * restricted and latest (api.PolicyToEvaluate fails closed the same way); a version older than v1.23 is
 * judged as v1.23, the oldest modelled (only stricter: the runAsUser check begins there).
 */
export function inForce(gate: PodSecurityInForce, labels: Record<string, unknown> | undefined, namespace: string): PodSecurityInForce {
  const level = labels?.[ENFORCE_LABEL];
  const version = labels?.[ENFORCE_VERSION_LABEL];
  if (level === undefined && version === undefined) return gate;
  const parsedLevel: PodSecurityLevel | undefined =
    level === undefined ? gate.level : level === "privileged" || level === "baseline" || level === "restricted" ? level : undefined;
  let minor: number | undefined = gate.minor;
  if (typeof version === "string") {
    const match = /^v1\.(0|[1-9][0-9]*)$/.exec(version);
    minor = version === "latest" ? LATEST_POD_SECURITY_MINOR : match ? Math.min(Math.max(Number(match[1]), OLDEST_POD_SECURITY_MINOR), LATEST_POD_SECURITY_MINOR) : undefined;
  } else if (version !== undefined) {
    minor = undefined;
  }
  if (parsedLevel === undefined || minor === undefined) return { level: "restricted", minor: LATEST_POD_SECURITY_MINOR, source: `namespace ${namespace} (labels not understood: restricted, latest)` };
  return { level: parsedLevel, minor, source: `namespace ${namespace}` };
}

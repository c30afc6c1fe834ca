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

import { clusterFromFlags, type ClusterOptions } from "../sources/cluster.js";
import type { ChartSource } from "../sources/helm.js";

/** A flag's values as a list: a repeatable flag parses to an array, a single one to a string. */
export function flagList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : typeof value === "string" ? [value] : [];
}

/**
 * `--chart DIR... [--values F...] [--release R] [--namespace NS] [--kube-version V] [--api-versions A...]`
 * as chart sources; every chart takes the same values.
 */
export function chartsFromFlags(flags: Record<string, unknown>): ChartSource[] {
  const values = flagList(flags.values);
  const apiVersions = flagList(flags["api-versions"]).flatMap((entry) => entry.split(",")).filter((entry) => entry !== "");
  return flagList(flags.chart).map((path) => ({
    path,
    ...(values.length ? { values } : {}),
    ...(typeof flags["kube-version"] === "string" ? { kubeVersion: flags["kube-version"] } : {}),
    ...(apiVersions.length ? { apiVersions } : {}),
    ...(typeof flags.release === "string" ? { release: flags.release } : {}),
    ...(typeof flags.namespace === "string" ? { namespace: flags.namespace } : {}),
  }));
}

/** Where Kubernetes objects come from: files, charts, kustomizations and, with `--cluster`, the cluster. */
export interface ObjectSources {
  manifests?: string[];
  charts?: ChartSource[];
  kustomize?: string[];
  cluster?: ClusterOptions;
}

/** `--manifests`, `--chart` (see chartsFromFlags), `--kustomize` and `--cluster`: only the sources given. */
export function objectSourcesFromFlags(flags: Record<string, unknown>): ObjectSources {
  const manifests = flagList(flags.manifests);
  const kustomize = flagList(flags.kustomize);
  const charts = chartsFromFlags(flags);
  const cluster = clusterFromFlags(flags);
  return {
    ...(cluster ? { cluster } : {}),
    ...(manifests.length ? { manifests } : {}),
    ...(kustomize.length ? { kustomize } : {}),
    ...(charts.length ? { charts } : {}),
  };
}

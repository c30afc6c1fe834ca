import type { Logger } from "../engine/logger.js";
import { displayPath, expandGlobs, type Workspace } from "./files.js";
import { renderChart, type ChartSource } from "./helm.js";
import { manifestObjects, type ManifestObject } from "./kubernetes.js";
import { buildKustomization } from "./kustomize.js";
import { readYamlFile } from "./yaml.js";

/** Where Kubernetes objects come from: YAML globs, Helm charts (real helm), kustomizations (real kustomize). */
export interface ManifestSources {
  manifests?: string[];
  charts?: ChartSource[];
  kustomize?: string[];
  allowEmptyGlobs?: boolean;
  /** The Kubernetes version charts without their own `kubeVersion` are rendered for (default: the pinned one). */
  kubeVersion?: string;
}

/** Every object of the sources, each able to locate its paths in the file that wrote it. */
export async function readManifestSources(workspace: Workspace, sources: ManifestSources, logger: Logger): Promise<{ objects: ManifestObject[]; files: number }> {
  const objects: ManifestObject[] = [];
  const files = expandGlobs(workspace, sources.manifests ?? [], { allowEmpty: sources.allowEmptyGlobs ?? false, what: "manifest" });
  for (const file of files) {
    for (const document of readYamlFile(workspace, file, displayPath(workspace, file))) objects.push(...manifestObjects(document));
  }
  for (const chart of sources.charts ?? []) {
    logger.info(`rendering chart ${chart.path}${chart.values?.length ? ` with ${chart.values.join(", ")}` : ""}`);
    objects.push(...(await renderChart(workspace, chart, sources.kubeVersion)));
  }
  for (const directory of sources.kustomize ?? []) {
    logger.info(`building kustomization ${directory}`);
    objects.push(...(await buildKustomization(workspace, directory)));
  }
  return { objects, files: files.length };
}

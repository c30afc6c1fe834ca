import { ConfigurationError, describeThrown } from "../engine/errors.js";
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

/**
 * Every object of the sources, each able to locate its paths in the file that wrote it. A file, document,
 * chart or kustomization that cannot be read (invalid YAML, a duplicate key, a chart that does not render)
 * is an entry of `errors`, naming file and line, and the others are still read: the gate's verdict is then
 * `error` while every object that could be read is judged. A glob that matches nothing stays fatal.
 */
export async function readManifestSources(
  workspace: Workspace,
  sources: ManifestSources,
  logger: Logger,
): Promise<{ objects: ManifestObject[]; files: number; errors: string[] }> {
  const objects: ManifestObject[] = [];
  const errors: string[] = [];
  const attempt = async (work: () => ManifestObject[] | Promise<ManifestObject[]>): Promise<void> => {
    try {
      objects.push(...(await work()));
    } catch (error) {
      if (!(error instanceof ConfigurationError)) throw error;
      errors.push(describeThrown(error));
    }
  };
  const files = expandGlobs(workspace, sources.manifests ?? [], { allowEmpty: sources.allowEmptyGlobs ?? false, what: "manifest" });
  for (const file of files) {
    await attempt(async () => {
      const shown = displayPath(workspace, file);
      const documents = readYamlFile(workspace, file, shown);
      if (documents.every((document) => document.value === null || document.value === undefined)) {
        // As `kubectl apply -f` refuses it: an empty manifest is a mistake, not a pass.
        throw new ConfigurationError(`no Kubernetes object in the file (it is empty or only comments); expected at least one document with apiVersion and kind`, { file: shown, line: 1 });
      }
      // A document that is no Kubernetes object does not hide the file's other documents.
      for (const document of documents) await attempt(() => manifestObjects(document));
      return [];
    });
  }
  for (const chart of sources.charts ?? []) {
    logger.info(`rendering chart ${chart.path}${chart.values?.length ? ` with ${chart.values.join(", ")}` : ""}`);
    await attempt(() => renderChart(workspace, chart, sources.kubeVersion));
  }
  for (const directory of sources.kustomize ?? []) {
    logger.info(`building kustomization ${directory}`);
    await attempt(() => buildKustomization(workspace, directory));
  }
  return { objects, files: files.length, errors };
}

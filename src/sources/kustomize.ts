import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { ConfigurationError } from "../engine/errors.js";
import type { SourceLocation } from "../engine/types.js";
import { displayPath, filesBelow, requireDirectory, resolveInside, type Workspace } from "./files.js";
import { isRecord, locateInDocument, manifestObjects, type ManifestObject } from "./kubernetes.js";
import { runTool } from "./tools.js";
import { parseYamlDocuments, parseYamlValue, readYamlFile, type YamlDocument } from "./yaml.js";

const ORIGIN = "config.kubernetes.io/origin";

/**
 * Builds a kustomization with the real kustomize, asking it (through a wrapper kustomization) to annotate
 * each object with the file it came from, so findings point at that file and line.
 */
export async function buildKustomization(workspace: Workspace, path: string): Promise<ManifestObject[]> {
  const directory = resolveInside(workspace, path, "kustomization");
  const shown = displayPath(workspace, directory);
  requireDirectory(directory, shown, "kustomization");
  filesBelow(workspace, directory, () => false, "kustomization file");
  const wrapper = mkdtempSync(join(tmpdir(), "resilience-gates-kustomize-"));
  try {
    writeFileSync(
      join(wrapper, "kustomization.yaml"),
      `resources:\n  - ${JSON.stringify(relative(wrapper, directory))}\nbuildMetadata: [originAnnotations]\n`,
    );
    const run = await runTool("kustomize", ["build", "--load-restrictor", "LoadRestrictionsNone", wrapper], {
      cwd: workspace.root,
      timeoutMs: 120_000,
    });
    if (run.exitCode !== 0) {
      throw new ConfigurationError(`kustomize build failed for ${shown}: ${run.stderr.trim().split("\n").join(" ")}`, {
        file: `${shown}/kustomization.yaml`,
        line: 1,
      });
    }
    const originals = new Map<string, YamlDocument[]>();
    return parseYamlDocuments(run.stdout, `${shown} (kustomize build)`).flatMap((document) =>
      manifestObjects(document).map((manifest) => {
        const origin = takeOrigin(manifest.object);
        if (!origin) return manifest;
        // A resource kustomize loaded from outside the repository (`../../elsewhere`) is refused by name.
        const file = resolveInside(workspace, resolve(wrapper, origin), `resource of kustomization ${shown}`);
        const source = findOriginal(workspace, file, manifest, originals);
        return source ? { ...manifest, locate: source } : manifest;
      }),
    );
  } finally {
    rmSync(wrapper, { recursive: true, force: true });
  }
}

function takeOrigin(object: Record<string, unknown>): string | undefined {
  const metadata = object.metadata;
  if (!isRecord(metadata) || !isRecord(metadata.annotations)) return undefined;
  const annotation = metadata.annotations[ORIGIN];
  delete metadata.annotations[ORIGIN];
  if (Object.keys(metadata.annotations).length === 0) delete metadata.annotations;
  if (typeof annotation !== "string") return undefined;
  const parsed = parseYamlValue(annotation, `annotation ${ORIGIN}`);
  return isRecord(parsed) && typeof parsed.path === "string" ? parsed.path : undefined;
}

function findOriginal(
  workspace: Workspace,
  file: string,
  manifest: ManifestObject,
  cache: Map<string, YamlDocument[]>,
): ((path: readonly (string | number)[]) => SourceLocation) | undefined {
  let documents = cache.get(file);
  if (!documents) {
    try {
      documents = readYamlFile(workspace, file, displayPath(workspace, file));
    } catch {
      documents = [];
    }
    cache.set(file, documents);
  }
  // namePrefix and nameSuffix change the name, so the original's name is contained in the built one.
  const original = documents.find((document) => {
    const value = document.value;
    if (!isRecord(value) || value.kind !== manifest.ref.kind || !isRecord(value.metadata)) return false;
    const name = value.metadata.name;
    return typeof name === "string" && manifest.ref.name.includes(name);
  });
  return original ? (path) => locateInDocument(original, path) : undefined;
}

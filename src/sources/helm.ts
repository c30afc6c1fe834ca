import { join } from "node:path";
import { ConfigurationError } from "../engine/errors.js";
import type { SourceLocation } from "../engine/types.js";
import { displayPath, filesBelow, readTextFile, requireDirectory, resolveInside, type Workspace } from "./files.js";
import { getPath, isRecord, manifestObjects, type ManifestObject } from "./kubernetes.js";
import { findInTemplateOfKind, valuesReferenceNear } from "./template-map.js";
import { PINNED_KUBERNETES_VERSION } from "./pod-security.js";
import { runTool } from "./tools.js";
import { parseYamlDocuments, readYamlFile, type PathSegment, type YamlDocument } from "./yaml.js";

export interface ChartSource {
  path: string;
  values?: string[];
  release?: string;
  namespace?: string;
  /** Extra `--set` style overrides, as `key=value`. */
  set?: string[];
  /** `--kube-version`: what a `kubeVersion:` constraint and `.Capabilities.KubeVersion` see. */
  kubeVersion?: string;
  /** `--api-versions`, each added to helm's built-in set for `.Capabilities.APIVersions`. */
  apiVersions?: string[];
}

/**
 * Renders a chart with the real `helm template` and returns its objects, each located in the template
 * file named by its `# Source:` comment. Without `--kube-version` helm renders for the Kubernetes its
 * client libraries were built with (v1.20 in helm 3's `chartutil.DefaultCapabilities`), so the chart's
 * `kubeVersion` falls back to `defaultKubeVersion`.
 */
export async function renderChart(workspace: Workspace, chart: ChartSource, defaultKubeVersion = PINNED_KUBERNETES_VERSION): Promise<ManifestObject[]> {
  const chartDir = resolveInside(workspace, chart.path, "chart");
  const shownChart = displayPath(workspace, chartDir);
  requireDirectory(chartDir, shownChart, "chart");
  // helm follows links inside a chart: one that leads out of the repository is refused by name.
  filesBelow(workspace, chartDir, () => false, "chart file");
  const args = ["template", chart.release ?? "release", chartDir];
  if (chart.namespace) args.push("--namespace", chart.namespace);
  const valuesFiles = [join(chartDir, "values.yaml")];
  for (const values of chart.values ?? []) {
    const file = resolveInside(workspace, values, "values file");
    args.push("--values", file);
    valuesFiles.push(file);
  }
  for (const set of chart.set ?? []) args.push("--set", set);
  const kubeVersion = chart.kubeVersion ?? defaultKubeVersion;
  if (!/^v?[0-9]+\.[0-9]+(\.[0-9]+)?$/.test(kubeVersion)) {
    throw new ConfigurationError(`chart ${shownChart}: kubeVersion ${JSON.stringify(kubeVersion)} is not a Kubernetes version such as v1.37.2`);
  }
  args.push("--kube-version", kubeVersion);
  for (const apiVersion of chart.apiVersions ?? []) args.push("--api-versions", apiVersion);
  const run = await runTool("helm", args, { cwd: workspace.root, timeoutMs: 120_000 });
  if (run.exitCode !== 0) {
    throw helmError(workspace, chartDir, shownChart, run.stderr);
  }
  const values = new ValuesFiles(workspace, valuesFiles);
  // A template that renders several documents is read once.
  const templateLines = new Map<string, string[]>();
  return splitRendered(run.stdout).flatMap((chunk, index) => {
    const template = chunk.source ? join(chartDir, chunk.source.split("/").slice(1).join("/")) : undefined;
    const shownTemplate = template ? displayPath(workspace, template) : `${shownChart} (rendered)`;
    let documents: YamlDocument[];
    try {
      documents = parseYamlDocuments(chunk.text, shownTemplate);
    } catch (error) {
      if (error instanceof ConfigurationError) {
        throw new ConfigurationError(`helm template rendered invalid YAML from ${shownTemplate} (document ${index + 1}): ${error.message}`);
      }
      throw error;
    }
    let lines: string[] = [];
    if (template) {
      lines = templateLines.get(template) ?? readLines(workspace, template);
      templateLines.set(template, lines);
    }
    return documents.flatMap((document) =>
      manifestObjects(document, (doc, path) => locateInTemplate(doc, path, lines, shownTemplate, values)),
    );
  });
}

function readLines(workspace: Workspace, file: string): string[] {
  try {
    return readTextFile(workspace, file, displayPath(workspace, file)).split("\n");
  } catch {
    return [];
  }
}

function locateInTemplate(
  document: YamlDocument,
  path: readonly PathSegment[],
  lines: readonly string[],
  file: string,
  values: ValuesFiles,
): SourceLocation {
  const existing = deepestExisting(document.value, path);
  const kind = isRecord(document.value) ? document.value.kind : undefined;
  const found = findInTemplateOfKind(lines, kind, existing);
  if (found && found.matched < existing.length) {
    // The template emits the rest from values (`toYaml .Values.x`): point at the values file that set it.
    const reference = valuesReferenceNear(lines, found.line);
    const rest = existing.slice(found.matched);
    const fromValues = (reference ? values.locate([...reference, ...rest]) : undefined) ?? values.locateLeaf(existing, getPath(document.value, existing));
    if (fromValues) return fromValues;
  }
  const where = found ?? findInTemplateOfKind(lines, kind, ["kind"]);
  return where ? { file, line: where.line, column: where.column } : { file, line: 1 };
}

/** The chart's values.yaml and the user's values files, last one first, as Helm merges them. */
class ValuesFiles {
  private documents: { file: string; document: YamlDocument | undefined }[] | undefined;

  constructor(
    private readonly workspace: Workspace,
    private readonly files: readonly string[],
  ) {}

  locate(path: readonly PathSegment[]): SourceLocation | undefined {
    for (const { file, document } of this.loaded()) {
      if (document && getPath(document.value, path) !== undefined) {
        const position = document.locate(path);
        return { file, line: position.line, column: position.column };
      }
    }
    return undefined;
  }

  /**
   * For a value that reaches the template through a named template (`include` with `default`), where no
   * `.Values` reference is in sight: the one scalar in the values files, last file first, with the same
   * key and value whose parent key ends with the rendered parent's (`containerSecurityContext` for
   * `securityContext`). Ambiguity in a file is no answer.
   */
  locateLeaf(renderedPath: readonly PathSegment[], renderedValue: unknown): SourceLocation | undefined {
    const key = renderedPath.at(-1);
    const parent = renderedPath.at(-2);
    if (typeof key !== "string" || typeof parent !== "string" || renderedValue === null || typeof renderedValue === "object") return undefined;
    for (const { file, document } of this.loaded()) {
      if (!document) continue;
      const hits: PathSegment[][] = [];
      const walk = (value: unknown, at: PathSegment[]) => {
        if (!isRecord(value)) return;
        for (const [name, child] of Object.entries(value)) {
          const here = [...at, name];
          const above = at.at(-1);
          if (name === key && child === renderedValue && typeof above === "string" && above.toLowerCase().endsWith(parent.toLowerCase())) hits.push(here);
          else walk(child, here);
        }
      };
      walk(document.value, []);
      if (hits.length === 1 && hits[0]) {
        const position = document.locate(hits[0]);
        return { file, line: position.line, column: position.column };
      }
      if (hits.length > 1) return undefined;
    }
    return undefined;
  }

  private loaded(): { file: string; document: YamlDocument | undefined }[] {
    this.documents ??= this.files
      .map((file) => {
        try {
          return { file: displayPath(this.workspace, file), document: readYamlFile(this.workspace, file, displayPath(this.workspace, file))[0] };
        } catch {
          return { file, document: undefined };
        }
      })
      .reverse();
    return this.documents;
  }
}

function deepestExisting(value: unknown, path: readonly PathSegment[]): PathSegment[] {
  const result: PathSegment[] = [];
  for (const segment of path) {
    if (getPath(value, [...result, segment]) === undefined) break;
    result.push(segment);
  }
  return result;
}

interface RenderedChunk {
  source?: string;
  text: string;
}

function splitRendered(output: string): RenderedChunk[] {
  const chunks: RenderedChunk[] = [];
  for (const text of output.split(/^---\s*$/m)) {
    if (!text.trim()) continue;
    const source = /^# Source: (.+)$/m.exec(text)?.[1]?.trim();
    chunks.push(source ? { source, text } : { text });
  }
  return chunks;
}

function helmError(workspace: Workspace, chartDir: string, shownChart: string, stderr: string): ConfigurationError {
  const message = stderr.trim().split("\n").filter((line) => !line.startsWith("WARNING") && !line.startsWith("walk.go")).join(" ") || "no output";
  // helm names the failing template as `<chart>/templates/x.yaml:12` inside its message.
  const where = /\(([^():\s]+\/templates\/[^():\s]+):(\d+)(?::(\d+))?\)/.exec(message) ?? /([^\s:]+\/templates\/[^\s:]+):(\d+)(?::(\d+))?/.exec(message);
  if (where?.[1] && where[2]) {
    const file = displayPath(workspace, join(chartDir, where[1].split("/").slice(1).join("/")));
    return new ConfigurationError(`helm template failed for chart ${shownChart}: ${message}`, {
      file,
      line: Number(where[2]),
      ...(where[3] ? { column: Number(where[3]) } : {}),
    });
  }
  // `chart requires kubeVersion: >=1.30.0-0 which is incompatible with Kubernetes v1.29`: at the constraint.
  if (/chart requires kubeVersion/.test(message)) {
    const lines = readLines(workspace, join(chartDir, "Chart.yaml"));
    const index = lines.findIndex((line) => /^kubeVersion\s*:/.test(line));
    return new ConfigurationError(`helm template failed for chart ${shownChart}: ${message} (set the chart's kubeVersion, or --kube-version)`, {
      file: `${shownChart}/Chart.yaml`,
      line: index + 1 || 1,
    });
  }
  return new ConfigurationError(`helm template failed for chart ${shownChart}: ${message}`, { file: `${shownChart}/Chart.yaml`, line: 1 });
}

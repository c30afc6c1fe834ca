import { CollectorError, ConfigurationError } from "../../engine/errors.js";
import type { Logger } from "../../engine/logger.js";
import { GitHubApi, GitHubApiError } from "../../report/github/api.js";
import { readZip } from "../../sources/zip.js";

/** A baseline kept as a workflow artifact: `baseline save` on the default branch, then actions/upload-artifact. */
export interface BaselineArtifact {
  /** The artifact's name (actions/upload-artifact `name:`). */
  artifact: string;
  /** Runs of this branch only (default: the repository's default branch). */
  branch?: string;
  /** The file inside the artifact (default: its one .json file). */
  file?: string;
  /** owner/name (default: GITHUB_REPOSITORY). */
  repository?: string;
}

interface ArtifactListing {
  artifacts?: {
    id: number;
    name: string;
    expired: boolean;
    created_at: string | null;
    workflow_run?: { id?: number; head_branch?: string } | null;
  }[];
}

/**
 * The baseline file of the newest unexpired artifact of that name from a run on the branch, through the
 * GitHub REST API with the run's token (which needs `actions: read`).
 */
export async function fetchBaselineArtifact(spec: BaselineArtifact, env: NodeJS.ProcessEnv, logger: Logger, token: string | undefined): Promise<{ text: string; shown: string }> {
  const what = `baseline artifact ${spec.artifact}`;
  const repository = spec.repository ?? env.GITHUB_REPOSITORY;
  if (!repository || !/^[\w.-]+\/[\w.-]+$/.test(repository)) {
    throw new ConfigurationError(`${what}: no repository to read it from; set GITHUB_REPOSITORY (a workflow does) or baseline.repository: owner/name`);
  }
  if (!token) {
    throw new ConfigurationError(`${what}: no GitHub token: GITHUB_TOKEN is not set on the command line, and the action's github-token input is empty; the job needs \`permissions: actions: read\``);
  }
  const api = new GitHubApi({ apiUrl: env.GITHUB_API_URL ?? "https://api.github.com", token });
  const repo = `/repos/${repository}`;
  try {
    const branch = spec.branch ?? (await api.request<{ default_branch: string }>("GET", repo)).default_branch;
    // Every page (Link rel="next"): the newest artifact of the branch may be on any of them.
    const listed = await api.paginate(`${repo}/actions/artifacts?name=${encodeURIComponent(spec.artifact)}`, (page) => (page as ArtifactListing).artifacts ?? []);
    const named = listed.filter((artifact) => artifact.name === spec.artifact);
    const usable = named
      .filter((artifact) => !artifact.expired && artifact.workflow_run?.head_branch === branch)
      .sort((a, b) => (b.created_at ?? "").localeCompare(a.created_at ?? ""));
    const chosen = usable[0];
    if (!chosen) {
      const expired = named.filter((artifact) => artifact.expired).length;
      throw new CollectorError(
        `${what}: no unexpired artifact of that name from a run on ${branch} in ${repository} (${named.length} with that name, ${expired} expired); ` +
          `run \`resilience-gates baseline save\` on ${branch} and keep the file with actions/upload-artifact (name: ${spec.artifact})`,
      );
    }
    logger.info(`slo: baseline from artifact ${spec.artifact} #${chosen.id} (run ${chosen.workflow_run?.id ?? "?"} on ${branch}, ${chosen.created_at ?? "time unknown"})`);
    const shownArchive = `artifact ${spec.artifact} #${chosen.id}`;
    const files = readZip(await api.download(`${repo}/actions/artifacts/${chosen.id}/zip`), shownArchive);
    const json = [...files.keys()].filter((name) => name.endsWith(".json"));
    const name = spec.file ?? (json.length === 1 ? json[0] : undefined);
    const content = name === undefined ? undefined : files.get(name);
    if (name === undefined || content === undefined) {
      throw new CollectorError(
        `${what}: ${spec.file ? `the artifact has no file ${spec.file}` : `the artifact holds ${json.length} JSON files, not one`} (it holds ${[...files.keys()].join(", ") || "nothing"}); name the file with baseline.file`,
      );
    }
    return { text: content.toString("utf8"), shown: `${shownArchive}/${name}` };
  } catch (error) {
    if (error instanceof GitHubApiError) {
      const hint = error.forbidden || error.status === 404 ? " (the token needs `actions: read` on the repository, and the repository must exist)" : "";
      throw new CollectorError(`${what}: ${error.message}${hint}`);
    }
    throw error;
  }
}

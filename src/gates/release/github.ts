import { GitHubApi, GitHubApiError, repoPath } from "../../report/github/api.js";
import { CollectorError } from "../../engine/errors.js";

/** A check run as the REST API returns it; only the fields the release gate reads. */
export interface ApiCheckRun {
  id?: number;
  name?: string;
  head_sha?: string;
  status?: string;
  conclusion?: string | null;
  started_at?: string | null;
  completed_at?: string | null;
  html_url?: string | null;
  app?: { slug?: string } | null;
}

export interface GitHubTarget {
  apiUrl: string;
  token: string;
  owner: string;
  repo: string;
}

export function clientFor(target: GitHubTarget): GitHubApi {
  return new GitHubApi({ apiUrl: target.apiUrl, token: target.token, retryDelayMs: 500 });
}

/** The latest check run of every name on a commit (`filter=latest`), all pages. */
export async function fetchCheckRuns(api: GitHubApi, target: GitHubTarget, commit: string): Promise<ApiCheckRun[]> {
  try {
    return await api.paginate<ApiCheckRun>(
      `${repoPath(target.owner, target.repo)}/commits/${encodeURIComponent(commit)}/check-runs?filter=latest`,
      (page) => (page as { check_runs?: ApiCheckRun[] }).check_runs ?? [],
    );
  } catch (error) {
    throw new CollectorError(`cannot read the check runs of ${commit} in ${target.owner}/${target.repo}: ${describe(error)}`);
  }
}

/** The commit a tag points at (annotated tags are peeled by the commits endpoint). */
export async function resolveTag(api: GitHubApi, target: GitHubTarget, tag: string): Promise<string> {
  try {
    const commit = await api.request<{ sha?: string }>("GET", `${repoPath(target.owner, target.repo)}/commits/${encodeURIComponent(tag)}`);
    if (!commit?.sha) throw new Error("the response has no sha");
    return commit.sha;
  } catch (error) {
    throw new CollectorError(`cannot resolve tag ${tag} in ${target.owner}/${target.repo}: ${describe(error)}`);
  }
}

function describe(error: unknown): string {
  if (error instanceof GitHubApiError && error.forbidden) return `${error.message} (the token needs checks: read and contents: read)`;
  return error instanceof Error ? error.message : String(error);
}

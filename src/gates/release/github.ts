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
  check_suite?: { id?: number } | null;
  /** Only in recorded facts (checkRunsFile): the workflow run of the check suite, as GET /actions/runs returns it. */
  workflow_run?: ApiWorkflowRun | null;
}

/** A workflow run as the REST API returns it; only the fields the release gate reads. */
export interface ApiWorkflowRun {
  id?: number;
  path?: string | null;
  head_branch?: string | null;
  event?: string | null;
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

/** The workflow run behind a check suite (undefined when none is visible to the token: not a workflow's suite). */
export async function fetchWorkflowRun(api: GitHubApi, target: GitHubTarget, checkSuiteId: number): Promise<ApiWorkflowRun | undefined> {
  try {
    const page = await api.request<{ workflow_runs?: ApiWorkflowRun[] }>("GET", `${repoPath(target.owner, target.repo)}/actions/runs?check_suite_id=${checkSuiteId}&per_page=1`);
    return page.workflow_runs?.[0];
  } catch (error) {
    throw new CollectorError(`cannot read the workflow run of check suite ${checkSuiteId} in ${target.owner}/${target.repo}: ${describe(error)}`);
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
  if (error instanceof GitHubApiError && error.forbidden) return `${error.message} (the token needs checks: read, contents: read and, for trustedWorkflows, actions: read)`;
  return error instanceof Error ? error.message : String(error);
}

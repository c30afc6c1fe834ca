import { readFileSync } from "node:fs";

/** What the reporters need to know about the workflow run, read from the runner's environment. */
export interface GitHubContext {
  serverUrl: string;
  apiUrl: string;
  owner: string;
  repo: string;
  /** The commit the check runs belong to and the links point at: the PR head, else GITHUB_SHA. */
  sha: string;
  ref?: string;
  eventName?: string;
  runUrl?: string;
  pullRequest?: number;
}

interface EventPayload {
  pull_request?: { number?: number; head?: { sha?: string } };
  number?: number;
}

export function readEvent(path: string | undefined): EventPayload {
  if (!path) return {};
  try {
    return JSON.parse(readFileSync(path, "utf8")) as EventPayload;
  } catch {
    return {};
  }
}

/** Undefined when the environment is not a workflow run (no GITHUB_REPOSITORY or GITHUB_SHA). */
export function githubContextFromEnv(env: NodeJS.ProcessEnv = process.env): GitHubContext | undefined {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? "").split("/");
  if (!owner || !repo || !env.GITHUB_SHA) return undefined;
  const event = readEvent(env.GITHUB_EVENT_PATH);
  const serverUrl = (env.GITHUB_SERVER_URL ?? "https://github.com").replace(/\/+$/, "");
  const pullRequest = event.pull_request?.number ?? (env.GITHUB_EVENT_NAME?.startsWith("pull_request") ? event.number : undefined);
  return {
    serverUrl,
    apiUrl: (env.GITHUB_API_URL ?? "https://api.github.com").replace(/\/+$/, ""),
    owner,
    repo,
    sha: event.pull_request?.head?.sha ?? env.GITHUB_SHA,
    ...(env.GITHUB_REF ? { ref: env.GITHUB_REF } : {}),
    ...(env.GITHUB_EVENT_NAME ? { eventName: env.GITHUB_EVENT_NAME } : {}),
    ...(env.GITHUB_RUN_ID ? { runUrl: `${serverUrl}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` } : {}),
    ...(pullRequest ? { pullRequest } : {}),
  };
}

/** A link to a line of a file at the context's commit. */
export function blobUrl(context: Pick<GitHubContext, "serverUrl" | "owner" | "repo" | "sha">, path: string, line?: number): string {
  const encoded = path.split("/").map(encodeURIComponent).join("/");
  return `${context.serverUrl}/${context.owner}/${context.repo}/blob/${context.sha}/${encoded}${line ? `#L${line}` : ""}`;
}

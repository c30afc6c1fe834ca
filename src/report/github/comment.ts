import { GitHubApiError, repoPath, type GitHubApi } from "./api.js";
import type { GitHubContext } from "./context.js";
import { COMMENT_MARKER } from "./markdown.js";

interface IssueComment {
  id: number;
  body?: string | null;
  user?: { login?: string; type?: string } | null;
}

/** The login GitHub shows on comments written with a workflow's GITHUB_TOKEN (an installation token). */
export const ACTIONS_BOT_LOGIN = "github-actions[bot]";

/**
 * Who the token writes as. A user's token (PAT, OAuth) answers GET /user with its login; an installation
 * token (the workflow's GITHUB_TOKEN) is refused there (403 "Resource not accessible by integration",
 * or 401), and its comments are GitHub Actions' bot.
 */
export async function tokenLogin(api: GitHubApi): Promise<string> {
  try {
    const user = await api.request<{ login?: string }>("GET", "/user");
    if (user?.login) return user.login;
  } catch (error) {
    if (!(error instanceof GitHubApiError) || !error.forbidden) throw error;
  }
  return ACTIONS_BOT_LOGIN;
}

/**
 * Keeps one comment on the pull request: the first comment carrying the hidden marker *and written by
 * the token's own identity* is updated in place (anyone may paste the marker; a person's comment is never
 * overwritten); without one, a comment is created. Returns what was done.
 */
export async function upsertComment(api: GitHubApi, context: GitHubContext, body: string): Promise<{ action: "created" | "updated"; id: number; author: string }> {
  if (!context.pullRequest) throw new Error("not a pull request event: no comment to write");
  if (!body.includes(COMMENT_MARKER)) throw new Error("comment body lacks the marker");
  const base = repoPath(context.owner, context.repo);
  const author = await tokenLogin(api);
  const comments = await api.paginate<IssueComment>(`${base}/issues/${context.pullRequest}/comments`, (page) => page as IssueComment[]);
  const existing = comments.find((comment) => comment.body?.includes(COMMENT_MARKER) && comment.user?.login?.toLowerCase() === author.toLowerCase());
  if (existing) {
    await api.request("PATCH", `${base}/issues/comments/${existing.id}`, { body });
    return { action: "updated", id: existing.id, author };
  }
  const created = await api.request<{ id: number }>("POST", `${base}/issues/${context.pullRequest}/comments`, { body });
  return { action: "created", id: created.id, author };
}

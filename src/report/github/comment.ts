import { repoPath, type GitHubApi } from "./api.js";
import type { GitHubContext } from "./context.js";
import { COMMENT_MARKER } from "./markdown.js";

interface IssueComment {
  id: number;
  body?: string | null;
  user?: { login?: string; type?: string } | null;
}

/**
 * Keeps one comment on the pull request: the first comment carrying the hidden marker is updated in
 * place; without one, a comment is created. Returns what was done.
 */
export async function upsertComment(api: GitHubApi, context: GitHubContext, body: string): Promise<{ action: "created" | "updated"; id: number }> {
  if (!context.pullRequest) throw new Error("not a pull request event: no comment to write");
  if (!body.includes(COMMENT_MARKER)) throw new Error("comment body lacks the marker");
  const base = repoPath(context.owner, context.repo);
  const comments = await api.paginate<IssueComment>(`${base}/issues/${context.pullRequest}/comments`, (page) => page as IssueComment[], 30);
  const existing = comments.find((comment) => comment.body?.includes(COMMENT_MARKER));
  if (existing) {
    await api.request("PATCH", `${base}/issues/comments/${existing.id}`, { body });
    return { action: "updated", id: existing.id };
  }
  const created = await api.request<{ id: number }>("POST", `${base}/issues/${context.pullRequest}/comments`, { body });
  return { action: "created", id: created.id };
}

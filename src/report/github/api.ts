import { setTimeout as sleep } from "node:timers/promises";

/** A GitHub REST call that failed; `status` 0 when the server could not be reached at all. */
export class GitHubApiError extends Error {
  override readonly name = "GitHubApiError";
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: string,
    /** When the primary rate limit resets, if this failure is that limit exhausted. */
    readonly rateLimitReset?: Date,
  ) {
    super(
      rateLimitReset
        ? `${method} ${path}: rate limited (HTTP ${status}, x-ratelimit-remaining: 0) until ${rateLimitReset.toISOString()}`
        : `${method} ${path}: ${status === 0 ? "no response" : `HTTP ${status}`}${body ? `: ${body.slice(0, 300)}` : ""}`,
    );
  }

  /** The token's rate limit is used up: not a permission problem, and no fork's read-only token. */
  get rateLimited(): boolean {
    return this.rateLimitReset !== undefined;
  }

  /** 403 or 401 that is not a rate limit: a token that may not write (a fork PR's read-only token, missing permissions). */
  get forbidden(): boolean {
    return (this.status === 403 || this.status === 401) && !this.rateLimited;
  }
}

/** How long the client waits for an exhausted rate limit to reset before it reports "rate limited". */
export const RATE_LIMIT_WAIT_MS = 60_000;
/** GitHub answers REST calls in well under a second; a request without an answer after this is retried. */
export const REQUEST_TIMEOUT_MS = 30_000;

export interface GitHubApiOptions {
  apiUrl: string;
  token: string;
  /** Retries of a 5xx, 429 or network failure; GitHub's secondary rate limits ask for a pause. */
  retries?: number;
  retryDelayMs?: number;
  /** At most this long is waited for an exhausted primary rate limit (x-ratelimit-reset); longer is an error. */
  rateLimitWaitMs?: number;
  /** One request (answer and body) taking longer is a failed attempt, retried like a dropped connection. */
  requestTimeoutMs?: number;
  userAgent?: string;
}

/** The few REST calls the reporters and the release gate make, over fetch (Node ≥ 20). */
export class GitHubApi {
  private readonly retries: number;
  private readonly retryDelayMs: number;

  constructor(private readonly options: GitHubApiOptions) {
    this.retries = options.retries ?? 2;
    this.retryDelayMs = options.retryDelayMs ?? 1000;
  }

  async request<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    return parseJson<T>(method, path, (await this.send(method, path, body)).bytes);
  }

  /** The bytes of a GET (an artifact's zip: GitHub answers with a redirect to storage, which fetch follows). */
  async download(path: string): Promise<Buffer> {
    return (await this.send("GET", path)).bytes;
  }

  private async send(method: string, path: string, body?: unknown): Promise<{ bytes: Buffer; headers: Headers }> {
    const url = `${this.options.apiUrl.replace(/\/+$/, "")}${path}`;
    let attempt = 0;
    for (;;) {
      let response: Response;
      let bytes: Buffer;
      const timeoutMs = this.options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
      try {
        response = await fetch(url, {
          signal: AbortSignal.timeout(timeoutMs),
          method,
          headers: {
            accept: "application/vnd.github+json",
            authorization: `Bearer ${this.options.token}`,
            "x-github-api-version": "2022-11-28",
            "user-agent": this.options.userAgent ?? "resilience-gates",
            ...(body === undefined ? {} : { "content-type": "application/json" }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        bytes = Buffer.from(await response.arrayBuffer());
      } catch (error) {
        if (attempt++ < this.retries) {
          await sleep(this.retryDelayMs * attempt);
          continue;
        }
        const timedOut = error instanceof Error && error.name === "TimeoutError";
        throw new GitHubApiError(method, path, 0, timedOut ? `no complete answer within ${timeoutMs / 1000}s (${attempt} attempts)` : error instanceof Error ? error.message : String(error));
      }
      if (response.ok) return { bytes, headers: response.headers };
      const text = bytes.toString("utf8");
      const reset = exhaustedUntil(response);
      if (reset) {
        const wait = reset.getTime() - Date.now() + 1000;
        if (wait <= (this.options.rateLimitWaitMs ?? RATE_LIMIT_WAIT_MS) && attempt++ < this.retries) {
          await sleep(Math.max(0, wait));
          continue;
        }
        throw new GitHubApiError(method, path, response.status, text, reset);
      }
      const retryable = response.status >= 500 || response.status === 429 || (response.status === 403 && response.headers.get("retry-after") !== null);
      if (retryable && attempt++ < this.retries) {
        const after = Number(response.headers.get("retry-after"));
        await sleep(Number.isFinite(after) && after > 0 ? Math.min(after * 1000, 30_000) : this.retryDelayMs * attempt);
        continue;
      }
      throw new GitHubApiError(method, path, response.status, text);
    }
  }

  /**
   * Every item of a paged list: the first page with per_page=100, then each `Link: <…>; rel="next"` the
   * server answers with, until there is none (GitHub's own paging; a short page does not end it, a
   * missing next link does). A next link to another host than the API is refused, so the token never
   * leaves it. More than `maxPages` pages is an error naming the list, never a silently shortened one.
   */
  async paginate<T>(path: string, pick: (page: unknown) => T[], maxPages = MAX_PAGES): Promise<T[]> {
    const items: T[] = [];
    const separator = path.includes("?") ? "&" : "?";
    let next: string | undefined = `${path}${separator}per_page=100&page=1`;
    for (let page = 1; next !== undefined; page += 1) {
      if (page > maxPages) {
        throw new GitHubApiError("GET", path, 0, `more than ${maxPages} pages of 100 (${items.length} items read); the list is not read further and nothing is decided on part of it`);
      }
      const current: string = next;
      const { bytes, headers } = await this.send("GET", current);
      items.push(...pick(parseJson(`GET`, current, bytes)));
      next = nextPage(headers.get("link"), this.options.apiUrl, current);
    }
    return items;
  }
}

/** Pages a list is read to at most (100 items each): 100,000 check runs, comments or artifacts. */
export const MAX_PAGES = 1000;

function parseJson<T>(method: string, path: string, bytes: Buffer): T {
  const text = bytes.toString("utf8");
  if (!text) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new GitHubApiError(method, path, 200, `the response is not JSON (${(error as Error).message})`);
  }
}

/**
 * The path of the `rel="next"` link of a Link header (RFC 8288), relative to the API URL; undefined when
 * there is no next page. A next page on another origin or outside the API's path is an error.
 */
export function nextPage(link: string | null, apiUrl: string, current: string): string | undefined {
  if (!link) return undefined;
  for (const part of link.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
    if (!match || !/(?:^|;)\s*rel\s*=\s*"?(?:[^";]*\s)?next(?:\s[^";]*)?"?\s*(?:;|$)/i.test(match[2]!)) continue;
    const base = new URL(apiUrl.replace(/\/*$/, "/"));
    const target = new URL(match[1]!, base);
    const prefix = base.pathname.replace(/\/$/, "");
    if (target.origin !== base.origin || !target.pathname.startsWith(`${prefix}/`)) {
      throw new GitHubApiError("GET", current, 0, `the next page's link points to ${target.origin}${target.pathname}, outside the API (${base.origin}${prefix || "/"}); not followed`);
    }
    return `${target.pathname.slice(prefix.length)}${target.search}`;
  }
  return undefined;
}

/** 403 or 429 with `x-ratelimit-remaining: 0`: the reset time (epoch seconds in x-ratelimit-reset). */
function exhaustedUntil(response: Response): Date | undefined {
  if ((response.status !== 403 && response.status !== 429) || response.headers.get("x-ratelimit-remaining") !== "0" || response.headers.get("retry-after") !== null) return undefined;
  const reset = Number(response.headers.get("x-ratelimit-reset"));
  return new Date(Number.isFinite(reset) && reset > 0 ? reset * 1000 : Date.now() + 60_000);
}

export function repoPath(owner: string, repo: string): string {
  return `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`;
}

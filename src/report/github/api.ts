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

export interface GitHubApiOptions {
  apiUrl: string;
  token: string;
  /** Retries of a 5xx, 429 or network failure; GitHub's secondary rate limits ask for a pause. */
  retries?: number;
  retryDelayMs?: number;
  /** At most this long is waited for an exhausted primary rate limit (x-ratelimit-reset); longer is an error. */
  rateLimitWaitMs?: number;
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
    const text = (await this.send(method, path, body)).toString("utf8");
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** The bytes of a GET (an artifact's zip: GitHub answers with a redirect to storage, which fetch follows). */
  download(path: string): Promise<Buffer> {
    return this.send("GET", path);
  }

  private async send(method: string, path: string, body?: unknown): Promise<Buffer> {
    const url = `${this.options.apiUrl.replace(/\/+$/, "")}${path}`;
    let attempt = 0;
    for (;;) {
      let response: Response;
      try {
        response = await fetch(url, {
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
      } catch (error) {
        if (attempt++ < this.retries) {
          await sleep(this.retryDelayMs * attempt);
          continue;
        }
        throw new GitHubApiError(method, path, 0, error instanceof Error ? error.message : String(error));
      }
      const bytes = Buffer.from(await response.arrayBuffer());
      if (response.ok) return bytes;
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

  /** Every item of a paged list (per_page=100), up to `maxPages` pages. */
  async paginate<T>(path: string, pick: (page: unknown) => T[], maxPages = 10): Promise<T[]> {
    const items: T[] = [];
    for (let page = 1; page <= maxPages; page += 1) {
      const separator = path.includes("?") ? "&" : "?";
      const batch = pick(await this.request("GET", `${path}${separator}per_page=100&page=${page}`));
      items.push(...batch);
      if (batch.length < 100) break;
    }
    return items;
  }
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

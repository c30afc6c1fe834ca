/**
 * A read-through cache in Redis. A Redis outage degrades to reading the source, never to an error. Each
 * value is also kept as a stale copy for `staleSeconds` past its TTL: once the fresh entry expired, a read
 * answers the stale copy at once and refreshes it in the background, one refresh per key at a time
 * (stale-while-revalidate), so a slow or failing source costs the reader nothing while the copy lasts;
 * `stale` returns it when the source fails outright (stale-if-error).
 */
import type { Redis } from "ioredis";
import type { Counter } from "prom-client";

export type CacheResult<T> = { value: T; hit: boolean; stale?: boolean };

export class ReadCache {
  constructor(
    private readonly redis: Redis,
    private readonly requests: Counter<"cache" | "result">,
    private readonly prefix = "cache:v1",
    private readonly staleSeconds = 0,
  ) {}

  private readonly refreshing = new Set<string>();

  async get<T>(cache: string, key: string, ttlSeconds: number, load: () => Promise<T | undefined>): Promise<CacheResult<T> | undefined> {
    const fullKey = `${this.prefix}:${cache}:${key}`;
    try {
      const cached = await this.redis.get(fullKey);
      if (cached !== null) {
        this.requests.inc({ cache, result: "hit" });
        return { value: JSON.parse(cached) as T, hit: true };
      }
      if (ttlSeconds > 0 && this.staleSeconds > 0) {
        const stale = await this.redis.get(`${fullKey}:stale`);
        if (stale !== null) {
          this.requests.inc({ cache, result: "stale" });
          this.refresh(fullKey, ttlSeconds, load);
          return { value: JSON.parse(stale) as T, hit: false, stale: true };
        }
      }
      this.requests.inc({ cache, result: "miss" });
    } catch {
      this.requests.inc({ cache, result: "error" });
    }
    const value = await load();
    if (value === undefined) return undefined;
    await this.store(fullKey, ttlSeconds, value);
    return { value, hit: false };
  }

  private async store(fullKey: string, ttlSeconds: number, value: unknown): Promise<void> {
    if (ttlSeconds <= 0) return;
    const text = JSON.stringify(value);
    await this.redis.set(fullKey, text, "EX", ttlSeconds).catch(() => {});
    if (this.staleSeconds > 0) await this.redis.set(`${fullKey}:stale`, text, "EX", ttlSeconds + this.staleSeconds).catch(() => {});
  }

  /** Loads a value again in the background (a failure keeps the stale copy); at most one refresh per key runs. */
  private refresh<T>(fullKey: string, ttlSeconds: number, load: () => Promise<T | undefined>): void {
    if (this.refreshing.has(fullKey)) return;
    this.refreshing.add(fullKey);
    void load()
      .then((value) => (value === undefined ? undefined : this.store(fullKey, ttlSeconds, value)))
      .catch(() => {})
      .finally(() => this.refreshing.delete(fullKey));
  }

  /** The stale copy of a value (see above), counted as result "stale"; undefined when there is none or Redis is down. */
  async stale<T>(cache: string, key: string): Promise<T | undefined> {
    if (this.staleSeconds <= 0) return undefined;
    try {
      const text = await this.redis.get(`${this.prefix}:${cache}:${key}:stale`);
      if (text === null) return undefined;
      this.requests.inc({ cache, result: "stale" });
      return JSON.parse(text) as T;
    } catch {
      return undefined;
    }
  }

  async invalidate(cache: string, key: string): Promise<void> {
    await this.redis.del(`${this.prefix}:${cache}:${key}`).catch(() => {});
  }
}

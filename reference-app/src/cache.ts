/**
 * A read-through cache in Redis. A Redis outage degrades to reading the source, never to an error. Each
 * value is also kept as a stale copy for `staleSeconds` longer, which `stale` returns while the source
 * fails (stale-if-error), so a read cached once keeps answering through an outage longer than its TTL.
 */
import type { Redis } from "ioredis";
import type { Counter } from "prom-client";

export type CacheResult<T> = { value: T; hit: boolean };

export class ReadCache {
  constructor(
    private readonly redis: Redis,
    private readonly requests: Counter<"cache" | "result">,
    private readonly prefix = "cache:v1",
    private readonly staleSeconds = 0,
  ) {}

  async get<T>(cache: string, key: string, ttlSeconds: number, load: () => Promise<T | undefined>): Promise<CacheResult<T> | undefined> {
    const fullKey = `${this.prefix}:${cache}:${key}`;
    try {
      const cached = await this.redis.get(fullKey);
      if (cached !== null) {
        this.requests.inc({ cache, result: "hit" });
        return { value: JSON.parse(cached) as T, hit: true };
      }
      this.requests.inc({ cache, result: "miss" });
    } catch {
      this.requests.inc({ cache, result: "error" });
    }
    const value = await load();
    if (value === undefined) return undefined;
    if (ttlSeconds > 0) {
      const text = JSON.stringify(value);
      await this.redis.set(fullKey, text, "EX", ttlSeconds).catch(() => {});
      if (this.staleSeconds > 0) await this.redis.set(`${fullKey}:stale`, text, "EX", ttlSeconds + this.staleSeconds).catch(() => {});
    }
    return { value, hit: false };
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

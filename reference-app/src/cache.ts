/** A read-through cache in Redis. A Redis outage degrades to reading the source, never to an error. */
import type { Redis } from "ioredis";
import type { Counter } from "prom-client";

export type CacheResult<T> = { value: T; hit: boolean };

export class ReadCache {
  constructor(
    private readonly redis: Redis,
    private readonly requests: Counter<"cache" | "result">,
    private readonly prefix = "cache:v1",
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
      await this.redis.set(fullKey, JSON.stringify(value), "EX", ttlSeconds).catch(() => {});
    }
    return { value, hit: false };
  }

  async invalidate(cache: string, key: string): Promise<void> {
    await this.redis.del(`${this.prefix}:${cache}:${key}`).catch(() => {});
  }
}

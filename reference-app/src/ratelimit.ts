/**
 * Per-tenant rate limit in Redis: a fixed window per tenant, counted atomically by a Lua script, so every
 * api replica shares one budget per tenant and one tenant's burst never spends another tenant's budget.
 */
import type { Redis } from "ioredis";

const SCRIPT = `
local current = redis.call('INCR', KEYS[1])
if current == 1 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {current, ttl}
`;

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Milliseconds until the window resets. */
  resetMs: number;
  /** Whole seconds to put in Retry-After (at least 1). */
  retryAfterSeconds: number;
}

export class RateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly windowMs: number,
    private readonly prefix = "ratelimit",
  ) {}

  key(tenant: string): string {
    return `${this.prefix}:{${tenant}}`;
  }

  async take(tenant: string, limit: number): Promise<RateDecision> {
    const [count, ttl] = (await this.redis.eval(SCRIPT, 1, this.key(tenant), String(this.windowMs))) as [number, number];
    const resetMs = Math.max(0, ttl);
    return {
      allowed: count <= limit,
      limit,
      remaining: Math.max(0, limit - count),
      resetMs,
      retryAfterSeconds: Math.max(1, Math.ceil(resetMs / 1000)),
    };
  }
}

/** The Redis client: fails fast while disconnected (no offline queue) and reconnects in the background. */
import { Redis } from "ioredis";
import { Gauge, type Registry } from "prom-client";
import { withTimeout } from "./db.js";

export function createRedis(url: string, registry: Registry, connectionName: string): Redis {
  const redis = new Redis(url, {
    connectionName,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    commandTimeout: 2_000,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
  });
  // Connection errors are retried by retryStrategy and reported by /readyz; keep them from crashing the process.
  redis.on("error", () => {});
  new Gauge({
    name: "redis_connection_up",
    help: "1 when the Redis connection is ready, else 0.",
    registers: [registry],
    collect() {
      this.set(redis.status === "ready" ? 1 : 0);
    },
  });
  return redis;
}

export async function pingRedis(redis: Redis, timeoutMs: number): Promise<void> {
  await withTimeout(redis.ping(), timeoutMs, "redis");
}

/**
 * api (public, multi-tenant): the tenant comes from the X-Tenant-Id header. Every /v1 request spends the
 * tenant's rate limit in Redis (429 with Retry-After when it is gone); writes go to payments over HTTP
 * with the correlation id; reads go through a Redis read cache.
 */
import type pg from "pg";
import type { Redis } from "ioredis";
import { Counter, Histogram } from "prom-client";
import type { FastifyReply, FastifyRequest } from "fastify";
import { commonConfig, int, str, type CommonConfig } from "./config.js";
import { ReadCache } from "./cache.js";
import { createPool, pingPostgres } from "./db.js";
import { DURATION_BUCKETS } from "./metrics.js";
import { RateLimiter } from "./ratelimit.js";
import { createRedis, pingRedis } from "./redis.js";
import { createPaymentBodySchema, IDEMPOTENCY_KEY_PATTERN, TENANT_PATTERN, type CreatePaymentBody } from "./schemas.js";
import { createService, REQUEST_ID_HEADER, type Service } from "./server.js";

export interface ApiConfig extends CommonConfig {
  paymentsUrl: string;
  paymentsTimeoutMs: number;
  rateLimitMax: number;
  rateLimitWindowMs: number;
  cacheTtlSeconds: number;
  tenantCacheTtlSeconds: number;
  /** How long past its TTL a cached read is kept to answer while payments fails (0: never). */
  staleCacheSeconds: number;
}

export function apiConfig(env: Record<string, string | undefined> = process.env): ApiConfig {
  return {
    ...commonConfig(env, "api", 8080),
    paymentsUrl: str(env, "PAYMENTS_URL", "http://127.0.0.1:8081").replace(/\/+$/, ""),
    paymentsTimeoutMs: int(env, "PAYMENTS_TIMEOUT_MS", 5_000, 1, 120_000),
    rateLimitMax: int(env, "RATE_LIMIT_MAX", 300, 1, 10_000_000),
    rateLimitWindowMs: int(env, "RATE_LIMIT_WINDOW_MS", 60_000, 100, 86_400_000),
    cacheTtlSeconds: int(env, "CACHE_TTL_SECONDS", 30, 0, 86_400),
    tenantCacheTtlSeconds: int(env, "TENANT_CACHE_TTL_SECONDS", 60, 0, 86_400),
    staleCacheSeconds: int(env, "STALE_CACHE_SECONDS", 600, 0, 86_400),
  };
}

interface TenantSettings {
  slug: string;
  rateLimitMax: number;
}

interface UpstreamResponse {
  status: number;
  body: unknown;
  replayed: string | null;
}

class UpstreamError extends Error {
  constructor(
    readonly status: 502 | 503,
    message: string,
  ) {
    super(message);
  }
}

export interface ApiService extends Service {
  pool: pg.Pool;
  redis: Redis;
}

declare module "fastify" {
  interface FastifyRequest {
    tenant: string;
  }
}

export function buildApi(config: ApiConfig): ApiService {
  const service = createService(config);
  const { app, metrics } = service;
  const pool = createPool({ connectionString: config.databaseUrl, max: config.dbPoolMax, applicationName: "api", registry: metrics.registry });
  const redis = createRedis(config.redisUrl, metrics.registry, "api");
  // The api serves without either: tenant limits fall back to the default, the limiter fails open, reads
  // skip the cache. Both are reported by /readyz but never take the api out of its Service.
  service.readiness.push({ name: "postgres", check: () => pingPostgres(pool, config.readinessTimeoutMs), degradable: true });
  service.readiness.push({ name: "redis", check: () => pingRedis(redis, config.readinessTimeoutMs), degradable: true });

  const limiter = new RateLimiter(redis, config.rateLimitWindowMs);
  const rejections = new Counter({
    name: "rate_limit_rejections_total",
    help: "Requests refused with 429 because the tenant's rate limit was spent.",
    labelNames: ["route"],
    registers: [metrics.registry],
  });
  // Start every route's series at 0, so rate() and increase() see the first rejection.
  for (const route of ["/v1/payments", "/v1/payments/:id", "/v1/balance"]) rejections.inc({ route }, 0);
  const limiterErrors = new Counter({
    name: "rate_limit_errors_total",
    help: "Rate-limit checks that could not reach Redis (the request was let through).",
    registers: [metrics.registry],
  });
  const cacheRequests = new Counter({
    name: "cache_requests_total",
    help: "Read-cache lookups by cache and result (hit, miss, error, stale: a stale copy answered while payments failed).",
    labelNames: ["cache", "result"],
    registers: [metrics.registry],
  });
  const upstreamDuration = new Histogram({
    name: "upstream_request_duration_seconds",
    help: "Duration of calls to internal services, by upstream, operation and status (or error kind).",
    labelNames: ["upstream", "operation", "status"],
    buckets: DURATION_BUCKETS,
    registers: [metrics.registry],
  });
  const cache = new ReadCache(redis, cacheRequests, undefined, config.staleCacheSeconds);

  /** Per-tenant settings: a row in `tenants` overrides the default limit; read through the cache. */
  async function tenantSettings(slug: string): Promise<TenantSettings> {
    try {
      const result = await cache.get<TenantSettings>("tenant", slug, config.tenantCacheTtlSeconds, async () => {
        const { rows } = await pool.query<{ rate_limit_max: number | null }>("SELECT rate_limit_max FROM tenants WHERE slug = $1", [slug]);
        return { slug, rateLimitMax: rows[0]?.rate_limit_max ?? config.rateLimitMax };
      });
      return result?.value ?? { slug, rateLimitMax: config.rateLimitMax };
    } catch {
      return { slug, rateLimitMax: config.rateLimitMax };
    }
  }

  async function callPayments(
    request: FastifyRequest,
    operation: string,
    method: "GET" | "POST",
    path: string,
    extraHeaders: Record<string, string> = {},
    body?: unknown,
  ): Promise<UpstreamResponse> {
    const headers: Record<string, string> = {
      [REQUEST_ID_HEADER]: request.id,
      "x-tenant-id": request.tenant,
      accept: "application/json",
      ...extraHeaders,
    };
    if (body !== undefined) headers["content-type"] = "application/json";
    const started = performance.now();
    // Idempotent by construction (reads, or writes carrying an Idempotency-Key): one retry on a
    // connection failure is safe. HTTP errors are returned as they are, never retried here.
    for (let attempt = 1; ; attempt++) {
      try {
        const response = await fetch(`${config.paymentsUrl}${path}`, {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(config.paymentsTimeoutMs),
        });
        const text = await response.text();
        upstreamDuration.observe({ upstream: "payments", operation, status: String(response.status) }, (performance.now() - started) / 1000);
        let parsed: unknown = text;
        try {
          parsed = text ? JSON.parse(text) : null;
        } catch {
          // Not JSON: pass the text on.
        }
        return { status: response.status, body: parsed, replayed: response.headers.get("idempotent-replayed") };
      } catch (error) {
        const timedOut = error instanceof DOMException && (error.name === "TimeoutError" || error.name === "AbortError");
        if (!timedOut && attempt < 2) {
          request.log.warn({ err: error, attempt }, "payments unreachable, retrying once");
          continue;
        }
        upstreamDuration.observe({ upstream: "payments", operation, status: timedOut ? "timeout" : "error" }, (performance.now() - started) / 1000);
        throw timedOut
          ? new UpstreamError(503, `payments did not answer within ${config.paymentsTimeoutMs} ms`)
          : new UpstreamError(502, `payments unreachable: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  const sendUpstreamError = (request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply => {
    if (error instanceof UpstreamError) {
      request.log.error({ err: error }, "payments call failed");
      // A slow payments is "try again later" within the api's own budget: 503 with Retry-After, like a store outage.
      if (error.status === 503) reply.header("retry-after", 1);
      return reply.code(error.status).send({ error: error.status === 503 ? "upstream_timeout" : "upstream_unavailable", message: error.message });
    }
    throw error;
  };

  /**
   * A GET that payments answers, through the read cache: a 200 is cached and sent with X-Cache; any other
   * answer of payments is passed on as it is and not cached. Once the entry expired, its stale copy answers
   * at once (X-Cache: stale) while payments is asked again in the background; and while payments fails
   * (5xx, a timeout, unreachable) the stale copy answers too.
   */
  async function sendCachedRead(
    request: FastifyRequest,
    reply: FastifyReply,
    kind: string,
    key: string,
    ttlSeconds: number,
    operation: string,
    path: string,
  ): Promise<unknown> {
    let result;
    try {
      result = await cache.get<unknown>(kind, key, ttlSeconds, async () => {
        const upstream = await callPayments(request, operation, "GET", path);
        if (upstream.status === 200) return upstream.body;
        throw Object.assign(new Error("not cacheable"), { upstream });
      });
    } catch (error) {
      const upstream = (error as { upstream?: UpstreamResponse }).upstream;
      if (upstream ? upstream.status >= 500 : error instanceof UpstreamError) {
        const stale = await cache.stale<unknown>(kind, key);
        if (stale !== undefined) {
          request.log.warn({ kind }, "payments failed; answering from the stale cache");
          reply.header("x-cache", "stale");
          return stale;
        }
      }
      if (upstream) return reply.code(upstream.status).send(upstream.body);
      return sendUpstreamError(request, reply, error);
    }
    reply.header("x-cache", result?.hit ? "hit" : result?.stale ? "stale" : "miss");
    return result?.value;
  }

  // Tenant and rate limit for every /v1 route, in onRequest: before validation and before fault injection.
  const tenantAndRateLimit = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const header = request.headers["x-tenant-id"];
    const tenant = typeof header === "string" ? header : undefined;
    if (!tenant || !TENANT_PATTERN.test(tenant)) {
      return reply.code(400).send({ error: "missing_tenant", message: "X-Tenant-Id header required: lowercase letters, digits and dashes" });
    }
    request.tenant = tenant;
    request.log = request.log.child({ tenant });
    const settings = await tenantSettings(tenant);
    let decision;
    try {
      decision = await limiter.take(tenant, settings.rateLimitMax);
    } catch (error) {
      // Fail open: an unreachable Redis must not take the API down; /readyz reports it.
      limiterErrors.inc();
      request.log.warn({ err: error }, "rate limit check failed, letting the request through");
      return;
    }
    reply.header("ratelimit-limit", decision.limit);
    reply.header("ratelimit-remaining", decision.remaining);
    reply.header("ratelimit-reset", Math.ceil(decision.resetMs / 1000));
    if (!decision.allowed) {
      rejections.inc({ route: request.routeOptions.url ?? "unmatched" });
      request.log.info({ limit: decision.limit, retry_after_s: decision.retryAfterSeconds }, "rate limited");
      return reply
        .code(429)
        .header("retry-after", decision.retryAfterSeconds)
        .send({ error: "rate_limited", message: `tenant ${tenant} exceeded ${decision.limit} requests per ${config.rateLimitWindowMs} ms` });
    }
  };

  app.register(
    async (v1) => {
      v1.decorateRequest("tenant", "");
      v1.addHook("onRequest", tenantAndRateLimit);

      v1.post<{ Body: CreatePaymentBody }>("/payments", { schema: { body: createPaymentBodySchema } }, async (request, reply) => {
        const key = request.headers["idempotency-key"];
        if (typeof key !== "string" || !IDEMPOTENCY_KEY_PATTERN.test(key)) {
          return reply.code(400).send({ error: "missing_idempotency_key", message: "Idempotency-Key header required (1-200 printable ASCII characters)" });
        }
        let upstream: UpstreamResponse;
        try {
          upstream = await callPayments(request, "create_payment", "POST", "/internal/payments", { "idempotency-key": key }, request.body);
        } catch (error) {
          return sendUpstreamError(request, reply, error);
        }
        if (upstream.status === 201) await cache.invalidate("balance", request.tenant);
        if (upstream.replayed) reply.header("idempotent-replayed", upstream.replayed);
        return reply.code(upstream.status).send(upstream.body);
      });

      v1.get<{ Params: { id: string } }>(
        "/payments/:id",
        { schema: { params: { type: "object", required: ["id"], properties: { id: { type: "string", pattern: "^[1-9][0-9]{0,18}$" } } } } },
        (request, reply) =>
          sendCachedRead(request, reply, "payment", `${request.tenant}:${request.params.id}`, config.cacheTtlSeconds, "get_payment", `/internal/payments/${request.params.id}`),
      );

      v1.get("/balance", (request, reply) =>
        sendCachedRead(request, reply, "balance", request.tenant, Math.min(5, config.cacheTtlSeconds), "get_balance", "/internal/balance"),
      );
    },
    { prefix: "/v1" },
  );

  service.onShutdown(async () => {
    await pool.end();
    redis.disconnect();
  });

  return { ...service, pool, redis };
}

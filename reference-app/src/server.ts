/**
 * What api and payments share: the Fastify instance with JSON logs and a correlation id, Prometheus
 * metrics, /healthz and /readyz, the fault-injection hook and admin endpoint, and graceful shutdown.
 */
import { randomUUID, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import type { CommonConfig } from "./config.js";
import { isConnectionError } from "./db.js";
import { Faults, FaultSpecError } from "./faults.js";
import { createMetrics, type Metrics } from "./metrics.js";

export const REQUEST_ID_HEADER = "x-request-id";
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

/** Routes under these prefixes are the business routes: rate limits and fault injection apply to them. */
export const BUSINESS_PREFIXES = ["/v1/", "/internal/"];

export interface ReadinessCheck {
  name: string;
  check: () => Promise<void>;
  /**
   * Whether the process can serve without it. A dependency the service degrades around (a cache, a
   * fail-open limiter) is reported but keeps /readyz at 200: on Kubernetes a failing readiness check
   * takes every replica out of its Service at once, which would turn the degradation into an outage.
   */
  degradable?: boolean;
}

export interface Service {
  app: FastifyInstance;
  config: CommonConfig;
  metrics: Metrics;
  faults: Faults;
  state: { draining: boolean };
  /** Dependency checks /readyz runs. */
  readiness: ReadinessCheck[];
  /** Work to do after the listener closed and in-flight requests finished (close pools, stop loops). */
  onShutdown: (fn: () => Promise<void> | void) => void;
  listen: () => Promise<string>;
  shutdown: (reason: string) => Promise<number>;
}

export function requestIdOf(req: IncomingMessage): string {
  const header = req.headers[REQUEST_ID_HEADER];
  const value = Array.isArray(header) ? header[0] : header;
  return value && REQUEST_ID_PATTERN.test(value) ? value : randomUUID();
}

export function createService(config: CommonConfig): Service {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      base: { service: config.service, version: config.version },
      timestamp: () => `,"time":"${new Date().toISOString()}"`,
      formatters: { level: (label: string) => ({ level: label }) },
    },
    genReqId: requestIdOf,
    requestIdHeader: false,
    // One log line per request, written by the onResponse hook below with the route and status.
    logController: new LogController({ requestIdLogLabel: "request_id", disableRequestLogging: true }),
    bodyLimit: 64 * 1024,
    return503OnClosing: true,
    forceCloseConnections: "idle",
  });
  const metrics = createMetrics(config.service, config.version);
  const faults = new Faults(config.failMode, config.slowMode);
  const state = { draining: false };
  const readiness: ReadinessCheck[] = [];
  const shutdownHooks: Array<() => Promise<void> | void> = [];
  const updateFaultGauges = (): void => {
    metrics.faultFailRatio.set(faults.fail?.ratio ?? 0);
    metrics.faultSlowMs.set(faults.slow?.maxMs ?? 0);
  };
  updateFaultGauges();

  app.addHook("onRequest", async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    metrics.inflight.inc();
  });

  // While draining, tell keep-alive clients to reconnect elsewhere.
  app.addHook("onSend", async (_request, reply) => {
    if (state.draining) reply.header("connection", "close");
  });

  app.addHook("onResponse", async (request, reply) => {
    metrics.inflight.dec();
    const route = request.routeOptions.url ?? "unmatched";
    if (route === "/metrics") return;
    const status = String(reply.statusCode);
    metrics.httpDuration.observe({ method: request.method, route, status }, reply.elapsedTime / 1000);
    const fields = {
      method: request.method,
      route,
      url: request.url,
      status: reply.statusCode,
      duration_ms: Math.round(reply.elapsedTime * 10) / 10,
    };
    if (route === "/healthz" || route === "/readyz") request.log.debug(fields, "request completed");
    else if (reply.statusCode >= 500) request.log.warn(fields, "request failed");
    else request.log.info(fields, "request completed");
  });

  // Fault injection runs in preHandler: after the rate limit (onRequest) and validation, before the handler.
  app.addHook("preHandler", async (request: FastifyRequest, reply: FastifyReply) => {
    const url = request.routeOptions.url ?? "";
    if (!BUSINESS_PREFIXES.some((prefix) => url.startsWith(prefix))) return;
    const delay = faults.delayMs();
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    const status = faults.failure();
    if (status !== null) {
      request.log.warn({ injected_status: status }, "fault injected");
      return reply.code(status).send({ error: "injected_fault", message: `FAIL_MODE ${faults.failSpec}` });
    }
  });

  app.setErrorHandler((error: Error & { statusCode?: number; validation?: unknown; code?: string }, request, reply) => {
    if (isConnectionError(error)) {
      // A store outage is "try again later", not a bug: 503 with Retry-After.
      request.log.error({ err: error }, "store unavailable");
      return reply.code(503).header("retry-after", 1).send({ error: "unavailable", message: "a backing store is unavailable; retry later" });
    }
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: error }, "unhandled error");
    const body = error.validation
      ? { error: "invalid_request", message: error.message }
      : { error: status >= 500 ? "internal_error" : (error.code ?? "bad_request").toLowerCase(), message: status >= 500 ? "internal error" : error.message };
    return reply.code(status).send(body);
  });

  app.get("/healthz", async () => ({ status: "ok" }));

  app.get("/readyz", async (_request, reply) => {
    if (state.draining) return reply.code(503).send({ status: "draining" });
    const results = await Promise.all(
      readiness.map(async ({ name, check }) => {
        try {
          await check();
          return [name, "ok"] as const;
        } catch (error) {
          return [name, error instanceof Error ? error.message : String(error)] as const;
        }
      }),
    );
    const checks = Object.fromEntries(results);
    const failing = readiness.filter((_, index) => results[index]?.[1] !== "ok");
    const ready = failing.every((check) => check.degradable === true);
    const status = !ready ? "not_ready" : failing.length > 0 ? "degraded" : "ready";
    return reply.code(ready ? 200 : 503).send({ status, checks });
  });

  app.get("/metrics", async (_request, reply) => {
    const body = await metrics.registry.metrics();
    return reply.type(metrics.registry.contentType).send(body);
  });

  const authorized = (request: FastifyRequest): boolean => {
    if (!config.adminToken) return false;
    const header = request.headers.authorization;
    const given = typeof header === "string" && header.startsWith("Bearer ") ? header.slice(7) : request.headers["x-admin-token"];
    if (typeof given !== "string") return false;
    const a = Buffer.from(given);
    const b = Buffer.from(config.adminToken);
    return a.length === b.length && timingSafeEqual(a, b);
  };
  const guard = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (!config.adminToken) {
      return reply.code(404).send({ error: "not_found", message: "admin endpoints are off: set ADMIN_TOKEN" });
    }
    if (!authorized(request)) return reply.code(401).send({ error: "unauthorized", message: "admin token required" });
  };

  app.get("/admin/faults", { preHandler: guard }, async () => faults.describe());
  app.route<{ Body: { failMode?: string | null; slowMode?: string | null } }>({
    method: ["PUT", "POST"],
    url: "/admin/faults",
    preHandler: guard,
    schema: {
      body: {
        type: "object",
        additionalProperties: false,
        properties: {
          failMode: { type: ["string", "null"], maxLength: 32 },
          slowMode: { type: ["string", "null"], maxLength: 32 },
        },
      },
    },
    handler: async (request, reply) => {
      try {
        faults.set(request.body ?? {});
      } catch (error) {
        if (error instanceof FaultSpecError) return reply.code(400).send({ error: "invalid_fault", message: error.message });
        throw error;
      }
      updateFaultGauges();
      request.log.warn({ faults: faults.describe() }, "fault injection changed");
      return faults.describe();
    },
  });
  app.delete("/admin/faults", { preHandler: guard }, async (request) => {
    faults.set({ failMode: "off", slowMode: "off" });
    updateFaultGauges();
    request.log.warn("fault injection cleared");
    return faults.describe();
  });

  let shuttingDown: Promise<number> | undefined;
  const shutdown = (reason: string): Promise<number> => {
    shuttingDown ??= (async () => {
      state.draining = true;
      metrics.draining.set(1);
      app.log.info({ reason, drain_delay_ms: config.drainDelayMs, timeout_ms: config.shutdownTimeoutMs }, "shutdown: readiness is false, draining");
      if (config.drainDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, config.drainDelayMs));
      let forced = false;
      // Keep-alive connections that finish their last request while draining are closed as they go idle.
      const idleSweep = setInterval(() => app.server.closeIdleConnections(), 100);
      const timer = setTimeout(() => {
        forced = true;
        app.log.warn("shutdown: drain timeout reached, closing remaining connections");
        app.server.closeAllConnections();
      }, config.shutdownTimeoutMs);
      try {
        await app.close();
      } finally {
        clearTimeout(timer);
        clearInterval(idleSweep);
      }
      for (const hook of shutdownHooks) {
        try {
          await hook();
        } catch (error) {
          app.log.warn({ err: error }, "shutdown: cleanup step failed");
        }
      }
      app.log.info({ forced }, forced ? "shutdown: done after cutting connections" : "shutdown: drained cleanly");
      return forced ? 1 : 0;
    })();
    return shuttingDown;
  };

  return {
    app,
    config,
    metrics,
    faults,
    state,
    readiness,
    onShutdown: (fn) => shutdownHooks.push(fn),
    listen: () => app.listen({ host: config.host, port: config.port }),
    shutdown,
  };
}

/** Wires SIGTERM/SIGINT to a graceful shutdown, then exits with its code. */
export function exitOnSignals(service: Service): void {
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      service
        .shutdown(signal)
        .then((code) => process.exit(code))
        .catch((error: unknown) => {
          service.app.log.error({ err: error }, "shutdown failed");
          process.exit(1);
        });
    });
  }
}

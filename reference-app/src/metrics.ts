/** Prometheus metrics: one registry per process, labelled with the service name. */
import { Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/**
 * Bucket bounds in seconds. Every latency threshold of .resilience/slos.yaml (0.15, 0.3, 0.8) is a bound,
 * so the slo gate reads the share of requests within it exactly instead of interpolating.
 */
export const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.25, 0.3, 0.5, 0.8, 1, 2.5, 5, 10];

export interface Metrics {
  registry: Registry;
  httpDuration: Histogram<"method" | "route" | "status">;
  inflight: Gauge;
  draining: Gauge;
  faultFailRatio: Gauge;
  faultSlowMs: Gauge;
}

export function createMetrics(service: string, version: string): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  new Gauge({
    name: "app_info",
    help: "Build information of the service (always 1).",
    labelNames: ["version"],
    registers: [registry],
  }).set({ version }, 1);
  return {
    registry,
    httpDuration: new Histogram({
      name: "http_request_duration_seconds",
      help: "Duration of HTTP requests served, by route template and status code.",
      labelNames: ["method", "route", "status"],
      buckets: DURATION_BUCKETS,
      registers: [registry],
    }),
    inflight: new Gauge({
      name: "http_requests_in_flight",
      help: "HTTP requests being served right now.",
      registers: [registry],
    }),
    draining: new Gauge({
      name: "app_draining",
      help: "1 while the process drains after SIGTERM (readiness is false), else 0.",
      registers: [registry],
    }),
    faultFailRatio: new Gauge({
      name: "fault_injection_fail_ratio",
      help: "Share of requests FAIL_MODE makes fail (0 when off).",
      registers: [registry],
    }),
    faultSlowMs: new Gauge({
      name: "fault_injection_slow_max_ms",
      help: "Largest latency SLOW_MODE adds, in milliseconds (0 when off).",
      registers: [registry],
    }),
  };
}

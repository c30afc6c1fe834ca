/** Environment parsing shared by both services. Every variable has a documented default (README.md). */

export class ConfigError extends Error {
  override name = "ConfigError";
}

type Env = Record<string, string | undefined>;

export function str(env: Env, name: string, fallback: string): string {
  const value = env[name];
  return value === undefined || value === "" ? fallback : value;
}

export function optionalStr(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === "" ? undefined : value;
}

export function int(env: Env, name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  if (!/^-?\d+$/.test(raw.trim())) throw new ConfigError(`${name} must be an integer, got ${JSON.stringify(raw)}`);
  const value = Number(raw.trim());
  if (value < min || value > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}

export function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = raw.trim().toLowerCase();
  if (["1", "true", "yes", "on"].includes(value)) return true;
  if (["0", "false", "no", "off"].includes(value)) return false;
  throw new ConfigError(`${name} must be true or false, got ${JSON.stringify(raw)}`);
}

/** Settings every service has: listening address, stores, admin token, faults, shutdown timing. */
export interface CommonConfig {
  service: string;
  version: string;
  host: string;
  port: number;
  logLevel: string;
  databaseUrl: string;
  dbPoolMax: number;
  redisUrl: string;
  adminToken: string | undefined;
  failMode: string;
  slowMode: string;
  /** Time between SIGTERM and closing the listener, while /readyz already answers 503 (endpoint removal). */
  drainDelayMs: number;
  /** Longest wait for in-flight requests before remaining connections are cut. */
  shutdownTimeoutMs: number;
  readinessTimeoutMs: number;
}

export function commonConfig(env: Env, service: string, defaultPort: number): CommonConfig {
  return {
    service,
    version: str(env, "APP_VERSION", "0.1.0"),
    host: str(env, "HOST", "0.0.0.0"),
    port: int(env, "PORT", defaultPort, 0, 65535),
    logLevel: str(env, "LOG_LEVEL", "info"),
    databaseUrl: str(env, "DATABASE_URL", "postgres://postgres@127.0.0.1:55432/reference_app"),
    dbPoolMax: int(env, "PGPOOL_MAX", 10, 1, 1000),
    redisUrl: str(env, "REDIS_URL", "redis://127.0.0.1:56379/0"),
    adminToken: optionalStr(env, "ADMIN_TOKEN"),
    failMode: str(env, "FAIL_MODE", "off"),
    slowMode: str(env, "SLOW_MODE", "off"),
    drainDelayMs: int(env, "SHUTDOWN_DRAIN_DELAY_MS", 0, 0, 600_000),
    shutdownTimeoutMs: int(env, "SHUTDOWN_TIMEOUT_MS", 10_000, 0, 600_000),
    readinessTimeoutMs: int(env, "READINESS_TIMEOUT_MS", 1_000, 50, 60_000),
  };
}

/** The PostgreSQL pool, with its usage exported as gauges. */
import pg from "pg";
import { Gauge, type Registry } from "prom-client";

export function createPool(options: { connectionString: string; max: number; applicationName: string; registry: Registry }): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max,
    application_name: options.applicationName,
    connectionTimeoutMillis: 2_000,
    idleTimeoutMillis: 30_000,
    // Server-side guard rails for every query the app sends.
    statement_timeout: 5_000,
    lock_timeout: 2_000,
    query_timeout: 6_000,
  });
  // An idle client whose server went away emits "error" on the pool; without a listener it would crash the
  // process. The next query reconnects, and /readyz reports the outage meanwhile.
  pool.on("error", () => {});
  new Gauge({
    name: "db_pool_connections",
    help: "PostgreSQL pool connections by state: total (open), idle, in_use, waiting (callers queued for one).",
    labelNames: ["state"],
    registers: [options.registry],
    collect() {
      this.set({ state: "total" }, pool.totalCount);
      this.set({ state: "idle" }, pool.idleCount);
      this.set({ state: "in_use" }, pool.totalCount - pool.idleCount);
      this.set({ state: "waiting" }, pool.waitingCount);
    },
  });
  new Gauge({
    name: "db_pool_max_connections",
    help: "Size limit of the PostgreSQL pool.",
    registers: [options.registry],
  }).set(options.max);
  return pool;
}

export async function pingPostgres(pool: pg.Pool, timeoutMs: number): Promise<void> {
  await withTimeout(pool.query("SELECT 1"), timeoutMs, "postgres");
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  promise.catch(() => {});
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Runs fn with a client checked out of the pool. pg emits "error" on a checked-out client whose server
 * goes away (even after failing its query), and the pool only listens while a client is idle: without a
 * listener of our own, a PostgreSQL restart would crash the process. A client that failed is destroyed
 * rather than returned to the pool.
 */
export async function withClient<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  const onError = (): void => {};
  client.on("error", onError);
  let failure: Error | undefined;
  try {
    return await fn(client);
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    client.removeListener("error", onError);
    client.release(failure && isConnectionError(failure) ? failure : undefined);
  }
}

const UNAVAILABLE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN", "57P01", "57P02", "57P03", "53300", "08000", "08003", "08006"]);

/** True for errors that mean "PostgreSQL is unreachable or going away", as opposed to a bad query. */
export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|not queryable/i.test(error.message);
}

/** BEGIN, fn, COMMIT on a checked-out client; ROLLBACK when fn or COMMIT fails. */
export async function transaction<T>(client: pg.PoolClient, fn: () => Promise<T>): Promise<T> {
  await client.query("BEGIN");
  try {
    const result = await fn();
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

// How long the gates and drills wait for a network peer (PostgreSQL, Redis) to accept a connection and
// finish its handshake: a wrong port or a half-open balancer that accepts TCP and never answers must end
// in an error naming the peer and the limit, not in a run that waits until CI kills it.
import { ConfigurationError, describeThrown } from "../engine/errors.js";
import { redactSecrets } from "./credentials.js";
import { parseGoDuration } from "./duration.js";

export const CONNECT_TIMEOUT_ENV = "RESILIENCE_GATES_CONNECT_TIMEOUT";
const DEFAULT_SECONDS = 10;

/** The limit in seconds: $RESILIENCE_GATES_CONNECT_TIMEOUT (a duration such as 30s or 2m), else 10 s. */
export function connectTimeoutSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const text = env[CONNECT_TIMEOUT_ENV];
  if (text === undefined || text.trim() === "") return DEFAULT_SECONDS;
  const seconds = parseGoDuration(text);
  if (seconds === undefined || seconds <= 0) {
    throw new ConfigurationError(`$${CONNECT_TIMEOUT_ENV} is ${JSON.stringify(text)}; give a duration such as 10s or 2m`);
  }
  return seconds;
}

/** "10s (the connect timeout, $RESILIENCE_GATES_CONNECT_TIMEOUT)": how messages name the limit. */
export function connectTimeoutText(seconds = connectTimeoutSeconds()): string {
  return `${seconds}s (the connect timeout, $${CONNECT_TIMEOUT_ENV})`;
}

/**
 * The connection attempt, or a ConfigurationError naming the peer when it has not finished within the
 * limit; `abandon` then closes whatever the attempt opened.
 */
export async function withinConnectTimeout<T>(attempt: Promise<T>, peer: string, abandon: () => void, seconds = connectTimeoutSeconds()): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abandon();
      reject(new ConfigurationError(`${peer} accepted no connection or did not answer within ${connectTimeoutText(seconds)}; is it the right host and port?`));
    }, seconds * 1000);
  });
  try {
    return await Promise.race([attempt, expired]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Why a driver's connect failed, for a message that already names the peer: its own timeout (node-postgres
 * says "timeout expired" or "connection timeout") as the limit, anything else with credentials masked.
 */
export function connectFailure(error: unknown, seconds: number): string {
  const detail = describeThrown(error);
  return /timeout/i.test(detail) ? `no answer within ${connectTimeoutText(seconds)}; is it the right host and port?` : redactSecrets(detail);
}

import { homedir } from "node:os";
import { join } from "node:path";

/**
 * A directory under the user's cache ($XDG_CACHE_HOME/resilience-gates, else ~/.cache/resilience-gates).
 * What is kept there is keyed by a digest of everything it was made from, so it is never stale; deleting
 * it only costs time. RESILIENCE_GATES_CACHE=off turns caching off.
 */
export function cacheDirectory(...parts: string[]): string {
  return join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "resilience-gates", ...parts);
}

export function cachingEnabled(): boolean {
  return process.env.RESILIENCE_GATES_CACHE !== "off";
}

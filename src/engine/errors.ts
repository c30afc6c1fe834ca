import type { SourceLocation } from "./types.js";

/**
 * A mistake the user can fix: bad config, bad input file, a missing tool. Reported without a stack
 * trace, with the file and line where there is one. Everything else is an internal failure.
 */
export class ConfigurationError extends Error {
  override readonly name = "ConfigurationError";
  /** The message without the location in front (to rebuild the error on the other side of a worker). */
  readonly reason: string;
  constructor(
    message: string,
    readonly location?: SourceLocation,
  ) {
    super(location ? `${formatLocation(location)}: ${message}` : message);
    this.reason = message;
  }
}

/** A gate's collector could not produce its input document; the gate's verdict is `error`. */
export class CollectorError extends ConfigurationError {}

/** The WebAssembly policy threw. opa-wasm throws strings, so the original is kept as text. */
export class PolicyEvaluationError extends Error {
  override readonly name = "PolicyEvaluationError";
  constructor(entrypoint: string, cause: unknown) {
    super(`policy ${entrypoint} failed: ${describeThrown(cause)}`);
  }
}

export function formatLocation(location: SourceLocation): string {
  return location.column ? `${location.file}:${location.line}:${location.column}` : `${location.file}:${location.line}`;
}

export function describeThrown(thrown: unknown): string {
  if (thrown instanceof Error) return thrown.message;
  if (typeof thrown === "string") return thrown;
  try {
    return JSON.stringify(thrown);
  } catch {
    return String(thrown);
  }
}

export function isConfigurationError(error: unknown): error is ConfigurationError {
  return error instanceof ConfigurationError;
}

import { createRequire as __createRequire } from "node:module"; import { dirname as __pathDirname } from "node:path"; import { fileURLToPath as __fileURLToPath } from "node:url"; const require = __createRequire(import.meta.url); const __dirname = __pathDirname(__fileURLToPath(import.meta.url));

// src/engine/errors.ts
var ConfigurationError = class extends Error {
  constructor(message, location) {
    super(location ? `${formatLocation(location)}: ${message}` : message);
    this.location = location;
    this.reason = message;
  }
  location;
  name = "ConfigurationError";
  /** The message without the location in front (to rebuild the error on the other side of a worker). */
  reason;
};
var CollectorError = class extends ConfigurationError {
};
var PolicyEvaluationError = class extends Error {
  name = "PolicyEvaluationError";
  constructor(entrypoint, cause) {
    super(`policy ${entrypoint} failed: ${describeThrown(cause)}`);
  }
};
function formatLocation(location) {
  return location.column ? `${location.file}:${location.line}:${location.column}` : `${location.file}:${location.line}`;
}
function describeThrown(thrown) {
  if (thrown instanceof Error) return thrown.message;
  if (typeof thrown === "string") return thrown;
  try {
    return JSON.stringify(thrown);
  } catch {
    return String(thrown);
  }
}

// src/engine/package-root.ts
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
var cached;
function packageRoot() {
  if (cached) return cached;
  let directory = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(directory, "package.json")) || !existsSync(join(directory, "policies"))) {
    const parent = dirname(directory);
    if (parent === directory) throw new Error(`cannot find the resilience-gates package root above ${fileURLToPath(import.meta.url)}`);
    directory = parent;
  }
  cached = directory;
  return directory;
}

export {
  ConfigurationError,
  CollectorError,
  PolicyEvaluationError,
  formatLocation,
  describeThrown,
  packageRoot
};

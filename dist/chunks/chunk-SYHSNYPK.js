import { createRequire as __createRequire } from "node:module"; import { dirname as __pathDirname } from "node:path"; import { fileURLToPath as __fileURLToPath } from "node:url"; const require = __createRequire(import.meta.url); const __dirname = __pathDirname(__fileURLToPath(import.meta.url));

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
  packageRoot
};

import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let cached: string | undefined;

/** The directory holding this package's package.json, from src/ (tests) or dist/ (the bundle). */
export function packageRoot(): string {
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

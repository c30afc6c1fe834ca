import { mkdirSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";

/**
 * `mkdir -p` that always ends. Node's recursive mkdirSync never returns on a filesystem such as /proc,
 * where mkdir answers ENOENT beneath a directory that exists; this creates each missing ancestor once,
 * top down, and throws the first failure (ENOENT, EACCES, ENOTDIR) for the caller to name.
 */
export function makeDirectories(directory: string): void {
  const missing: string[] = [];
  let current = resolve(directory);
  while (!statSync(current, { throwIfNoEntry: false })) {
    missing.push(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const path of missing.reverse()) {
    try {
      mkdirSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
}

import { createRequire as __createRequire } from "node:module"; import { dirname as __pathDirname } from "node:path"; import { fileURLToPath as __fileURLToPath } from "node:url"; const require = __createRequire(import.meta.url); const __dirname = __pathDirname(__fileURLToPath(import.meta.url));

// src/engine/directories.ts
import { mkdirSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
function makeDirectories(directory) {
  const missing = [];
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
      if (error.code !== "EEXIST") throw error;
    }
  }
}

export {
  makeDirectories
};

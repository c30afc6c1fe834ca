import { accessSync, constants, readdirSync } from "node:fs";
import { delimiter, join } from "node:path";
import { ConfigurationError } from "../engine/errors.js";

/**
 * Finds a PostgreSQL or Redis program: the given directory, then PATH, then the newest
 * /usr/lib/postgresql/<n>/bin (Debian and Ubuntu install PostgreSQL programs there). A missing program
 * is a ConfigurationError that says how to install it.
 */
export function findProgram(name: string, directory?: string): string {
  const candidates: string[] = [];
  if (directory) candidates.push(directory);
  candidates.push(...(process.env.PATH ?? "").split(delimiter).filter(Boolean));
  try {
    const versions = readdirSync("/usr/lib/postgresql")
      .filter((entry) => /^\d+$/.test(entry))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((version) => join("/usr/lib/postgresql", version, "bin")));
  } catch {
    // no Debian layout here
  }
  for (const candidate of candidates) {
    const file = join(candidate, name);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // try the next directory
    }
  }
  const hint = name.startsWith("redis")
    ? "install Redis (apt-get install redis-server) or pass --redis-server"
    : "install the PostgreSQL client programs (apt-get install postgresql-client) or pass --pg-bin DIR";
  throw new ConfigurationError(`${name} was not found${directory ? ` in ${directory}` : ""} or on PATH: ${hint}`);
}

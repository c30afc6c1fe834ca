// node dist/migrate.js: applies reference-app/migrations to DATABASE_URL.
import { fileURLToPath } from "node:url";
import { runMigrations } from "../migrate.js";

const databaseUrl = process.env.DATABASE_URL;
const dir = process.env.MIGRATIONS_DIR || fileURLToPath(new URL("../migrations/", import.meta.url));
if (!databaseUrl) {
  console.error("migrate: DATABASE_URL is not set");
  process.exit(2);
}
try {
  const result = await runMigrations({ databaseUrl, dir, log: (message) => console.log(`migrate: ${message}`) });
  console.log(`migrate: ${result.applied.length} applied, ${result.alreadyApplied.length} already applied`);
} catch (error) {
  console.error(`migrate: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

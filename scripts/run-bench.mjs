// npm run bench: builds, then runs every bench/*.bench.ts in turn (or only those named on the command line).
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";

const only = process.argv.slice(2);
execFileSync("npm", ["run", "--silent", "build"], { stdio: "inherit" });
const files = readdirSync("bench")
  .filter((file) => file.endsWith(".bench.ts"))
  .filter((file) => only.length === 0 || only.some((name) => file.startsWith(name)))
  .sort();
for (const file of files) {
  execFileSync("npx", ["tsx", `bench/${file}`], { stdio: "inherit" });
}

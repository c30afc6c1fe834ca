import { consoleReporter } from "./console.js";
import { jsonReporter } from "./json.js";
import { githubReporter } from "./github/commands.js";
import { junitReporter } from "./junit.js";
import { sarifReporter } from "./sarif.js";
import type { Reporter } from "./reporter.js";

export const REPORTERS: ReadonlyMap<string, Reporter> = new Map([consoleReporter, jsonReporter, sarifReporter, junitReporter, githubReporter].map((reporter) => [reporter.format, reporter]));

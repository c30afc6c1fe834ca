import { consoleReporter } from "./console.js";
import { jsonReporter } from "./json.js";
import type { Reporter } from "./reporter.js";

export const REPORTERS: ReadonlyMap<string, Reporter> = new Map([consoleReporter, jsonReporter].map((reporter) => [reporter.format, reporter]));

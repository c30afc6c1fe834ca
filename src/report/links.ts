import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../engine/package-root.js";

interface PackageInfo {
  version: string;
  homepage?: string;
}

let info: PackageInfo | undefined;

function packageInfo(): PackageInfo {
  info ??= JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as PackageInfo;
  return info;
}

export function toolVersion(): string {
  return packageInfo().version;
}

/** Where the project lives: package.json `homepage` (a repository URL), or the default one. */
export function projectUrl(): string {
  return (packageInfo().homepage ?? "https://github.com/org/resilience-gates").replace(/#.*$/, "").replace(/\/+$/, "");
}

/** The generated page of one rule (docs/rules/<ID>.md, see scripts/gen-rule-docs.ts). */
export function ruleDocsUrl(ruleId: string): string {
  return `${projectUrl()}/blob/main/docs/rules/${encodeURIComponent(ruleId)}.md`;
}

/** An absolute help link for a rule: its own `docs` when that is a URL, else its generated page. */
export function helpUri(ruleId: string, docs: string | undefined): string {
  return docs && /^https?:\/\//.test(docs) ? docs : ruleDocsUrl(ruleId);
}

export function isAbsoluteUrl(value: string | undefined): value is string {
  return value !== undefined && /^https?:\/\//.test(value);
}

import { existsSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { epochSeconds } from "../../sources/duration.js";
import { displayPath, readTextFile, resolveInside, type Workspace } from "../../sources/files.js";

export interface Heading {
  /** Lower-cased text, without the #s and trailing #s. */
  text: string;
  /** GitHub's anchor for it (`#incident-roles-and-escalation`). */
  slug: string;
  line: number;
}

export interface RunbookLink {
  target: string;
  line: number;
  column: number;
  /** Why the link does not resolve, or null when it does. */
  problem: string | null;
}

export interface ParsedRunbook {
  file: string;
  headings: Heading[];
  /** The `Last reviewed: YYYY-MM-DD` line, if there is one. */
  reviewed: { text: string; epoch: number | null; line: number; column: number } | null;
  links: RunbookLink[];
}

/** GitHub's heading anchors: lower case, punctuation dropped (except - and _), spaces to dashes. */
export function slugOf(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

const HEADING = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const REVIEWED = /^\s*(?:[-*]\s+)?[*_]{0,2}last[ _-]reviewed[*_]{0,2}\s*:?\s*[*_]{0,2}\s*:?\s*([0-9]{4}-[0-9]{2}-[0-9]{2})/i;
const LINK = /\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
const FENCE = /^ {0,3}(```|~~~)/;

interface Scanned {
  headings: Heading[];
  reviewed: ParsedRunbook["reviewed"];
  links: { target: string; line: number; column: number }[];
}

/** Headings (outside code fences), the first review date, and every link that is not a URL. */
function scan(text: string): Scanned {
  const headings: Heading[] = [];
  const links: Scanned["links"] = [];
  let reviewed: ParsedRunbook["reviewed"] = null;
  let fenced = false;
  text.split(/\r?\n/).forEach((line, index) => {
    if (FENCE.test(line)) {
      fenced = !fenced;
      return;
    }
    if (fenced) return;
    const heading = HEADING.exec(line);
    if (heading) headings.push({ text: (heading[2] ?? "").toLowerCase(), slug: slugOf(heading[2] ?? ""), line: index + 1 });
    const review = REVIEWED.exec(line);
    if (review && !reviewed) {
      const date = review[1] ?? "";
      reviewed = { text: date, epoch: epochSeconds(`${date}T00:00:00Z`) ?? null, line: index + 1, column: line.indexOf(date) + 1 };
    }
    for (const match of line.matchAll(LINK)) {
      const target = match[1] ?? "";
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:, tel:
      links.push({ target, line: index + 1, column: (match.index ?? 0) + 1 });
    }
  });
  return { headings, reviewed, links };
}

/** Reads a Markdown runbook: its headings, review date and relative links, each link resolved. */
export function parseRunbook(workspace: Workspace, absolute: string): ParsedRunbook {
  const shown = displayPath(workspace, absolute);
  const scanned = scan(readTextFile(workspace, absolute, shown));
  const links = scanned.links.map((link): RunbookLink => ({ ...link, problem: linkProblem(workspace, absolute, scanned.headings, link.target) }));
  return { file: shown, headings: scanned.headings, reviewed: scanned.reviewed, links };
}

function linkProblem(workspace: Workspace, runbook: string, headings: readonly Heading[], target: string): string | null {
  const [path = "", anchor] = target.split("#", 2);
  if (path === "") {
    return anchor === undefined || headings.some((heading) => heading.slug === anchor) ? null : `there is no heading #${anchor} in this runbook`;
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return `${path} is not a valid URL path`;
  }
  const absolute = path.startsWith("/") ? resolve(workspace.root, `.${decoded}`) : resolve(dirname(runbook), decoded);
  try {
    resolveInside({ ...workspace, base: dirname(runbook) }, absolute, "link");
  } catch {
    return `${path} leads outside the repository`;
  }
  if (!existsSync(absolute)) return `${displayPath(workspace, absolute)} does not exist`;
  if (anchor !== undefined && statSync(absolute).isFile() && /\.md$/i.test(absolute)) {
    const other = scan(readTextFile(workspace, absolute, displayPath(workspace, absolute))).headings;
    if (!other.some((heading) => heading.slug === anchor)) return `${displayPath(workspace, absolute)} has no heading #${anchor}`;
  }
  return null;
}

// Writes a fuzz case to disk as a small repository (its own .git, config and inputs), applies the
// mutation, and says what the gates must do with it.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { Base, FuzzCase, Mutation } from "./cases.js";

export interface Materialized {
  /** The repository: the CLI runs here. */
  directory: string;
  /** Words the output must contain when the gate cannot run (exit 2): the file or option at fault. */
  names: string[];
  /** A mutation no correct gate may pass (exit 0): broken structure, a file that is not one, a path out. */
  mustNotPass: boolean;
}

const BILLION_LAUGHS = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...["b", "c", "d", "e", "f", "g", "h", "i"].map((name, index) => `${name}: &${name} [${Array(9).fill(`*${"abcdefgh"[index]}`).join(",")}]`),
  "",
].join("\n");

function replaceFrom(text: string, at: number, pattern: RegExp, replacement: string): string {
  const rest = text.slice(at);
  const match = pattern.exec(rest);
  if (!match) return text.replace(pattern, replacement);
  return text.slice(0, at) + rest.slice(0, match.index) + rest.slice(match.index).replace(pattern, replacement);
}

/** The mutated content of a text target; undefined for mutations that replace the file with something else. */
function mutatedContent(content: string, kind: Base["targets"][number]["kind"], mutation: Mutation): Buffer | undefined {
  const bytes = Buffer.from(content, "utf8");
  switch (mutation.kind) {
    case "truncate":
      return bytes.subarray(0, Math.min(mutation.at, bytes.length - 1));
    case "byte-flip": {
      const copy = Buffer.from(bytes);
      const at = Math.min(mutation.at, copy.length - 1);
      copy[at] = (copy[at] as number) ^ (1 << mutation.bit);
      return copy;
    }
    case "invalid-utf8": {
      const at = Math.min(mutation.at, bytes.length);
      return Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff, 0xfe, 0xc0]), bytes.subarray(at)]);
    }
    case "bom":
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
    case "crlf":
      return Buffer.from(content.replace(/\n/g, "\r\n"));
    case "empty":
      return Buffer.alloc(0);
    case "blank":
      return Buffer.from("  \n\n\t\n");
    case "separators":
      return Buffer.from(`---\n${content}\n---\n---\n`);
    case "deep-nesting":
      return Buffer.from(kind === "sql" ? `SELECT ${"(".repeat(mutation.depth)}1${")".repeat(mutation.depth)};\n` : `${"[".repeat(mutation.depth)}${"]".repeat(mutation.depth)}\n`);
    case "alias-bomb":
      return Buffer.from(BILLION_LAUGHS);
    case "wrong-type":
      return Buffer.from(replaceFrom(content, mutation.at, /(:\s*)("[^"\n]*"|[^\s,{}[\]\n][^,{}[\]\n]*)/, `$1${mutation.replacement}`));
    case "impossible-number":
      return Buffer.from(replaceFrom(content, mutation.at, /-?\b\d+(\.\d+)?\b/, mutation.replacement));
    default:
      return undefined;
  }
}

function mustNotPass(kind: Base["targets"][number]["kind"], mutation: Mutation, content: string, mutated: Buffer | undefined): boolean {
  switch (mutation.kind) {
    case "truncate":
      if (kind === "json") {
        try {
          JSON.parse((mutated as Buffer).toString("utf8"));
          return false;
        } catch {
          return true;
        }
      }
      return kind === "pem" && mutation.at < content.trimEnd().length - 1;
    case "invalid-utf8":
    case "alias-bomb":
    case "directory":
    case "fifo":
    case "dev-zero":
    case "link-outside":
    case "dangling-link":
    case "config-parent-path":
    case "config-absolute-path":
      return true;
    case "empty":
    case "blank":
      // An empty migration is a valid no-op for every runner; any other input must hold something.
      return kind !== "sql";
    case "deep-nesting":
      return kind !== "sql";
    default:
      return false;
  }
}

/** The option entry that names the target (the file, its directory, or a glob over it). */
function optionEntryFor(options: Record<string, unknown>, target: string): { key: string; index?: number } | undefined {
  const covers = (entry: unknown) =>
    typeof entry === "string" && (entry === target || target.startsWith(`${entry}/`) || (entry.includes("*") && dirname(entry) === dirname(target)));
  for (const [key, value] of Object.entries(options)) {
    if (covers(value)) return { key };
    if (Array.isArray(value)) {
      const index = value.findIndex(covers);
      if (index >= 0) return { key, index };
    }
  }
  return undefined;
}

export function materialize(testCase: FuzzCase, workRoot: string): Materialized {
  const directory = join(workRoot, `case-${testCase.id}`);
  const outside = join(workRoot, `outside-${testCase.id}`);
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(join(directory, ".git"), { recursive: true });
  const { base, mutation, target } = testCase;
  const targetFile = base.files.find((file) => file.path === target);
  const kind = base.targets.find((entry) => entry.path === target)?.kind ?? "yaml";
  const content = targetFile?.content ?? "";
  for (const file of base.files) {
    mkdirSync(dirname(join(directory, file.path)), { recursive: true });
    writeFileSync(join(directory, file.path), file.content);
  }
  const options = structuredClone(base.options);
  const absolute = join(directory, target);
  const names = [basename(target)];
  const mutated = mutatedContent(content, kind, mutation);
  if (mutated) writeFileSync(absolute, mutated);
  else {
    rmSync(absolute, { force: true });
    mkdirSync(outside, { recursive: true });
    writeFileSync(join(outside, basename(target)), content);
    switch (mutation.kind) {
      case "directory":
        mkdirSync(absolute);
        break;
      case "fifo":
        execFileSync("mkfifo", [absolute]);
        break;
      case "dev-zero":
        symlinkSync("/dev/zero", absolute);
        break;
      case "link-outside":
        symlinkSync(join(outside, basename(target)), absolute);
        break;
      case "dangling-link":
        symlinkSync(join(dirname(absolute), "missing-target"), absolute);
        break;
      case "config-parent-path":
      case "config-absolute-path": {
        writeFileSync(absolute, content);
        const entry = optionEntryFor(options, target);
        const replacement = mutation.kind === "config-parent-path" ? `../outside-${testCase.id}/${basename(target)}` : join(outside, basename(target));
        if (entry) {
          const value = options[entry.key];
          if (entry.index !== undefined && Array.isArray(value)) value[entry.index] = replacement;
          else options[entry.key] = replacement;
        }
        names.push(".resilience/gates.yaml", replacement);
        break;
      }
    }
  }
  mkdirSync(join(directory, ".resilience"), { recursive: true });
  writeFileSync(join(directory, ".resilience", "gates.yaml"), `version: 1\ngates:\n  ${base.gate}: ${JSON.stringify(options)}\n`);
  return { directory, names, mustNotPass: mustNotPass(kind, mutation, content, mutated) };
}

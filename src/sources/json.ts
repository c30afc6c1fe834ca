import { lstatSync, statSync } from "node:fs";
import { ConfigurationError } from "../engine/errors.js";
import type { SourceLocation } from "../engine/types.js";
import { expandGlobs, filesBelow, readTextFile, resolveInside, type Workspace } from "./files.js";
import { LineIndex } from "./lines.js";
import { parseYamlDocuments, type PathSegment } from "./yaml.js";

/** A strict JSON file with a way back from a path in its value to the line and column it is written on. */
export interface JsonFile {
  file: string;
  text: string;
  value: unknown;
  locate(path: readonly PathSegment[]): SourceLocation;
}

/**
 * Reads a JSON file strictly (JSON.parse: no comments, no trailing commas, no duplicate keys). A syntax
 * error, a truncated file or a duplicate key is a ConfigurationError at the file, line and column.
 * Positions of nodes come from the YAML parser, which reads JSON as the YAML subset it is.
 */
export function readJsonFile(workspace: Workspace, absolute: string, shown: string, maxBytes?: number): JsonFile {
  const text = readTextFile(workspace, absolute, shown, maxBytes);
  return parseJsonText(text, shown);
}

export function parseJsonText(text: string, shown: string): JsonFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message);
    const offset = position ? Number(position[1]) : text.trimEnd().length;
    const { line, column } = new LineIndex(text).position(Math.min(offset, text.length));
    const what = position ? message.replace(/\s*in JSON at position \d+.*$/s, "").replace(/^Unexpected token/, "unexpected token") : message;
    const truncated = offset >= text.trimEnd().length - 1 || /end of (JSON|data) input/i.test(message) ? " (the file ends early: truncated?)" : "";
    throw new ConfigurationError(`invalid JSON: ${firstLine(what)}${truncated}`, { file: shown, line, column });
  }
  let located: ((path: readonly PathSegment[]) => { line: number; column: number }) | undefined;
  try {
    const [document] = parseYamlDocuments(text, shown);
    located = document ? (path) => document.locate(path) : undefined;
  } catch (error) {
    if (error instanceof ConfigurationError && /duplicate key/.test(error.message)) {
      throw new ConfigurationError("invalid JSON: duplicate key: two parsers could read two different values", error.location);
    }
    // JSON that YAML cannot read (tabs for indentation): positions fall back to line 1.
  }
  return {
    file: shown,
    text,
    value,
    locate: (path) => {
      const position = located?.(path) ?? { line: 1, column: 1 };
      return { file: shown, line: position.line, column: position.column };
    },
  };
}

function firstLine(message: string): string {
  return message.split("\n")[0] ?? message;
}

/**
 * The JSON files named by directories (every `*.json` below them), files and globs. A directory may be
 * empty (no evidence yet is a finding for the policy, not a usage error); a path that is neither an
 * existing file or directory nor a glob that matches is an error, because a typo must not pass.
 */
export function expandJsonInputs(workspace: Workspace, inputs: readonly string[], what: string): string[] {
  const files = new Set<string>();
  const globs: string[] = [];
  for (const input of inputs) {
    if (/[*?[\]{}!]/.test(input)) {
      globs.push(input);
      continue;
    }
    const absolute = resolveInside(workspace, input, what);
    if (!lstatSync(absolute, { throwIfNoEntry: false })) throw new ConfigurationError(`${what} ${input} does not exist`);
    // A dangling link or a FIFO is kept: reading it reports it by name.
    if (statSync(absolute, { throwIfNoEntry: false })?.isDirectory()) {
      for (const file of filesBelow(workspace, absolute, (name) => name.endsWith(".json"), what)) files.add(file);
    } else files.add(absolute);
  }
  if (globs.length > 0) for (const file of expandGlobs(workspace, globs, { what })) files.add(file);
  return [...files].sort();
}

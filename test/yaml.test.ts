import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigurationError } from "../src/engine/errors.js";
import { parseYamlDocuments, readYamlFile } from "../src/sources/yaml.js";

const scratch = mkdtempSync(join(tmpdir(), "rg-yaml-"));

function errorOf(run: () => unknown): ConfigurationError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigurationError) return error;
    throw error;
  }
  throw new Error("expected a ConfigurationError");
}

describe("YAML documents with source positions", () => {
  const text = ["# header", "a: 1", "---", "kind: Pod", "spec:", "  containers:", "    - name: app", "      image: x", "    - name: side", ""].join("\n");
  const docs = parseYamlDocuments(text, "f.yaml");

  it("locates keys and sequence items in later documents", () => {
    expect(docs).toHaveLength(2);
    expect(docs[1]?.locate(["spec", "containers", 1, "name"])).toEqual({ line: 9, column: 7 });
    expect(docs[1]?.locate(["spec", "containers", 0])).toEqual({ line: 7, column: 7 });
  });

  it("stops at the deepest node that exists", () => {
    expect(docs[1]?.locate(["spec", "containers", 0, "securityContext", "privileged"])).toEqual({ line: 7, column: 7 });
    expect(docs[1]?.locate(["spec", "volumes"])).toEqual({ line: 5, column: 1 });
  });

  it("locates through quoted keys, anchors and aliases", () => {
    const [doc] = parseYamlDocuments(['defaults: &ctx', '  "runAsUser": 0', "  'privileged': true", "spec:", "  securityContext: *ctx", ""].join("\n"), "a.yaml");
    expect(doc?.value).toEqual({ defaults: { runAsUser: 0, privileged: true }, spec: { securityContext: { runAsUser: 0, privileged: true } } });
    expect(doc?.locate(["defaults", "privileged"])).toEqual({ line: 3, column: 3 });
    // Through the alias, the position is the anchored node's key.
    expect(doc?.locate(["spec", "securityContext", "runAsUser"])).toEqual({ line: 2, column: 3 });
  });

  it("names file, line and column of malformed YAML", () => {
    const error = errorOf(() => parseYamlDocuments("a: 1\nb: [1, 2\nc: 3\n", "bad.yaml"));
    expect(error.location?.file).toBe("bad.yaml");
    expect(error.location?.line).toBeGreaterThanOrEqual(2);
    expect(error.message).toMatch(/^bad\.yaml:\d+:\d+: invalid YAML/);
  });

  it("refuses duplicate keys rather than keeping one silently", () => {
    expect(errorOf(() => parseYamlDocuments("a: 1\na: 2\n", "dup.yaml")).location?.line).toBe(2);
  });

  it("bounds an alias bomb instead of expanding it", () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(",")}]`);
    }
    const started = Date.now();
    const error = errorOf(() => parseYamlDocuments(levels.join("\n"), "bomb.yaml"));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(error.message).toMatch(/bomb\.yaml:1: cannot expand YAML: .*alias/i);
  });

  it("refuses binary, non-UTF-8 and oversize files with their names", () => {
    const binary = join(scratch, "junk.yaml");
    writeFileSync(binary, Buffer.from([0x61, 0x3a, 0x0a, 0x00, 0xff, 0x10]));
    expect(errorOf(() => readYamlFile({ root: scratch, base: scratch }, binary, "junk.yaml")).message).toBe("junk.yaml:2: binary content (a NUL byte) where text was expected");

    const latin1 = join(scratch, "latin1.yaml");
    writeFileSync(latin1, Buffer.concat([Buffer.from("a: 1\nb: caf"), Buffer.from([0xe9]), Buffer.from("\n")]));
    expect(errorOf(() => readYamlFile({ root: scratch, base: scratch }, latin1, "latin1.yaml")).message).toBe("latin1.yaml:2: not valid UTF-8 text");

    const huge = join(scratch, "huge.yaml");
    writeFileSync(huge, Buffer.alloc(50 * 1024 * 1024, "#"));
    expect(errorOf(() => readYamlFile({ root: scratch, base: scratch }, huge, "huge.yaml")).message).toMatch(/^huge\.yaml:1: huge\.yaml is 50\.0 MiB; files larger than 16 MiB are refused/);
  });
});

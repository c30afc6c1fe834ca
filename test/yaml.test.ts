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
    // Through the alias, the position is the anchored node's key, and the alias is named.
    expect(doc?.locate(["spec", "securityContext", "runAsUser"])).toEqual({ line: 2, column: 3, via: { line: 5, column: 20, merge: false } });
  });

  it("reads YAML 1.1 scalars as Kubernetes does", () => {
    const [doc] = parseYamlDocuments("a: yes\nb: Off\nc: y\nd: 0644\ne: ~\nf: 1e3\ng: 'yes'\nh: yEs\ni: 2001-12-14\nj: 1:30\nyes: k\n", "s.yaml");
    expect(doc?.value).toStrictEqual({ a: true, b: false, c: true, d: 420, e: null, f: 1000, g: "yes", h: "yEs", i: "2001-12-14", j: "1:30", true: "k" });
  });

  it("refuses what JSON cannot carry, naming the line", () => {
    expect(errorOf(() => parseYamlDocuments("a: 1\nb: .inf\n", "inf.yaml")).message).toMatch(/^inf\.yaml:2:4: invalid YAML: \.inf is not a number JSON can carry/);
    expect(errorOf(() => parseYamlDocuments("a: 1\n~: 2\n", "null.yaml")).location?.line).toBe(2);
  });

  it("applies merge keys in go-yaml v2's order and locates merged values in the anchor", () => {
    const text = [
      "defaults: &hardened",
      "  privileged: false",
      "  runAsNonRoot: true",
      "loose: &loose",
      "  privileged: true",
      "spec:",
      "  a:",
      "    <<: *hardened",
      "    runAsNonRoot: false",
      "  b:",
      "    <<: [*loose, *hardened]",
      "",
    ].join("\n");
    const [doc] = parseYamlDocuments(text, "m.yaml");
    expect(doc?.value).toMatchObject({ spec: { a: { privileged: false, runAsNonRoot: false }, b: { privileged: true, runAsNonRoot: true } } });
    expect(doc?.locate(["spec", "a", "runAsNonRoot"])).toEqual({ line: 9, column: 5 });
    expect(doc?.locate(["spec", "a", "privileged"])).toEqual({ line: 2, column: 3, via: { line: 8, column: 5, merge: true } });
    // The earlier item of a merge list wins.
    expect(doc?.locate(["spec", "b", "privileged"])).toEqual({ line: 5, column: 3, via: { line: 11, column: 5, merge: true } });
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

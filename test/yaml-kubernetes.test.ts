// Differential test of the YAML reader against Kubernetes' own decoder: sigs.k8s.io/yaml v1.6.0
// (YAMLToJSON and YAMLToJSONStrict over go.yaml.in/yaml/v2 v2.4.4), run by tools/k8s-reference.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ConfigurationError } from "../src/engine/errors.js";
import { parseYamlDocuments } from "../src/sources/yaml.js";
import { askReference, k8sReference } from "./support/k8s-reference.js";
import { renderYaml, TRICKY_SCALARS, yamlDocument } from "./support/yaml-arbitrary.js";

interface YamlAnswer {
  id: number;
  json?: unknown;
  error?: string;
  strictError?: string;
}

const reference = k8sReference();

function ours(text: string): { value: unknown } | { error: string } {
  try {
    return { value: parseYamlDocuments(text, "case.yaml")[0]?.value ?? null };
  } catch (error) {
    if (error instanceof ConfigurationError) return { error: error.message };
    throw error;
  }
}

/** Our decoding agrees with Go's: the same JSON when both decode; an error where Go's non-strict decoder fails; no error where even its strict decoder succeeds. */
function disagreement(text: string, answer: YamlAnswer): string | undefined {
  const mine = ours(text);
  // Deliberate difference: keys of different YAML types that make one JSON key (`1` and `'1'`), where
  // Kubernetes keeps one of them at random (Go's map order), are refused.
  if ("error" in mine && /keys of different types both become the JSON key/.test(mine.error)) return undefined;
  if ("error" in mine) {
    if (answer.error === undefined && answer.strictError === undefined) return `we refuse (${mine.error}), Kubernetes decodes ${JSON.stringify(answer.json)}`;
    return undefined;
  }
  if (answer.error !== undefined) return `Kubernetes refuses (${answer.error}), we decode ${JSON.stringify(mine.value)}`;
  try {
    expect(mine.value).toStrictEqual(answer.json);
  } catch {
    return `we decode ${JSON.stringify(mine.value)}, Kubernetes ${JSON.stringify(answer.json)}`;
  }
  return undefined;
}

describe.skipIf(!reference)("YAML decoded as sigs.k8s.io/yaml decodes it", () => {
  it("every tricky scalar, plain, quoted, as a key and tagged", async () => {
    const texts = TRICKY_SCALARS.flatMap((scalar) => [
      `v: ${scalar}\n`,
      `v: [${scalar || "''"}]\n`,
      `${scalar || "''"}: v\n`,
      `v: '${scalar}'\n`,
      ...["!!str", "!!int", "!!float", "!!bool", "!!null", "!!timestamp"].map((tag) => `v: ${tag} ${scalar}\n`),
    ]);
    const answers = await askReference<YamlAnswer>(reference as string, "yaml", texts.map((yaml, id) => ({ id, yaml })));
    const wrong = texts.map((text, id) => [text, disagreement(text, answers[id] as YamlAnswer)]).filter(([, problem]) => problem);
    expect(wrong).toEqual([]);
  });

  it("merge keys in go-yaml v2's order", async () => {
    const texts = [
      "x: &a {p: 1, q: 2}\ny:\n  <<: *a\n  q: 3\n",
      "x: &a {p: 1, q: 2}\ny:\n  q: 3\n  <<: *a\n",
      "x: &a {p: 1}\nz: &b {p: 2, r: 1}\ny:\n  <<: [*a, *b]\n",
      "x: &a {p: 1}\ny:\n  <<: {p: 5}\n  <<: *a\n",
      "x: &a [1]\ny:\n  <<: *a\n",
      "y:\n  <<: 1\n",
      "y:\n  '<<': {a: 1}\n",
      "y:\n  !!merge <<: {a: 1}\n",
      "x: &a {p: &b {q: 1}}\ny:\n  <<: *b\n  <<: *a\n",
      "<<: &a0\n  a:\n    a: &a0 {}\na:\n  - *a0\n",
      "a: &x [1, &x 2, *x]\nb: *x\n",
      "a: &x [1, *x]\n",
    ];
    const answers = await askReference<YamlAnswer>(reference as string, "yaml", texts.map((yaml, id) => ({ id, yaml })));
    expect(texts.map((text, id) => disagreement(text, answers[id] as YamlAnswer)).filter(Boolean)).toEqual([]);
  });

  it("generated documents (fast-check, 3,000 cases)", async () => {
    const samples = fc.sample(yamlDocument, { numRuns: 3000, seed: 1414 }).map(renderYaml);
    const answers = await askReference<YamlAnswer>(reference as string, "yaml", samples.map((yaml, id) => ({ id, yaml })));
    const failing = samples.findIndex((text, id) => disagreement(text, answers[id] as YamlAnswer) !== undefined);
    if (failing === -1) return;
    // Shrink the first failure through the same property, one Go call per candidate.
    let smallest = samples[failing] as string;
    await fc.assert(
      fc.asyncProperty(yamlDocument, async (node) => {
        const text = renderYaml(node);
        const [answer] = await askReference<YamlAnswer>(reference as string, "yaml", [{ id: 0, yaml: text }]);
        const problem = disagreement(text, answer as YamlAnswer);
        if (problem) smallest = text.length < smallest.length ? text : smallest;
        return problem === undefined;
      }),
      { seed: 1414, numRuns: 3000, endOnFailure: false },
    ).catch(() => undefined);
    const [answer] = await askReference<YamlAnswer>(reference as string, "yaml", [{ id: 0, yaml: smallest }]);
    expect.fail(`YAML decoded unlike Kubernetes:\n${smallest}\n${disagreement(smallest, answer as YamlAnswer)}`);
  }, 300_000);
});

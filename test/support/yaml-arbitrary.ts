import fc from "fast-check";

/** A YAML syntax tree to render: what the differential tests generate and shrink. */
export type YamlNode =
  | { kind: "scalar"; text: string; style: "plain" | "single" | "double" | "literal"; tag?: string }
  | { kind: "map"; entries: YamlEntry[]; anchor: boolean }
  | { kind: "seq"; items: YamlNode[]; anchor: boolean; flow: boolean }
  | { kind: "alias"; pick: number };

export type YamlEntry = { key: YamlNode; value: YamlNode } | { merge: "alias" | "inline" | "list"; picks: number[]; inline?: YamlNode };

/** Plain spellings whose meaning differs between YAML 1.1 (Kubernetes), YAML 1.2 and JSON, or that go-yaml reads in its own way. */
export const TRICKY_SCALARS = [
  ...["y", "Y", "yes", "Yes", "YES", "yEs", "n", "N", "no", "No", "NO", "nO", "on", "On", "ON", "oN", "off", "Off", "OFF", "oFF"],
  ...["true", "True", "TRUE", "tRUE", "false", "False", "FALSE", "fALSE", "~", "null", "Null", "NULL", "nULL", ""],
  ...["0", "-0", "+0", "0644", "0o644", "0O17", "0x1F", "0X1f", "0x_1F", "0b101", "-0b101", "+12", "08", "09.5", "1_000", "1__0", "_1", "0_", "0x", "0b", "0o"],
  ...["1e3", "1E3", "1e+3", "1.5e-3", ".5", "+.5", "-.5", ".", "1.", "0.", "-1.5", "0.1", "1.0", "3.14159265358979", "1e400", "1e-400", "-0.0"],
  ...[".inf", ".Inf", ".INF", "+.inf", "-.inf", "-.Inf", ".nan", ".NaN", ".NAN", ".iNf", "+inf", "inf", "nan", "Infinity"],
  ...["9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "18446744073709551615", "18446744073709551616"],
  ...["0x7FFFFFFFFFFFFFFF", "0xFFFFFFFFFFFFFFFF", "0x10000000000000000", "1:30", "190:20:30", "1_2:3"],
  ...["2001-12-14", "2001-12-14T21:59:43.10Z", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10", "2001-13-14", "2001-2-3", "2001-02-30"],
  ...["<<", "=", "abc", "123abc", "1 2", "$1", "Yes please", "0644 ", "v1.30", "1.30", "1.3e"],
];

const TAGS = ["!!str", "!!int", "!!float", "!!bool", "!!null", "!!timestamp", "!local", "!!merge"];

const scalar: fc.Arbitrary<YamlNode> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant("scalar" as const), text: fc.constantFrom(...TRICKY_SCALARS), style: fc.constant("plain" as const) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("scalar" as const),
      text: fc.oneof(fc.constantFrom(...TRICKY_SCALARS), fc.string({ maxLength: 8 })),
      style: fc.constantFrom("single" as const, "double" as const, "literal" as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("scalar" as const),
      text: fc.constantFrom(...TRICKY_SCALARS.filter((text) => text !== "")),
      style: fc.constantFrom("plain" as const, "double" as const),
      tag: fc.constantFrom(...TAGS),
    }),
  },
);

const key: fc.Arbitrary<YamlNode> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("scalar" as const), text: fc.constantFrom("a", "b", "c", "name", "y", "yes", "on", "true", "no", "1", "01", "0x1", "1.5", "1e3", "0.1", "1e6", "~", ".inf", "2001-12-14"), style: fc.constant("plain" as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("scalar" as const), text: fc.constantFrom("a", "yes", "1", "<<", "~"), style: fc.constantFrom("single" as const, "double" as const) }) },
);

/** Documents of mappings, sequences, tricky scalars, tags, anchors, aliases and merge keys. */
export const yamlDocument: fc.Arbitrary<YamlNode> = fc.letrec<{ node: YamlNode; map: YamlNode }>((tie) => ({
  node: fc.oneof({ depthSize: "small", withCrossShrink: true }, scalar, tie("map"), fc.record({ kind: fc.constant("seq" as const), items: fc.array(tie("node"), { maxLength: 3 }), anchor: fc.boolean(), flow: fc.boolean() }), fc.record({ kind: fc.constant("alias" as const), pick: fc.nat(7) })),
  map: fc.record({
    kind: fc.constant("map" as const),
    entries: fc.array(
      fc.oneof(
        { weight: 5, arbitrary: fc.record({ key, value: tie("node") }) },
        { weight: 1, arbitrary: fc.record({ merge: fc.constantFrom("alias" as const, "inline" as const, "list" as const), picks: fc.array(fc.nat(7), { minLength: 1, maxLength: 3 }), inline: tie("map") }) },
      ),
      { maxLength: 5 },
    ),
    anchor: fc.boolean(),
  }),
})).map;

/** Renders a tree as block YAML; anchors are named in order and aliases pick among those already complete. */
export function renderYaml(root: YamlNode): string {
  const anchors: string[] = [];
  const mapAnchors: string[] = [];
  let started = 0;
  const scalarText = (node: Extract<YamlNode, { kind: "scalar" }>, indent: number): string => {
    const tag = node.tag ? `${node.tag} ` : "";
    switch (node.style) {
      case "plain":
        return node.text === "" && !node.tag ? "" : ` ${tag}${node.text}`;
      case "single":
        return ` ${tag}'${node.text.replaceAll("'", "''")}'`;
      case "double":
        return ` ${tag}${JSON.stringify(node.text)}`;
      case "literal":
        return /^[ \n]|\n/.test(node.text) || node.text === "" ? ` ${tag}${JSON.stringify(node.text)}` : ` ${tag}|-\n${" ".repeat(indent)}${node.text}`;
    }
  };
  const named = (list: string[], pick: number): string | undefined => (list.length > 0 ? list[pick % list.length] : undefined);
  const anchorOf = (anchor: boolean, isMap: boolean): { text: string; done: () => void } => {
    if (!anchor) return { text: "", done: () => {} };
    const name = `a${started++}`;
    return {
      text: ` &${name}`,
      done: () => {
        anchors.push(name);
        if (isMap) mapAnchors.push(name);
      },
    };
  };
  const value = (node: YamlNode, indent: number): string => {
    const pad = " ".repeat(indent);
    switch (node.kind) {
      case "scalar":
        return scalarText(node, indent);
      case "alias": {
        const name = named(anchors, node.pick);
        return name ? ` *${name}` : " x";
      }
      case "seq": {
        const anchor = anchorOf(node.anchor, false);
        let text: string;
        if (node.items.length === 0) text = `${anchor.text} []`;
        else if (node.flow && node.items.every((item) => item.kind === "scalar" && item.style !== "literal")) {
          text = `${anchor.text} [${node.items.map((item) => value(item, indent).trimStart() || "''").join(", ")}]`;
        } else text = `${anchor.text}\n${node.items.map((item) => `${pad}-${value(item, indent + 2)}`).join("\n")}`;
        anchor.done();
        return text;
      }
      case "map": {
        const anchor = anchorOf(node.anchor, true);
        const lines: string[] = [];
        for (const entry of node.entries) {
          if ("merge" in entry) {
            const names = entry.picks.map((pick) => named(mapAnchors, pick)).filter((name): name is string => name !== undefined);
            if (entry.merge === "alias" && names[0]) lines.push(`${pad}<<: *${names[0]}`);
            else if (entry.merge === "list" && names.length > 0) lines.push(`${pad}<<: [${names.map((name) => `*${name}`).join(", ")}]`);
            else if (entry.inline) lines.push(`${pad}<<:${value(entry.inline, indent + 2)}`);
          } else {
            lines.push(`${pad}${value(entry.key, indent).trimStart() || "''"}:${value(entry.value, indent + 2)}`);
          }
        }
        const text = lines.length === 0 ? `${anchor.text} {}` : `${anchor.text}\n${lines.join("\n")}`;
        anchor.done();
        return text;
      }
    }
  };
  const rendered = value(root, 0);
  return `${rendered.startsWith("\n") ? rendered.slice(1) : `---${rendered}`}\n`;
}

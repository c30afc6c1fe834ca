// The fuzz campaign's cases: for every gate, a small valid project (its config and inputs, from the
// project's own fixtures) and one mutation of one input or of the config. Pure and seeded: the same seed
// and count give the same cases, so a failing case can be replayed and shrunk into a fixture.
import { readFileSync } from "node:fs";
import { join } from "node:path";

export interface ProjectFile {
  /** Path inside the case's repository. */
  path: string;
  content: string;
}

/** A valid project of one gate: its files, its options (paths relative to the repository) and what may be mutated. */
export interface Base {
  gate: string;
  files: ProjectFile[];
  options: Record<string, unknown>;
  /** Files a mutation may change, with their kind (what the mutation can break in them). */
  targets: { path: string; kind: "yaml" | "json" | "sql" | "pem" }[];
}

export type Mutation =
  | { kind: "truncate"; at: number }
  | { kind: "byte-flip"; at: number; bit: number }
  | { kind: "invalid-utf8"; at: number }
  | { kind: "bom" }
  | { kind: "crlf" }
  | { kind: "empty" }
  | { kind: "blank" }
  | { kind: "separators" }
  | { kind: "deep-nesting"; depth: number }
  | { kind: "alias-bomb" }
  | { kind: "wrong-type"; at: number; replacement: string }
  | { kind: "impossible-number"; at: number; replacement: string }
  | { kind: "directory" }
  | { kind: "fifo" }
  | { kind: "dev-zero" }
  | { kind: "link-outside" }
  | { kind: "dangling-link" }
  | { kind: "config-parent-path" }
  | { kind: "config-absolute-path" };

export interface FuzzCase {
  id: number;
  gate: string;
  base: Base;
  /** The mutated file (a config mutation names the config option's first path). */
  target: string;
  mutation: Mutation;
}

const root = join(import.meta.dirname, "..", "..");
const fixture = (path: string): ProjectFile => ({ path, content: readFileSync(join(root, path), "utf8") });

export function bases(): Base[] {
  const proofs = "fixtures/restore-proofs/data";
  const chaos = "fixtures/chaos-readiness/data";
  return [
    {
      gate: "security-context",
      files: [fixture("fixtures/security-context/sc-001-pass.yaml")],
      options: { manifests: ["fixtures/security-context/sc-001-pass.yaml"] },
      targets: [{ path: "fixtures/security-context/sc-001-pass.yaml", kind: "yaml" }],
    },
    {
      gate: "backups",
      files: [fixture("fixtures/backups/data/catalog.yaml"), fixture("fixtures/backups/bk-pass-cronjob.yaml"), fixture("fixtures/backups/data/evidence/ledger-db.json")],
      options: { catalog: "fixtures/backups/data/catalog.yaml", manifests: ["fixtures/backups/bk-pass-cronjob.yaml"], evidence: ["fixtures/backups/data/evidence"] },
      targets: [
        { path: "fixtures/backups/data/catalog.yaml", kind: "yaml" },
        { path: "fixtures/backups/bk-pass-cronjob.yaml", kind: "yaml" },
        { path: "fixtures/backups/data/evidence/ledger-db.json", kind: "json" },
      ],
    },
    {
      gate: "restore-proofs",
      files: [fixture(`${proofs}/catalog.yaml`), fixture(`${proofs}/proofs/ledger-passed.json`), fixture(`${proofs}/keys/drill-public-key.pem`)],
      options: { catalog: `${proofs}/catalog.yaml`, proofs: [`${proofs}/proofs`], publicKey: `${proofs}/keys/drill-public-key.pem` },
      targets: [
        { path: `${proofs}/catalog.yaml`, kind: "yaml" },
        { path: `${proofs}/proofs/ledger-passed.json`, kind: "json" },
        { path: `${proofs}/keys/drill-public-key.pem`, kind: "pem" },
      ],
    },
    {
      gate: "chaos-readiness",
      files: [fixture(`${chaos}/catalog.yaml`), fixture(`${chaos}/results/redis-passed.json`), fixture(`${chaos}/results/payments-passed.json`), fixture(`${chaos}/results/pod-loss-passed.json`), fixture(`${proofs}/keys/drill-public-key.pem`)],
      options: { catalog: `${chaos}/catalog.yaml`, results: [`${chaos}/results`], publicKey: `${proofs}/keys/drill-public-key.pem` },
      targets: [
        { path: `${chaos}/catalog.yaml`, kind: "yaml" },
        { path: `${chaos}/results/redis-passed.json`, kind: "json" },
        { path: `${chaos}/results/pod-loss-passed.json`, kind: "json" },
      ],
    },
    {
      gate: "migrations",
      files: [
        { path: "db/001_accounts.sql", content: "CREATE TABLE accounts (id bigint PRIMARY KEY, owner text NOT NULL);\n" },
        { path: "db/002_owner_index.sql", content: "CREATE INDEX accounts_owner ON accounts (owner);\n" },
      ],
      options: { files: ["db/*.sql"] },
      targets: [
        { path: "db/001_accounts.sql", kind: "sql" },
        { path: "db/002_owner_index.sql", kind: "sql" },
      ],
    },
    {
      gate: "load-budget",
      files: [fixture("fixtures/load-budget/data/budgets.yaml"), fixture("fixtures/load-budget/data/healthy.json")],
      options: { budgets: "fixtures/load-budget/data/budgets.yaml", summary: "fixtures/load-budget/data/healthy.json" },
      targets: [
        { path: "fixtures/load-budget/data/budgets.yaml", kind: "yaml" },
        { path: "fixtures/load-budget/data/healthy.json", kind: "json" },
      ],
    },
    {
      gate: "slo",
      files: [fixture("fixtures/slo/data/slos.yaml"), fixture("fixtures/load-budget/data/healthy.json")],
      options: { slos: "fixtures/slo/data/slos.yaml", summary: "fixtures/load-budget/data/healthy.json" },
      targets: [
        { path: "fixtures/slo/data/slos.yaml", kind: "yaml" },
        { path: "fixtures/load-budget/data/healthy.json", kind: "json" },
      ],
    },
  ];
}

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const MUTATIONS: Mutation["kind"][] = [
  "truncate", "byte-flip", "invalid-utf8", "bom", "crlf", "empty", "blank", "separators", "deep-nesting", "alias-bomb",
  "wrong-type", "impossible-number", "directory", "fifo", "dev-zero", "link-outside", "dangling-link", "config-parent-path", "config-absolute-path",
];

function mutationOf(kind: Mutation["kind"], size: number, next: () => number): Mutation {
  const at = Math.floor(next() * Math.max(1, size));
  switch (kind) {
    case "truncate":
      return { kind, at: Math.max(1, Math.min(size - 1, at)) };
    case "byte-flip":
      return { kind, at, bit: Math.floor(next() * 8) };
    case "invalid-utf8":
      return { kind, at };
    case "deep-nesting":
      return { kind, depth: 2000 + Math.floor(next() * 50_000) };
    case "wrong-type":
      return { kind, at, replacement: ["[]", "{}", '"text"', "true", "null", "[1, 2]"][Math.floor(next() * 6)] as string };
    case "impossible-number":
      return { kind, at, replacement: ["-1", "-0.5", "1e309", "NaN", "Infinity", "-Infinity", "99999999999999999999"][Math.floor(next() * 7)] as string };
    default:
      return { kind } as Mutation;
  }
}

/**
 * `count` cases: every gate, every target and every mutation kind in turn (so a bounded run still covers
 * each class for each gate), positions and values drawn from the seed.
 */
export function fuzzCases(count: number, seed: number): FuzzCase[] {
  const next = random(seed);
  const all = bases();
  const cases: FuzzCase[] = [];
  for (let id = 0; cases.length < count; id++) {
    const base = all[id % all.length] as Base;
    const round = Math.floor(id / all.length);
    const kind = MUTATIONS[round % MUTATIONS.length] as Mutation["kind"];
    const target = base.targets[Math.floor(round / MUTATIONS.length + next() * base.targets.length) % base.targets.length] as Base["targets"][number];
    const size = base.files.find((file) => file.path === target.path)?.content.length ?? 1;
    cases.push({ id, gate: base.gate, base, target: target.path, mutation: mutationOf(kind, size, next) });
  }
  return cases;
}

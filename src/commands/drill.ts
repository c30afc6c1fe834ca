import { existsSync, readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { EXIT, parseCommandLine, UsageError, type FlagValues } from "../cli.js";
import { ConfigurationError } from "../engine/errors.js";
import { packageRoot } from "../engine/package-root.js";
import { formatDuration } from "../sources/duration.js";
import { readStandaloneTextFile, standaloneWorkspace } from "../sources/files.js";
import { drillPostgres } from "../drill/postgres.js";
import { createProgress, silentProgress } from "../drill/progress.js";
import { writeSignedProof, type RestoreProof } from "../drill/proof.js";
import { drillRedis } from "../drill/redis.js";
import { loadSigningKey, PUBLIC_KEY_ENV, trustedKeysFrom, writeKeyPair } from "../drill/signing.js";
import { publishProof } from "../drill/publish.js";
import { readProofFile } from "../drill/verify.js";

export const DRILL_HELP = `Usage: resilience-gates drill <command> [options]

Restore drills: take a fresh backup, restore it into a scratch instance, verify it against the source,
and write a signed proof (schemas/restore-proof.schema.json) for the restore-proofs gate.

Commands:
  keygen --out DIR [--force]
      write an Ed25519 key pair: DIR/drill-signing-key.pem (keep it in a CI secret) and
      DIR/drill-public-key.pem (give it to the restore-proofs gate)
  postgres --source URL [--scratch URL] [--store NAME] [--smoke FILE]... [--smoke-sql SQL]...
           [--pg-bin DIR] [--jobs N] [--keep-scratch]
      pg_dump -Fc of the source as of an exported snapshot, pg_restore into a fresh scratch database
      (on the --scratch server, default the source server), per-table row counts and content checksums
      compared with the snapshot, then the smoke SQL
  redis --source URL [--store NAME] [--sample-keys N] [--rdb FILE] [--redis-server PATH]
      BGSAVE, copy the RDB, load it into a scratch redis-server on a free port, compare key counts per
      database and digests of sampled keys
  verify FILE --public-key F
      exit 0 when the proof's signature is valid and the drill passed, 1 when it failed or was tampered with
  publish FILE [--context C] [--namespace NS] [--name N]
      create or replace the ConfigMap N (default restore-proof-<store>) labelled
      resilience-gates.io/restore-proof=<store>, holding the proof as written, for
      \`check restore-proofs --cluster\` (docs/cluster.md)

Options of postgres and redis:
  --key F        Ed25519 private key (PEM); default: $RESILIENCE_GATES_DRILL_KEY
  --out F        where to write the proof (default restore-proofs/<store>-<time>.json)
  --quiet        no progress on stderr

Exit status: 0 drill passed (proof valid), 1 drill failed (a failed proof is still written), 2 error.
`;

function string(values: FlagValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === "string" ? value : undefined;
}

function strings(values: FlagValues, name: string): string[] {
  const value = values[name];
  return Array.isArray(value) ? value.map(String) : typeof value === "string" ? [value] : [];
}

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

function positiveInteger(values: FlagValues, name: string): number | undefined {
  const text = string(values, name);
  if (text === undefined) return undefined;
  if (!/^[1-9][0-9]*$/.test(text)) throw new UsageError(`--${name} must be a positive integer, not ${text}`);
  return Number(text);
}

function defaultProofPath(store: string): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
  return join("restore-proofs", `${store.replace(/[^A-Za-z0-9._-]+/g, "_")}-${stamp}.json`);
}

function summary(proof: RestoreProof, file: string): string {
  const verdict = proof.result === "passed" ? "PASSED" : "FAILED";
  const checks = proof.integrity.checks;
  const failed = checks.filter((check) => !check.passed).length;
  const seconds = (value: number) => (value < 60 ? `${value}s` : `${formatDuration(value)} (${value}s)`);
  const rto = proof.measured.rtoSeconds === null ? "RTO not measured (not verified)" : `RTO ${seconds(proof.measured.rtoSeconds)}`;
  const lines = [
    `${verdict} restore drill of ${proof.store} (${proof.engine}): ${rto}, RPO ${seconds(proof.measured.rpoSeconds)}, ${checks.length - failed}/${checks.length} integrity checks passed${proof.smoke.length ? `, ${proof.smoke.filter((s) => s.passed).length}/${proof.smoke.length} smoke checks passed` : ""}`,
    ...proof.failures.map((failure) => `  - ${failure}`),
    `proof written to ${file}`,
  ];
  return `${lines.join("\n")}\n`;
}

async function runDrill(engine: "postgres" | "redis", args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(args, {
    source: { type: "string" },
    scratch: { type: "string" },
    store: { type: "string" },
    smoke: { type: "string", multiple: true },
    "smoke-sql": { type: "string", multiple: true },
    "pg-bin": { type: "string" },
    jobs: { type: "string" },
    "keep-scratch": { type: "boolean" },
    "sample-keys": { type: "string" },
    rdb: { type: "string" },
    "redis-server": { type: "string" },
    key: { type: "string" },
    out: { type: "string" },
    quiet: { type: "boolean" },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}\n${DRILL_HELP}`);
  const source = string(values, "source") ?? process.env[engine === "postgres" ? "DATABASE_URL" : "REDIS_URL"];
  if (!source) throw new UsageError(`drill ${engine} needs --source URL`);
  // Load the key first: a drill whose proof cannot be signed is not worth running.
  const key = loadSigningKey(string(values, "key"));
  const progress = values.quiet ? silentProgress : createProgress();
  const version = packageVersion();
  let proof: RestoreProof;
  if (engine === "postgres") {
    const smoke = [
      ...strings(values, "smoke").map((file) => {
        return { name: basename(file), sql: readStandaloneTextFile(resolve(file), file) };
      }),
      ...strings(values, "smoke-sql").map((sql, index) => ({ name: `smoke-sql-${index + 1}`, sql })),
    ];
    const jobs = positiveInteger(values, "jobs");
    const pgBin = string(values, "pg-bin");
    const scratch = string(values, "scratch");
    const store = string(values, "store");
    proof = await drillPostgres({
      source,
      progress,
      version,
      smoke,
      keepScratch: values["keep-scratch"] === true,
      ...(scratch ? { scratch } : {}),
      ...(store ? { store } : {}),
      ...(pgBin ? { pgBin } : {}),
      ...(jobs ? { jobs } : {}),
    });
  } else {
    const sampleKeys = positiveInteger(values, "sample-keys");
    const rdb = string(values, "rdb");
    const redisServer = string(values, "redis-server");
    const store = string(values, "store");
    proof = await drillRedis({
      source,
      progress,
      version,
      ...(store ? { store } : {}),
      ...(sampleKeys ? { sampleKeys } : {}),
      ...(rdb ? { rdb } : {}),
      ...(redisServer ? { redisServer } : {}),
    });
  }
  const out = string(values, "out") ?? defaultProofPath(proof.store);
  writeSignedProof(proof, key, resolve(out));
  process.stdout.write(summary(proof, out));
  return proof.result === "passed" ? EXIT.ok : EXIT.block;
}

function keygen(args: string[]): number {
  const { values, positionals } = parseCommandLine(args, { out: { type: "string" }, force: { type: "boolean" } });
  const out = string(values, "out") ?? positionals[0];
  if (!out) throw new UsageError("drill keygen needs --out DIR");
  const written = writeKeyPair(resolve(out), values.force === true);
  process.stdout.write(
    `private key: ${written.privateKey} (mode 0600; store it as a CI secret, e.g. RESILIENCE_GATES_DRILL_KEY)\n` +
      `public key:  ${written.publicKey} (give it to the restore-proofs gate: publicKey / --public-key)\n` +
      `key id:      ${written.keyId}\n`,
  );
  return EXIT.ok;
}

function verifyCommand(args: string[]): number {
  const { values, positionals } = parseCommandLine(args, { "public-key": { type: "string", multiple: true } });
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new UsageError("drill verify needs exactly one proof FILE and --public-key F");
  const trusted = trustedKeysFrom(strings(values, "public-key"));
  if (trusted.length === 0) throw new UsageError(`drill verify needs --public-key F (or ${PUBLIC_KEY_ENV})`);
  if (!existsSync(file)) throw new ConfigurationError(`proof ${file} does not exist`);
  const read = readProofFile(standaloneWorkspace(resolve(file)), resolve(file), file, trusted);
  if (!read.ok) {
    process.stdout.write(`INVALID ${read.location.file}:${read.location.line}${read.location.column ? `:${read.location.column}` : ""}: ${read.message}\n`);
    return EXIT.block;
  }
  const { proof, signature } = read;
  if (signature.status !== "valid") {
    process.stdout.write(`${signature.status === "missing" ? "UNSIGNED" : "TAMPERED"} ${file}: ${signature.detail}\n`);
    return EXIT.block;
  }
  const failed = proof.result !== "passed" || !proof.integrity.passed || proof.smoke.some((check) => !check.passed);
  process.stdout.write(
    `${failed ? "FAILED" : "VALID"} ${file}: ${signature.detail}; drill of ${proof.store} ${proof.result} at ${proof.drill.finishedAt}` +
      `${proof.measured.rtoSeconds !== null ? `, RTO ${proof.measured.rtoSeconds}s` : ""}, RPO ${proof.measured.rpoSeconds}s` +
      `${proof.failures.length ? `; ${proof.failures.join("; ")}` : ""}\n`,
  );
  return failed ? EXIT.block : EXIT.ok;
}

async function publishCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(args, { context: { type: "string" }, namespace: { type: "string" }, name: { type: "string" } });
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new UsageError("drill publish needs exactly one proof FILE");
  const published = await publishProof(resolve(file), file, {
    ...(string(values, "context") ? { context: string(values, "context") } : {}),
    ...(string(values, "namespace") ? { namespace: string(values, "namespace") } : {}),
    ...(string(values, "name") ? { name: string(values, "name") } : {}),
  });
  process.stdout.write(`published ${file} (store ${published.store}) as ConfigMap ${published.namespace}/${published.name}\n`);
  return EXIT.ok;
}

/** `resilience-gates drill ...`: keygen, postgres, redis, verify, publish. */
export async function drill(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  switch (command) {
    case "keygen":
      return keygen(rest);
    case "postgres":
    case "redis":
      return runDrill(command, rest);
    case "verify":
      return verifyCommand(rest);
    case "publish":
      return publishCommand(rest);
    case undefined:
    case "--help":
    case "-h":
    case "help":
      process.stdout.write(DRILL_HELP);
      return command === undefined ? EXIT.error : EXIT.ok;
    default:
      throw new UsageError(`unknown drill command ${command}\n${DRILL_HELP}`);
  }
}

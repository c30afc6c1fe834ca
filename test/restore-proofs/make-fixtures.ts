// Writes the signed proofs of fixtures/restore-proofs/data/proofs/ from one base proof, with the test-only
// key pair in fixtures/restore-proofs/data/keys/ (created when missing). Ed25519 signatures are
// deterministic, so running it again rewrites identical files:  npx tsx test/restore-proofs/make-fixtures.ts
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PROOF_TYPE, type RestoreProof } from "../../src/drill/proof.js";
import { parsePrivateKey, signProof, writeKeyPair } from "../../src/drill/signing.js";

const data = join("fixtures", "restore-proofs", "data");
const keys = join(data, "keys");
if (!existsSync(join(keys, "drill-signing-key.pem"))) writeKeyPair(keys);
if (!existsSync(join(keys, "forger", "drill-signing-key.pem"))) writeKeyPair(join(keys, "forger"));
const key = parsePrivateKey(readFileSync(join(keys, "drill-signing-key.pem"), "utf8"), "fixture key");
const forger = parsePrivateKey(readFileSync(join(keys, "forger", "drill-signing-key.pem"), "utf8"), "forger key");

/** A passing PostgreSQL drill of ledger-db, 12 days before the fixtures' now (2026-11-01T00:00:00Z). */
function base(): RestoreProof {
  return {
    type: PROOF_TYPE,
    store: "ledger-db",
    engine: "postgres",
    result: "passed",
    backup: {
      id: "pg_dump:ledger@2026-10-20T03:00:01.250Z",
      time: "2026-10-20T03:00:01.250Z",
      method: "pg_dump -Fc",
      sizeBytes: 73400320,
      sha256: "5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef",
    },
    drill: {
      startedAt: "2026-10-20T03:00:00.000Z",
      restoreStartedAt: "2026-10-20T03:00:04.450Z",
      verifiedAt: "2026-10-20T03:00:46.950Z",
      finishedAt: "2026-10-20T03:00:47.300Z",
      source: "postgres://drill@ledger-db.payments:5432/ledger",
      scratch: "postgres://drill@scratch-pg.drills:5432/rg_drill_ledger_db_20261020030004_a1b2c3",
      host: "drill-runner-1",
    },
    measured: { rtoSeconds: 42.5, rpoSeconds: 3.2 },
    integrity: {
      passed: true,
      method: "per table: count(*) and content checksum",
      checks: [
        { kind: "table", name: "public.accounts", passed: true, source: { rows: 1200, checksum: "a".repeat(64) }, restored: { rows: 1200, checksum: "a".repeat(64) } },
        { kind: "table", name: "public.entries", passed: true, source: { rows: 48000, checksum: "b".repeat(64) }, restored: { rows: 48000, checksum: "b".repeat(64) } },
        { kind: "table", name: "public.transfers", passed: true, source: { rows: 9100, checksum: "c".repeat(64) }, restored: { rows: 9100, checksum: "c".repeat(64) } },
      ],
    },
    smoke: [{ name: "balances.sql", passed: true, detail: "1 rows", durationMs: 35 }],
    tools: { pg_dump: "pg_dump (PostgreSQL) 15.8", pg_restore: "pg_restore (PostgreSQL) 15.8", "resilience-gates": "0.1.0" },
    failures: [],
  };
}

type Mutation = (proof: RestoreProof) => void;
const variants: Record<string, Mutation> = {
  "ledger-passed": () => {},
  "ledger-failed-old": (p) => {
    Object.assign(p.drill, { startedAt: "2026-10-10T03:00:00.000Z", restoreStartedAt: "2026-10-10T03:00:04.000Z", verifiedAt: null, finishedAt: "2026-10-10T03:01:10.000Z" });
    p.backup.time = "2026-10-10T03:00:00.800Z";
    p.result = "failed";
    p.measured.rtoSeconds = null;
    p.integrity.passed = false;
    const check = p.integrity.checks[1];
    if (check) Object.assign(check, { passed: false, restored: { rows: 47990, checksum: "d".repeat(64) }, detail: "47990 rows restored, 48000 in the source" });
    p.failures = ["1 of 3 tables differ from the source: public.entries"];
  },
  "ledger-failed": (p) => {
    Object.assign(p.drill, { startedAt: "2026-10-27T03:00:00.000Z", restoreStartedAt: "2026-10-27T03:00:04.000Z", finishedAt: "2026-10-27T03:01:00.000Z" });
    p.backup.time = "2026-10-27T03:00:00.800Z";
    p.result = "failed";
    p.measured.rtoSeconds = null;
    p.drill.verifiedAt = null;
    p.integrity.passed = false;
    const check = p.integrity.checks[0];
    if (check) Object.assign(check, { passed: false, restored: { rows: 1200, checksum: "e".repeat(64) }, detail: "same row count, different content" });
    p.failures = ["1 of 3 tables differ from the source: public.accounts"];
  },
  "ledger-slow": (p) => {
    p.measured.rtoSeconds = 5400;
    p.drill.verifiedAt = "2026-10-20T04:30:04.450Z";
    p.drill.finishedAt = "2026-10-20T04:30:05.000Z";
  },
  "ledger-old-backup": (p) => {
    p.backup.time = "2026-10-20T01:00:04.450Z";
    p.measured.rpoSeconds = 7200;
  },
  "ledger-stale": (p) => {
    Object.assign(p.drill, { startedAt: "2026-06-01T03:00:00.000Z", restoreStartedAt: "2026-06-01T03:00:04.450Z", verifiedAt: "2026-06-01T03:00:46.950Z", finishedAt: "2026-06-01T03:00:47.300Z" });
    p.backup.time = "2026-06-01T03:00:01.250Z";
  },
  "ledger-smoke-failed": (p) => {
    p.result = "failed";
    p.measured.rtoSeconds = null;
    p.drill.verifiedAt = null;
    p.smoke = [{ name: "balances.sql", passed: false, detail: 'relation "ledger_balances" does not exist', durationMs: 4 }];
    p.failures = ['smoke check balances.sql failed: relation "ledger_balances" does not exist'];
  },
  "ledger-empty": (p) => {
    p.integrity.checks = [];
  },
  "ledger-future": (p) => {
    Object.assign(p.drill, { startedAt: "2026-11-01T03:00:00.000Z", restoreStartedAt: "2026-11-01T03:00:04.450Z", verifiedAt: "2026-11-01T03:00:46.950Z", finishedAt: "2026-11-01T03:00:47.300Z" });
    p.backup.time = "2026-11-01T03:00:01.250Z";
  },
  // Signed with the trusted key, yet impossible: what a drill cannot have written (RP-009 at the field).
  "ledger-impossible-passed-with-failures": (p) => {
    p.failures = ["1 of 3 tables differ from the source: public.entries"];
  },
  "ledger-impossible-integrity": (p) => {
    p.result = "failed";
    p.integrity.passed = false;
    p.failures = ["integrity failed"];
  },
  "ledger-impossible-restore-before-backup": (p) => {
    p.backup.time = "2026-10-20T04:00:00.000Z";
    p.measured.rpoSeconds = 0;
  },
  "ledger-impossible-verified-before-restore": (p) => {
    p.drill.verifiedAt = "2026-10-20T03:00:02.000Z";
  },
  "ledger-as-redis": (p) => {
    p.engine = "redis";
  },
  "orders-passed": (p) => {
    p.store = "orders-db";
  },
  "sessions-passed": (p) => {
    p.store = "sessions";
    p.engine = "redis";
    p.backup = { id: "rdb:redis://sessions.payments:6379/0@2026-10-25T03:00:00.100Z", time: "2026-10-25T03:00:00.100Z", method: "redis BGSAVE (RDB)", sizeBytes: 1048576 };
    Object.assign(p.drill, { startedAt: "2026-10-25T02:59:59.000Z", restoreStartedAt: "2026-10-25T03:00:01.000Z", verifiedAt: "2026-10-25T03:00:02.500Z", finishedAt: "2026-10-25T03:00:02.700Z", source: "redis://sessions.payments:6379/0", scratch: "redis://127.0.0.1:40111" });
    p.measured = { rtoSeconds: 1.5, rpoSeconds: 0.9 };
    p.integrity.checks = [
      { kind: "database", name: "db0", passed: true, source: { keys: 5000, volatileKeys: 4800 }, restored: { keys: 4990, volatileKeys: 4790 }, detail: "keys with a TTL expired before the copy loaded" },
      { kind: "key", name: "db0:session:42", passed: true, source: { type: "hash", digest: "f".repeat(64) }, restored: { type: "hash", digest: "f".repeat(64) } },
    ];
    p.smoke = [];
    p.tools = { "redis-server": "Redis server v=7.0.15", "resilience-gates": "0.1.0" };
  },
};

const out = join(data, "proofs");
mkdirSync(out, { recursive: true });
const write = (name: string, proof: unknown) => writeFileSync(join(out, `${name}.json`), `${JSON.stringify(proof, null, 2)}\n`);
for (const [name, mutate] of Object.entries(variants)) {
  const proof = base();
  mutate(proof);
  write(name, signProof(proof, key));
}
// Not signed at all.
write("ledger-unsigned", base());
// Signed, then the RTO made to look better: the signature no longer matches.
const tampered = signProof(base(), key);
tampered.measured.rtoSeconds = 12.5;
write("ledger-tampered", tampered);
// Signed with a key nobody trusts, claiming the trusted key's id.
const forged = signProof(base(), forger);
const trustedId = signProof(base(), key).signature.keyId;
write("ledger-forged", { ...forged, signature: { ...forged.signature, keyId: trustedId } });
// Not signed by anyone: a made-up signature.
write("ledger-bad-base64", { ...base(), signature: { algorithm: "ed25519", keyId: trustedId, value: "not-base64!" } });
// Missing the measured section: not a proof.
const { measured: _measured, ...incomplete } = signProof(base(), key);
write("ledger-incomplete", incomplete);
// Cut off in the middle of the upload.
const full = `${JSON.stringify(signProof(base(), key), null, 2)}\n`;
writeFileSync(join(out, "ledger-truncated.json"), full.slice(0, full.indexOf('"integrity"') + 40));
console.error(`wrote ${Object.keys(variants).length + 6} proofs to ${out}`);

// A signed proof must also be possible: whatever a real drill can write (assembleProof over any ordered
// instants and any checks) has no contradiction, and each class of impossible edit names its field.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assembleProof, type DrillOutcome, type RestoreProof } from "../../src/drill/proof.js";
import { proofContradictions } from "../../src/gates/restore-proofs/consistency.js";

const epoch = Date.parse("2026-10-20T03:00:00.000Z");

const outcome = fc
  .record({
    // Milliseconds after `epoch`: the backup, then the drill's start, the restore, verification, the end.
    backupOffset: fc.integer({ min: -86_400_000, max: 5_000 }),
    steps: fc.tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 7_200_000 }), fc.integer({ min: 0, max: 60_000 })),
    verified: fc.boolean(),
    checks: fc.array(fc.boolean(), { maxLength: 6 }),
    smoke: fc.array(fc.boolean(), { maxLength: 3 }),
    broke: fc.boolean(),
  })
  .map(({ backupOffset, steps: [toRestore, toVerify, toEnd], verified, checks, smoke, broke }) => {
    const startedAt = new Date(epoch);
    const restoreStartedAt = new Date(epoch + toRestore + Math.max(0, backupOffset));
    const verifiedAt = verified ? new Date(restoreStartedAt.getTime() + toVerify) : null;
    const finishedAt = new Date((verifiedAt ?? restoreStartedAt).getTime() + toEnd);
    const integrity = checks.map((passed, i) => ({ kind: "table" as const, name: `public.t${i}`, passed }));
    const smokeChecks = smoke.map((passed, i) => ({ name: `s${i}.sql`, passed }));
    const failures = [
      ...(broke ? ["restore drill broke: connection reset"] : []),
      ...(integrity.some((c) => !c.passed) ? ["tables differ"] : []),
      ...smokeChecks.filter((c) => !c.passed).map((c) => `smoke check ${c.name} failed`),
    ];
    const backupTime = new Date(epoch + backupOffset);
    const drill: DrillOutcome = {
      store: "ledger-db",
      engine: "postgres",
      backup: { id: "b", time: backupTime.toISOString(), method: "pg_dump -Fc" },
      source: "postgres://drill@db/ledger",
      startedAt,
      restoreStartedAt,
      verifiedAt,
      backupTime,
      integrityMethod: "count and checksum",
      checks: integrity,
      smoke: smokeChecks,
      tools: {},
      failures,
    };
    return assembleProof(drill, finishedAt);
  });

function edited(edit: (proof: RestoreProof) => void): RestoreProof {
  const proof = assembleProof(
    {
      store: "ledger-db",
      engine: "postgres",
      backup: { id: "b", time: "2026-10-20T03:00:01.250Z", method: "pg_dump -Fc" },
      source: "postgres://drill@db/ledger",
      startedAt: new Date("2026-10-20T03:00:00.000Z"),
      restoreStartedAt: new Date("2026-10-20T03:00:04.450Z"),
      verifiedAt: new Date("2026-10-20T03:00:46.950Z"),
      backupTime: new Date("2026-10-20T03:00:01.250Z"),
      integrityMethod: "count and checksum",
      checks: [{ kind: "table", name: "public.accounts", passed: true }],
      smoke: [{ name: "balances.sql", passed: true }],
      tools: {},
      failures: [],
    },
    new Date("2026-10-20T03:00:47.300Z"),
  );
  edit(proof);
  return proof;
}

const paths = (proof: RestoreProof) => proofContradictions(proof).map((c) => c.path.join("."));

describe("restore proofs that contradict themselves", () => {
  it("finds nothing in any proof a drill can assemble", () => {
    fc.assert(fc.property(outcome, (proof) => {
      expect(proofContradictions(proof)).toEqual([]);
    }), { numRuns: 2000, seed: 20261203 });
  });

  it("names the field of each impossible edit", () => {
    expect(paths(edited(() => {}))).toEqual([]);
    expect(paths(edited((p) => (p.failures = ["tables differ"])))).toEqual(["failures"]);
    expect(paths(edited((p) => ((p.drill.verifiedAt = null), (p.measured.rtoSeconds = null))))).toEqual(["drill.verifiedAt"]);
    expect(paths(edited((p) => (p.integrity.checks[0]!.passed = false)))).toEqual(["integrity.checks.0.passed", "integrity.passed"]);
    expect(paths(edited((p) => ((p.result = "failed"), (p.failures = ["x"]), (p.integrity.passed = false))))).toEqual(["integrity.passed"]);
    expect(paths(edited((p) => (p.smoke[0]!.passed = false)))).toEqual(["smoke.0.passed"]);
    expect(paths(edited((p) => (p.drill.startedAt = "2026-10-20T03:00:05.000Z")))).toEqual(["drill.restoreStartedAt"]);
    expect(paths(edited((p) => (p.drill.finishedAt = "2026-10-20T03:00:40.000Z")))).toEqual(["drill.finishedAt"]);
    expect(paths(edited((p) => ((p.backup.time = "2026-10-20T04:00:00.000Z"), (p.measured.rpoSeconds = 0))))).toEqual(["backup.time"]);
    expect(paths(edited((p) => (p.measured.rtoSeconds = 12.5)))).toEqual(["measured.rtoSeconds"]);
    expect(paths(edited((p) => (p.measured.rpoSeconds = 0.5)))).toEqual(["measured.rpoSeconds"]);
  });

  it("allows a backup clock up to five minutes ahead of the drill's, with an RPO of zero", () => {
    expect(paths(edited((p) => ((p.backup.time = "2026-10-20T03:04:00.000Z"), (p.measured.rpoSeconds = 0))))).toEqual([]);
    expect(paths(edited((p) => ((p.backup.time = "2026-10-20T03:05:05.000Z"), (p.measured.rpoSeconds = 0))))).toEqual(["backup.time"]);
  });
});

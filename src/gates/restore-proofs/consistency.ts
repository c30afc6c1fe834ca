import type { RestoreProof } from "../../drill/proof.js";
import type { PathSegment } from "../../sources/yaml.js";

/** A field of a proof that its other fields make impossible. */
export interface Contradiction {
  path: PathSegment[];
  message: string;
}

/** A proof's instants in epoch seconds, to the millisecond. */
interface ProofInstants {
  backup_time: number;
  drill_started: number;
  restore_started: number;
  drill_finished: number;
  verified_at: number | null;
}

/**
 * The backup may come from another machine's clock (the database server's, an RDB file's header), so it
 * may be ahead of the drill's by up to the grace policies/restore_proofs/lib.rego gives future proofs.
 * The drill's own instants share one clock and must be in order exactly.
 */
const CLOCK_SKEW_SECONDS = 300;
/** RTO and RPO are written to the millisecond from the same instants; more than that is not rounding. */
const ROUNDING_SECONDS = 0.0015;

/**
 * What a drill cannot have written (src/drill/proof.ts, `assembleProof`): a signature proves who wrote a
 * proof, not that it is true. Every contradiction names the field it makes impossible.
 */
export function proofContradictions(proof: RestoreProof): Contradiction[] {
  const at: ProofInstants = {
    backup_time: exact(proof.backup.time),
    drill_started: exact(proof.drill.startedAt),
    restore_started: exact(proof.drill.restoreStartedAt),
    drill_finished: exact(proof.drill.finishedAt),
    verified_at: proof.drill.verifiedAt === null ? null : exact(proof.drill.verifiedAt),
  };
  const found: Contradiction[] = [];
  const say = (path: PathSegment[], message: string) => found.push({ path, message });
  const { checks } = proof.integrity;

  if (proof.result === "passed") {
    if (proof.failures.length > 0) say(["failures"], `result is "passed" but failures lists ${proof.failures.length}: ${JSON.stringify(proof.failures[0])}`);
    if (proof.drill.verifiedAt === null) say(["drill", "verifiedAt"], `result is "passed" but verifiedAt is null: the restored copy was never verified`);
    const failedCheck = checks.findIndex((check) => !check.passed);
    if (failedCheck >= 0) say(["integrity", "checks", failedCheck, "passed"], `result is "passed" but integrity check ${checks[failedCheck]?.name} failed`);
    const failedSmoke = proof.smoke.findIndex((check) => !check.passed);
    if (failedSmoke >= 0) say(["smoke", failedSmoke, "passed"], `result is "passed" but smoke check ${proof.smoke[failedSmoke]?.name} failed`);
  }
  const allPassed = checks.every((check) => check.passed);
  if (proof.integrity.passed && !allPassed) {
    say(["integrity", "passed"], `integrity.passed is true but ${checks.filter((check) => !check.passed).length} of ${checks.length} checks failed`);
  } else if (!proof.integrity.passed && allPassed) {
    say(["integrity", "passed"], `integrity.passed is false but ${checks.length === 0 ? "it lists no check" : `every one of its ${checks.length} checks passed`}`);
  }

  const order: [keyof ProofInstants, string, keyof ProofInstants, string][] = [
    ["drill_started", "drill.startedAt", "restore_started", "drill.restoreStartedAt"],
    ["restore_started", "drill.restoreStartedAt", "verified_at", "drill.verifiedAt"],
    ["verified_at", "drill.verifiedAt", "drill_finished", "drill.finishedAt"],
    ["restore_started", "drill.restoreStartedAt", "drill_finished", "drill.finishedAt"],
  ];
  for (const [earlier, earlierName, later, laterName] of order) {
    const from = at[earlier];
    const to = at[later];
    if (from === null || to === null || to >= from) continue;
    const [, field] = laterName.split(".") as [string, string];
    say(["drill", field], `${laterName} ${instant(to)} is before ${earlierName} ${instant(from)}`);
  }
  if (at.backup_time > at.restore_started + CLOCK_SKEW_SECONDS) {
    say(["backup", "time"], `backup.time ${instant(at.backup_time)} is after drill.restoreStartedAt ${instant(at.restore_started)}: a restore cannot start before its backup exists`);
  }

  const { rtoSeconds, rpoSeconds } = proof.measured;
  if (at.verified_at === null) {
    if (rtoSeconds !== null) say(["measured", "rtoSeconds"], `rtoSeconds is ${rtoSeconds} but the drill was never verified (verifiedAt is null), so there is no RTO`);
  } else {
    const rto = at.verified_at - at.restore_started;
    if (rtoSeconds === null || Math.abs(rtoSeconds - rto) > ROUNDING_SECONDS) {
      say(["measured", "rtoSeconds"], `rtoSeconds is ${String(rtoSeconds)} but restoreStartedAt to verifiedAt is ${seconds(rto)} s`);
    }
  }
  const rpo = Math.max(0, at.restore_started - at.backup_time);
  if (Math.abs(rpoSeconds - rpo) > ROUNDING_SECONDS) {
    say(["measured", "rpoSeconds"], `rpoSeconds is ${rpoSeconds} but backup.time to restoreStartedAt is ${seconds(rpo)} s`);
  }
  return found;
}

/** The instant of a time the collector has already found to be a real calendar time. */
function exact(text: string): number {
  return Date.parse(text) / 1000;
}

function instant(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString();
}

function seconds(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

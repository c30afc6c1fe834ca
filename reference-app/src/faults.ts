/**
 * Fault injection: FAIL_MODE makes a share of requests fail, SLOW_MODE adds latency. Both come from the
 * environment and can be changed at run time through the admin endpoint, so a test or a load run can make
 * the app miss its SLO on purpose.
 *
 * FAIL_MODE: "off" | "<ratio>" (0..1, answers 500) | "<status>" (400..599, every request) | "<ratio>:<status>"
 * SLOW_MODE: "off" | "<ms>" | "<min>-<max>" (uniformly drawn per request)
 */

export interface FailMode {
  ratio: number;
  status: number;
}

export interface SlowMode {
  minMs: number;
  maxMs: number;
}

export class FaultSpecError extends Error {
  override name = "FaultSpecError";
}

const OFF = new Set(["", "off", "none", "0", "false"]);

export function parseFailMode(spec: string): FailMode | null {
  const text = spec.trim().toLowerCase();
  if (OFF.has(text)) return null;
  const [left, right, ...rest] = text.split(":");
  if (rest.length > 0 || left === undefined) throw new FaultSpecError(`FAIL_MODE ${JSON.stringify(spec)} has too many parts`);
  if (right !== undefined) {
    return { ratio: parseRatio(left, spec), status: parseStatus(right, spec) };
  }
  if (/^\d{3}$/.test(left)) return { ratio: 1, status: parseStatus(left, spec) };
  return { ratio: parseRatio(left, spec), status: 500 };
}

function parseRatio(text: string, spec: string): number {
  const percent = text.endsWith("%");
  const value = Number(percent ? text.slice(0, -1) : text);
  const ratio = percent ? value / 100 : value;
  if (!/^\d*\.?\d+%?$/.test(text) || !Number.isFinite(ratio) || ratio < 0 || ratio > 1) {
    throw new FaultSpecError(`FAIL_MODE ${JSON.stringify(spec)}: the ratio must be between 0 and 1 (or 0% and 100%)`);
  }
  return ratio;
}

function parseStatus(text: string, spec: string): number {
  const status = Number(text);
  if (!/^\d{3}$/.test(text) || status < 400 || status > 599) {
    throw new FaultSpecError(`FAIL_MODE ${JSON.stringify(spec)}: the status must be between 400 and 599`);
  }
  return status;
}

export function parseSlowMode(spec: string): SlowMode | null {
  const text = spec.trim().toLowerCase().replace(/ms$/, "");
  if (OFF.has(text)) return null;
  const match = /^(\d+)(?:-(\d+))?$/.exec(text);
  if (!match) throw new FaultSpecError(`SLOW_MODE ${JSON.stringify(spec)} must be milliseconds ("250") or a range ("100-400")`);
  const minMs = Number(match[1]);
  const maxMs = match[2] === undefined ? minMs : Number(match[2]);
  if (maxMs < minMs) throw new FaultSpecError(`SLOW_MODE ${JSON.stringify(spec)}: the range is reversed`);
  if (maxMs > 120_000) throw new FaultSpecError(`SLOW_MODE ${JSON.stringify(spec)}: at most 120000 ms`);
  if (maxMs === 0) return null;
  return { minMs, maxMs };
}

/** The live fault settings of one process. */
export class Faults {
  fail: FailMode | null = null;
  slow: SlowMode | null = null;
  failSpec = "off";
  slowSpec = "off";

  constructor(failSpec: string, slowSpec: string) {
    this.set({ failMode: failSpec, slowMode: slowSpec });
  }

  /** Validates both before applying either, so a bad request changes nothing. */
  set(change: { failMode?: string | null | undefined; slowMode?: string | null | undefined }): void {
    const failSpec = change.failMode === undefined ? this.failSpec : (change.failMode ?? "off");
    const slowSpec = change.slowMode === undefined ? this.slowSpec : (change.slowMode ?? "off");
    const fail = parseFailMode(failSpec);
    const slow = parseSlowMode(slowSpec);
    this.fail = fail;
    this.slow = slow;
    this.failSpec = fail ? failSpec.trim() : "off";
    this.slowSpec = slow ? slowSpec.trim() : "off";
  }

  /** Milliseconds to add to this request (0 when SLOW_MODE is off). */
  delayMs(random: () => number = Math.random): number {
    if (!this.slow) return 0;
    const { minMs, maxMs } = this.slow;
    return Math.round(minMs + (maxMs - minMs) * random());
  }

  /** The status to fail this request with, or null to serve it. */
  failure(random: () => number = Math.random): number | null {
    if (!this.fail || this.fail.ratio <= 0) return null;
    return random() < this.fail.ratio ? this.fail.status : null;
  }

  describe(): { failMode: string; slowMode: string; fail: FailMode | null; slow: SlowMode | null } {
    return { failMode: this.failSpec, slowMode: this.slowSpec, fail: this.fail, slow: this.slow };
  }
}

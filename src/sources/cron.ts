import { CronExpressionParser, type CronExpression } from "cron-parser";
import { parseGoDuration } from "./duration.js";

/**
 * Backup schedules as the controllers that run them read them, and the worst-case gap between two runs
 * with real calendar semantics: the schedule's time zone, daylight-saving transitions, month lengths,
 * leap years, and the day-of-month OR day-of-week rule of cron.
 *
 * Dialects:
 * - `standard`: Kubernetes CronJob and Velero (robfig/cron `ParseStandard`): five fields, the
 *   descriptors `@yearly @annually @monthly @weekly @daily @midnight @hourly`, and `@every <Go duration>`.
 *   A `CRON_TZ=<zone>` or `TZ=<zone>` prefix sets the time zone.
 * - `seconds`: CloudNativePG ScheduledBackup: six fields, seconds first, the last (day of week) optional;
 *   a five-field value is therefore read as `sec min hour dom month`, which is almost never meant.
 * - `k8up`: standard plus the randomized descriptors `@hourly-random` ... `@yearly-random`, which k8up turns
 *   into a fixed but unknown time; their worst case is taken over every time k8up could pick.
 */
export type CronDialect = "standard" | "seconds" | "k8up";

export interface ParsedSchedule {
  /** The schedule as written. */
  text: string;
  /** How it was written, for messages. */
  form: "cron" | "descriptor" | "every" | "random";
  /** Number of cron fields as written (5 or 6), 0 for descriptors and @every. */
  fields: number;
  /** The six-field (seconds first) expression judged, or undefined for @every. */
  expression?: string;
  /** For @every: the fixed interval. */
  everySeconds?: number;
  /** Time zone from a CRON_TZ= / TZ= prefix. */
  prefixTimeZone?: string;
  /** For randomized k8up descriptors, the known worst case (independent of the random pick). */
  randomWorstCaseSeconds?: number;
}

export class ScheduleError extends Error {
  override readonly name = "ScheduleError";
}

const DESCRIPTORS: Record<string, string> = {
  "@yearly": "0 0 0 1 1 *",
  "@annually": "0 0 0 1 1 *",
  "@monthly": "0 0 0 1 * *",
  "@weekly": "0 0 0 * * 0",
  "@daily": "0 0 0 * * *",
  "@midnight": "0 0 0 * * *",
  "@hourly": "0 0 * * * *",
};

const DAY = 86_400;

/**
 * k8up's randomized descriptors pick a fixed minute (and hour, day, month) from a hash of the schedule.
 * The gap does not depend on the minute or hour picked; for a monthly pick on day 1-27 the longest month
 * is 31 days; for a yearly pick, 366 days (a year that contains 29 February).
 */
const K8UP_RANDOM: Record<string, { expression: string; worstCase?: number }> = {
  "@hourly-random": { expression: "0 0 * * * *" },
  "@daily-random": { expression: "0 0 0 * * *" },
  "@midnight-random": { expression: "0 0 0 * * *" },
  "@weekly-random": { expression: "0 0 0 * * 0" },
  "@monthly-random": { expression: "0 0 0 1 * *", worstCase: 31 * DAY },
  "@yearly-random": { expression: "0 0 0 1 1 *", worstCase: 366 * DAY },
  "@annually-random": { expression: "0 0 0 1 1 *", worstCase: 366 * DAY },
};

/** Parses a schedule in a dialect; a ScheduleError says what is wrong in words a user can act on. */
export function parseSchedule(raw: string, dialect: CronDialect): ParsedSchedule {
  let text = raw.trim();
  let prefixTimeZone: string | undefined;
  const prefix = /^(CRON_TZ|TZ)=(\S+)\s+(.*)$/.exec(text);
  if (prefix) {
    prefixTimeZone = prefix[2];
    text = (prefix[3] ?? "").trim();
  }
  const base = { text: raw, ...(prefixTimeZone ? { prefixTimeZone } : {}) };
  if (text.startsWith("@every")) {
    const duration = text.slice("@every".length).trim();
    const seconds = parseGoDuration(duration);
    if (seconds === undefined || seconds < 1) {
      throw new ScheduleError(`@every needs a Go duration of at least 1s (like 6h or 1h30m), not ${JSON.stringify(duration)}`);
    }
    return { ...base, form: "every", fields: 0, everySeconds: Math.round(seconds) };
  }
  if (text.startsWith("@")) {
    const random = dialect === "k8up" ? K8UP_RANDOM[text] : undefined;
    if (random) {
      return { ...base, form: "random", fields: 0, expression: random.expression, ...(random.worstCase ? { randomWorstCaseSeconds: random.worstCase } : {}) };
    }
    const expression = DESCRIPTORS[text];
    if (!expression) {
      const known = [...Object.keys(DESCRIPTORS), "@every <duration>", ...(dialect === "k8up" ? Object.keys(K8UP_RANDOM) : [])];
      throw new ScheduleError(`unknown descriptor ${text}; known: ${known.join(", ")}`);
    }
    return { ...base, form: "descriptor", fields: 0, expression };
  }
  const parts = text.split(/\s+/).filter(Boolean);
  let expression: string;
  if (dialect === "seconds") {
    if (parts.length === 5) expression = `${parts.join(" ")} *`;
    else if (parts.length === 6) expression = parts.join(" ");
    else throw new ScheduleError(`expected six fields (second minute hour day-of-month month day-of-week), found ${parts.length}`);
  } else {
    if (parts.length !== 5) throw new ScheduleError(`expected five fields (minute hour day-of-month month day-of-week), found ${parts.length}`);
    expression = `0 ${parts.join(" ")}`;
  }
  if (/[LW#?H]/i.test(expression.replace(/\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|sun|mon|tue|wed|thu|fri|sat)\b/gi, ""))) {
    throw new ScheduleError("L, W, #, ? and H are not cron syntax the controller understands");
  }
  try {
    CronExpressionParser.parse(expression, { tz: "UTC", currentDate: new Date(0) });
  } catch (error) {
    throw new ScheduleError((error as Error).message.replace(/^Error: /, ""));
  }
  return { ...base, form: "cron", fields: parts.length, expression };
}

/** Whether the IANA time zone exists in this runtime's tz database. */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at an instant, in milliseconds (local wall clock minus UTC). */
export function zoneOffsetMs(zone: string, at: number): number {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(zone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(at))) if (part.type !== "literal") parts[part.type] = Number(part.value);
  const wall = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  return wall - (at - (((at % 1000) + 1000) % 1000));
}

export interface GapAnalysis {
  /** The longest time between two consecutive runs that touch the window, in seconds. */
  maxGapSeconds: number;
  /** Start of that longest gap (epoch seconds): the run before it. */
  gapStart: number;
  /** The shortest time between two consecutive runs, in seconds. */
  minGapSeconds: number;
  /** The window judged, epoch seconds. */
  windowStart: number;
  windowEnd: number;
}

/**
 * The worst-case gap between consecutive runs of a schedule over one year from `from` (366 days, so every
 * DST transition and every month length is met; the gaps that straddle either end count too).
 *
 * Runs are the chain cron-parser produces in the schedule's time zone, each run the `next()` of the one
 * before, which is how a controller schedules. Enumerating every run of a five-minute schedule for a year
 * takes seconds, so the chain is walked in strides: between two runs on the same local day with no UTC
 * offset change in between, the runs are exactly the times of day of the hour/minute/second fields, so
 * the walk jumps to the last of them and takes the longest gap between consecutive times of day on the
 * way; cron-parser then gives the next run (across midnight, a skipped day or a DST change).
 */
export function worstCaseGap(schedule: ParsedSchedule, zone: string, from: Date, days = 366): GapAnalysis {
  const windowStart = Math.floor(from.getTime() / 1000);
  const windowEnd = windowStart + days * DAY;
  if (schedule.everySeconds !== undefined) {
    return { maxGapSeconds: schedule.everySeconds, minGapSeconds: schedule.everySeconds, gapStart: windowStart, windowStart, windowEnd };
  }
  if (!schedule.expression) throw new ScheduleError("no expression to judge");
  if (!isValidTimeZone(zone)) throw new ScheduleError(`unknown time zone ${zone}`);
  if (schedule.randomWorstCaseSeconds !== undefined) {
    // k8up picks the time in the operator's zone (UTC); the worst case over every pick is known.
    const representative = worstCaseGap({ ...schedule, randomWorstCaseSeconds: undefined }, "UTC", from, days);
    return { ...representative, maxGapSeconds: Math.max(representative.maxGapSeconds, schedule.randomWorstCaseSeconds) };
  }
  const cron = CronExpressionParser.parse(schedule.expression, { tz: zone, currentDate: from });
  const times = timesOfDay(cron);
  const changes = offsetChanges(zone, from.getTime() - 2 * DAY * 1000, (windowEnd + 2 * DAY) * 1000);
  const step = (fn: () => { getTime(): number }, after: number): number => {
    try {
      return fn().getTime();
    } catch (error) {
      const message = (error as Error).message;
      throw new ScheduleError(
        /loop limit/i.test(message)
          ? `no run found after ${new Date(after).toISOString()} (the schedule never runs, or not within years)`
          : message,
      );
    }
  };

  const end = windowEnd * 1000;
  cron.reset(from);
  let run = step(() => cron.prev(), from.getTime());
  let best = { gap: 0, start: run };
  let shortest = Number.POSITIVE_INFINITY;
  const consider = (earlier: number, later: number) => {
    if (later - earlier > best.gap) best = { gap: later - earlier, start: earlier };
    if (later - earlier < shortest) shortest = later - earlier;
  };
  while (run <= end) {
    // Stride through the rest of this local day while the offset stays the same.
    const offset = zoneOffsetMs(zone, run);
    const wall = run + offset;
    const dayStartWall = wall - (((wall % (DAY * 1000)) + DAY * 1000) % (DAY * 1000));
    const secondOfDay = Math.round((wall - dayStartWall) / 1000);
    const nextChange = changes.find((change) => change > run) ?? Number.POSITIVE_INFINITY;
    const stretchEnd = Math.min(dayStartWall + DAY * 1000 - offset, nextChange);
    const at = lowerBound(times, secondOfDay);
    if (times[at] === secondOfDay) {
      let index = at;
      while (index + 1 < times.length && dayStartWall + (times[index + 1] as number) * 1000 - offset < stretchEnd) {
        consider(dayStartWall + (times[index] as number) * 1000 - offset, dayStartWall + (times[index + 1] as number) * 1000 - offset);
        index++;
      }
      run = dayStartWall + (times[index] as number) * 1000 - offset;
    }
    cron.reset(new Date(run));
    const next = step(() => cron.next(), run);
    consider(run, next);
    run = next;
  }
  return {
    maxGapSeconds: Math.round(best.gap / 1000),
    minGapSeconds: Math.round(shortest / 1000),
    gapStart: Math.floor(best.start / 1000),
    windowStart,
    windowEnd,
  };
}

/** Seconds after local midnight at which the schedule fires on a day it runs at all, sorted. */
function timesOfDay(cron: CronExpression): number[] {
  const { hour, minute, second } = cron.fields;
  const times: number[] = [];
  for (const h of hour.values) for (const mi of minute.values) for (const s of second.values) times.push(Number(h) * 3600 + Number(mi) * 60 + Number(s));
  return [...new Set(times)].sort((a, b) => a - b);
}

function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((sorted[mid] as number) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

const changeCache = new Map<string, number[]>();

/** The instants (to the second) in [start, end) at which the zone's UTC offset changes. */
function offsetChanges(zone: string, start: number, end: number): number[] {
  const key = `${zone}|${start}|${end}`;
  const cached = changeCache.get(key);
  if (cached) return cached;
  const changes: number[] = [];
  const hour = 3600 * 1000;
  let previous = zoneOffsetMs(zone, start);
  for (let t = start + hour; t < end + hour; t += hour) {
    const current = zoneOffsetMs(zone, t);
    if (current === previous) continue;
    let low = t - hour;
    let high = t;
    while (high - low > 1000) {
      const mid = Math.floor((low + high) / 2000) * 1000;
      if (mid <= low) break;
      if (zoneOffsetMs(zone, mid) === previous) low = mid;
      else high = mid;
    }
    changes.push(high);
    previous = current;
  }
  if (changeCache.size > 64) changeCache.clear();
  changeCache.set(key, changes);
  return changes;
}

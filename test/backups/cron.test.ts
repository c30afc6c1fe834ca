import { CronExpressionParser } from "cron-parser";
import { describe, expect, it } from "vitest";
import { parseSchedule, ScheduleError, worstCaseGap, type CronDialect } from "../../src/sources/cron.js";
import { formatDuration, parseCatalogDuration, parseGoDuration } from "../../src/sources/duration.js";

const FROM = new Date("2026-11-01T00:00:00Z");
const HOUR = 3600;
const DAY = 86_400;

function gap(schedule: string, zone = "UTC", dialect: CronDialect = "standard"): number {
  return worstCaseGap(parseSchedule(schedule, dialect), zone, FROM).maxGapSeconds;
}

/** Every run for a year, one next() after the other: slow, obviously right. */
function bruteForce(expression: string, zone: string): number {
  const cron = CronExpressionParser.parse(expression, { tz: zone, currentDate: FROM });
  let last = cron.prev().getTime();
  cron.reset(new Date(last));
  let max = 0;
  const end = FROM.getTime() + 366 * DAY * 1000;
  for (;;) {
    const next = cron.next().getTime();
    max = Math.max(max, next - last);
    last = next;
    if (next > end) return max / 1000;
  }
}

describe("worst-case gap between runs", () => {
  it("is the interval for regular schedules", () => {
    expect(gap("*/15 * * * *")).toBe(15 * 60);
    expect(gap("0 * * * *")).toBe(HOUR);
    expect(gap("0 */6 * * *")).toBe(6 * HOUR);
    expect(gap("@daily")).toBe(DAY);
    expect(gap("@midnight")).toBe(DAY);
    expect(gap("@weekly")).toBe(7 * DAY);
  });

  it("finds the long gap of uneven hour lists", () => {
    expect(gap("0 1,2,23 * * *")).toBe(22 * HOUR - 1 * HOUR);
    expect(gap("30 0-3 * * *")).toBe(21 * HOUR);
  });

  it("counts a DST change: a daily 02:30 run in Europe/Berlin is 25h apart when the clocks go back", () => {
    expect(gap("30 2 * * *", "Europe/Berlin")).toBe(25 * HOUR);
    expect(gap("0 0 * * *", "America/New_York")).toBe(25 * HOUR);
    expect(gap("30 2 * * *", "UTC")).toBe(24 * HOUR);
    // Sub-daily schedules are unaffected in whole-hour zones...
    expect(gap("*/5 * * * *", "Europe/Berlin")).toBe(300);
    // ...but not in Lord Howe's half-hour DST, where a :00/:30 run is skipped in the repeated half hour.
    expect(gap("0,30 * * * *", "Australia/Lord_Howe")).toBe(HOUR);
  });

  it("follows the calendar: months, weekdays, leap days, day-of-month OR day-of-week", () => {
    expect(gap("0 0 1 * *")).toBe(31 * DAY);
    expect(gap("0 3 * * 1-5", "Europe/London")).toBe(3 * DAY + HOUR);
    expect(gap("0 0 29 2 *")).toBe((366 + 365 + 365 + 365) * DAY);
    expect(gap("0 0 1,15 * 1")).toBe(7 * DAY);
  });

  it("reads CloudNativePG's six fields, seconds first, and five fields the way CloudNativePG does", () => {
    expect(gap("0 0 0 * * *", "UTC", "seconds")).toBe(DAY);
    expect(gap("*/30 * * * * *", "UTC", "seconds")).toBe(30);
    const five = parseSchedule("0 0 * * *", "seconds");
    expect(five.fields).toBe(5);
    expect(five.expression).toBe("0 0 * * * *");
    expect(worstCaseGap(five, "UTC", FROM).maxGapSeconds).toBe(HOUR);
  });

  it("takes @every, CRON_TZ prefixes and k8up's randomized descriptors", () => {
    expect(gap("@every 45m")).toBe(45 * 60);
    expect(gap("@every 1h30m")).toBe(90 * 60);
    expect(parseSchedule("CRON_TZ=Europe/Berlin 30 2 * * *", "standard").prefixTimeZone).toBe("Europe/Berlin");
    expect(gap("@hourly-random", "UTC", "k8up")).toBe(HOUR);
    expect(gap("@daily-random", "UTC", "k8up")).toBe(DAY);
    expect(gap("@monthly-random", "UTC", "k8up")).toBe(31 * DAY);
    expect(gap("@yearly-random", "UTC", "k8up")).toBe(366 * DAY);
    expect(() => parseSchedule("@daily-random", "standard")).toThrow(ScheduleError);
  });

  it("refuses what the controllers refuse", () => {
    expect(() => parseSchedule("0 25 * * *", "standard")).toThrow(/25/);
    expect(() => parseSchedule("0 0 * * * *", "standard")).toThrow(/five fields/);
    expect(() => parseSchedule("0 0 * *", "seconds")).toThrow(/six fields/);
    expect(() => parseSchedule("0 0 L * *", "standard")).toThrow(/L, W/);
    expect(() => parseSchedule("@every soon", "standard")).toThrow(/Go duration/);
    expect(() => parseSchedule("@fortnightly", "standard")).toThrow(/unknown descriptor/);
    expect(() => worstCaseGap(parseSchedule("0 0 * * *", "standard"), "Mars/Olympus", FROM)).toThrow(/time zone/);
  });

  it.each([
    ["30 2 * * *", "Europe/Berlin"],
    ["0 */6 * * *", "America/New_York"],
    ["17 1,13 * * 1-5", "Europe/London"],
    ["0 0 * * *", "America/Santiago"],
    ["0 2 * * 0", "Asia/Tehran"],
    ["0,30 * * * *", "Australia/Lord_Howe"],
    ["45 23 * * *", "Pacific/Auckland"],
  ])("matches brute force for %s in %s", (expression, zone) => {
    expect(gap(expression, zone)).toBe(bruteForce(`0 ${expression}`, zone));
  });

  it("judges a five-minute schedule for a year quickly", () => {
    const started = performance.now();
    expect(gap("*/5 * * * *", "America/New_York")).toBe(300);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe("durations", () => {
  it("parses catalog and Go durations and formats them for messages", () => {
    expect(parseCatalogDuration("1h30m")).toBe(5400);
    expect(parseCatalogDuration("90d")).toBe(90 * DAY);
    expect(parseCatalogDuration("2w")).toBe(14 * DAY);
    expect(parseCatalogDuration("1.5h")).toBeUndefined();
    expect(parseGoDuration("720h0m0s")).toBe(720 * HOUR);
    expect(parseGoDuration("1.5h")).toBe(5400);
    expect(parseGoDuration("30d")).toBeUndefined();
    expect(formatDuration(45)).toBe("45s");
    expect(formatDuration(1800)).toBe("30m");
    expect(formatDuration(3600)).toBe("1h00m");
    expect(formatDuration(90000)).toBe("25h00m");
    expect(formatDuration(90 * DAY)).toBe("90d");
  });
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { detectFormat, naturalCompare, orderMigrations } from "../../src/gates/migrations/order.js";

const root = mkdtempSync(join(tmpdir(), "rg-mig-order-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function files(directory: string, names: string[], extra: Record<string, string> = {}) {
  const base = join(root, directory);
  for (const name of [...names, ...Object.keys(extra)]) {
    mkdirSync(dirname(join(base, name)), { recursive: true });
    writeFileSync(join(base, name), extra[name] ?? "SELECT 1;\n");
  }
  return names.map((name) => ({ path: join(base, name), shown: `${directory}/${name}` }));
}

describe("naming schemes", () => {
  it("orders Flyway versions numerically, undo files aside, repeatables last", () => {
    const given = files("flyway", ["V10__ten.sql", "V9__nine.sql", "V1.1__one_one.sql", "V1__one.sql", "R__views.sql", "R__audit.sql", "U9__undo_nine.sql", "V2_5__two_five.sql"]);
    expect(detectFormat(given.map((f) => f.path))).toBe("flyway");
    const ordered = orderMigrations(given, "flyway");
    expect(ordered.map((f) => basename(f.path))).toEqual([
      "V1__one.sql",
      "V1.1__one_one.sql",
      "V2_5__two_five.sql",
      "V9__nine.sql",
      "V10__ten.sql",
      "R__audit.sql",
      "R__views.sql",
    ]);
    expect(basename(ordered.find((f) => f.version === "9")?.rollbackFile ?? "")).toBe("U9__undo_nine.sql");
  });

  it("reads a Flyway script's executeInTransaction=false", () => {
    const given = files("flyway-conf", ["V1__index.sql"], { "V1__index.sql.conf": "executeInTransaction=false\n" });
    expect(orderMigrations(given, "flyway")[0]?.transactionOverride).toBe("none");
  });

  it("refuses duplicate Flyway versions", () => {
    const given = files("flyway-dup", ["V1__a.sql", "V1.0__b.sql"]);
    expect(() => orderMigrations(given, "flyway")).toThrow(/version 1.0 is used twice|version 1 is used twice/);
  });

  it("orders Prisma folders by name and pairs down.sql", () => {
    const given = files("prisma", ["20240301000000_b/migration.sql", "20240101000000_a/migration.sql"], { "20240301000000_b/down.sql": "SELECT 1;" });
    expect(detectFormat(given.map((f) => f.path))).toBe("prisma");
    const ordered = orderMigrations(given, "prisma");
    expect(ordered.map((f) => f.version)).toEqual(["20240101000000_a", "20240301000000_b"]);
    expect(ordered[1]?.rollbackFile).toMatch(/20240301000000_b\/down\.sql$/);
  });

  it("orders golang-migrate versions numerically and pairs .down.sql", () => {
    const given = files("golang", ["10_ten.up.sql", "2_two.up.sql", "2_two.down.sql", "1_one.up.sql"]);
    expect(detectFormat(given.map((f) => f.path))).toBe("golang-migrate");
    const ordered = orderMigrations(given, "golang-migrate");
    expect(ordered.map((f) => basename(f.path))).toEqual(["1_one.up.sql", "2_two.up.sql", "10_ten.up.sql"]);
    expect(basename(ordered[1]?.rollbackFile ?? "")).toBe("2_two.down.sql");
  });

  it("keeps plain files in the given order and finds x.down.sql", () => {
    const given = files("plain", ["b.sql", "a.sql", "a.down.sql"]);
    expect(detectFormat(given.map((f) => f.path))).toBe("plain");
    const ordered = orderMigrations(given, "plain");
    expect(ordered.map((f) => basename(f.path))).toEqual(["b.sql", "a.sql"]);
    expect(basename(ordered[1]?.rollbackFile ?? "")).toBe("a.down.sql");
  });

  it("compares digit runs as numbers", () => {
    expect(["10_a.sql", "9_a.sql", "009_b.sql", "1_a.sql"].sort(naturalCompare)).toEqual(["1_a.sql", "9_a.sql", "009_b.sql", "10_a.sql"]);
  });
});

import { describe, expect, it } from "vitest";
import { statementNames } from "./postgres-adapter.server";

// PostgreSQL's named statements: one name per statement text, the same on every connection, and
// never more names than the limit, so no connection keeps an unbounded set of prepared statements.
describe("statement names", () => {
  it("names each text once, the same name every time, within PostgreSQL's 63-byte identifiers", () => {
    const name = statementNames();
    const a = name({ sql: `SELECT "id" FROM "Claim" WHERE "id" = $1` });
    const b = name({ sql: `SELECT "id" FROM "Article" WHERE "id" = $1` });
    expect(a).toMatch(/^claimdesk_[0-9a-f]{32}$/);
    expect(b).not.toBe(a);
    expect(name({ sql: `SELECT "id" FROM "Claim" WHERE "id" = $1` })).toBe(a);
    expect(Buffer.byteLength(a)).toBeLessThanOrEqual(63);
    // Two processes (or a restart) name the same text alike.
    expect(statementNames()({ sql: `SELECT "id" FROM "Claim" WHERE "id" = $1` })).toBe(a);
  });

  it("leaves texts beyond the limit unnamed, and keeps naming the ones it named", () => {
    const name = statementNames(3);
    const named = ["SELECT 1", "SELECT 2", "SELECT 3"].map((sql) => name({ sql }));
    expect(named.every(Boolean)).toBe(true);
    expect(name({ sql: "SELECT 4" })).toBeUndefined();
    expect(name({ sql: "SELECT 5" })).toBeUndefined();
    expect(name({ sql: "SELECT 2" })).toBe(named[1]);
  });
});

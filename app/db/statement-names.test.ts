import { describe, expect, it } from "vitest";
import { PLAN_EACH_RUN, statementNames } from "./postgres-adapter.server";

// PostgreSQL's named statements: one name per statement text, the same on every connection, and
// never more names than the limit, so no connection keeps an unbounded set of prepared statements.
const query = (sql: string, args: unknown[] = [1]) => ({ sql, args });

describe("statement names", () => {
  it("names each text once, the same name every time and in every process", () => {
    const name = statementNames();
    const a = name(query(`SELECT "id" FROM "Claim" WHERE "id" = $1`));
    const b = name(query(`SELECT "id" FROM "Article" WHERE "id" = $1`));
    expect(a).toMatch(/^claimdesk_[0-9a-f]{32}$/);
    expect(b).toMatch(/^claimdesk_[0-9a-f]{32}$/);
    expect(b).not.toBe(a);
    expect(name(query(`SELECT "id" FROM "Claim" WHERE "id" = $1`))).toBe(a);
    expect(statementNames()(query(`SELECT "id" FROM "Claim" WHERE "id" = $1`))).toBe(a);
  });

  it("leaves texts beyond the limit unnamed, and keeps naming the ones it named", () => {
    const name = statementNames(3);
    const named = ["SELECT 1", "SELECT 2", "SELECT 3"].map((sql) => name(query(sql)));
    expect(named.every(Boolean)).toBe(true);
    expect(name(query("SELECT 4"))).toBeUndefined();
    expect(name(query("SELECT 5"))).toBeUndefined();
    expect(name(query("SELECT 2"))).toBe(named[1]);
  });

  it("leaves bulk statements unnamed: each batch size is its own text, with hundreds of parameters", () => {
    const name = statementNames();
    const rows = Array.from({ length: 300 }, (_, i) => `($${2 * i + 1}, $${2 * i + 2})`).join(", ");
    const args = Array.from({ length: 600 }, (_, i) => i);
    expect(
      name(query(`INSERT INTO "ClaimMention" ("claimId", "userId") VALUES ${rows}`, args)),
    ).toBeUndefined();
    expect(name(query(`SELECT ${"1, ".repeat(2_000)}1`, []))).toBeUndefined();
  });

  it("leaves statements marked to be planned each run unnamed, so PostgreSQL never plans them generically", () => {
    const name = statementNames();
    const sql = `${PLAN_EACH_RUN} WITH "newest" AS MATERIALIZED (SELECT "id" FROM "Claim" WHERE "search" @@ $1) SELECT 1`;
    expect(name(query(sql))).toBeUndefined();
    expect(name(query(sql))).toBeUndefined();
    expect(name(query(sql.replace(PLAN_EACH_RUN, "")))).toMatch(/^claimdesk_/);
  });
});

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { keepPreparedStatements } from "./statement-cache.server";
import { useFreshDatabase } from "./testing.server";

// Prisma's better-sqlite3 adapter, on a real file: the statement cache reaches into its
// connection, so a newer adapter that moves it fails here rather than going slow unnoticed.
async function connect() {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "claimdesk-statements-")), "test.db");
  const adapter = await new PrismaBetterSqlite3({ url: `file:${file}` }).connect();
  const client = (adapter as unknown as { client: { prepare: (sql: string) => unknown } }).client;
  const prepared: string[] = [];
  const prepare = client.prepare.bind(client);
  client.prepare = (sql: string) => {
    prepared.push(sql);
    return prepare(sql);
  };
  return { adapter, prepared };
}

const query = (sql: string, args: unknown[] = []) => ({
  sql,
  args,
  argTypes: args.map(() => ({ scalarType: "int" as const, arity: "scalar" as const })),
});

describe("the statement cache", () => {
  it("prepares each statement once and runs it with each call's own arguments", async () => {
    const { adapter, prepared } = await connect();
    expect(keepPreparedStatements(adapter)).toBe(true);
    await adapter.executeScript(`CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1), (2), (3);`);
    const select = `SELECT n FROM t WHERE n >= ? ORDER BY n`;
    const results = [];
    for (const from of [1, 2, 3, 4, 2]) results.push((await adapter.queryRaw(query(select, [from]))).rows);
    expect(results).toEqual([[[1], [2], [3]], [[2], [3]], [[3]], [], [[2], [3]]]);
    const insert = `INSERT INTO t VALUES (?)`;
    for (const n of [7, 8]) expect(await adapter.executeRaw(query(insert, [n]))).toBe(1);
    expect((await adapter.queryRaw(query(`SELECT COUNT(*) AS c FROM t`))).rows).toEqual([[5]]);
    // Two transactions, as Prisma runs them (it sends COMMIT itself): BEGIN is a statement too.
    for (const n of [9, 10]) {
      const transaction = await adapter.startTransaction();
      await transaction.executeRaw(query(insert, [n]));
      await transaction.executeRaw(query("COMMIT"));
      await transaction.commit();
    }
    expect((await adapter.queryRaw(query(select, [9]))).rows).toEqual([[9], [10]]);
    expect(prepared.filter((sql) => sql === select)).toHaveLength(1);
    expect(prepared.filter((sql) => sql === insert)).toHaveLength(1);
    expect(prepared.filter((sql) => sql === "BEGIN")).toHaveLength(1);
    await adapter.dispose();
  });

  it("holds at most its size, the least recently used leaving first", async () => {
    const { adapter, prepared } = await connect();
    keepPreparedStatements(adapter, 2);
    const [a, b, c] = ["SELECT 1", "SELECT 2", "SELECT 3"];
    for (const sql of [a, b, a, c, a, b]) await adapter.queryRaw(query(sql));
    // a stays (used again before c came); b left when c came, and is prepared again.
    expect(prepared).toEqual([a, b, c, b]);
  });

  it("leaves bulk statements out: each batch size is its own text, with hundreds of parameters", async () => {
    const { adapter, prepared } = await connect();
    keepPreparedStatements(adapter);
    const bulk = `SELECT ${Array.from({ length: 300 }, () => "?").join(", ")}`;
    const args = Array.from({ length: 300 }, (_, i) => i);
    for (let i = 0; i < 2; i++) await adapter.queryRaw(query(bulk, args));
    expect(prepared.filter((sql) => sql === bulk)).toHaveLength(2);
  });

  it("is what the app's own client runs its statements through", async () => {
    await useFreshDatabase();
    const prepare = Database.prototype.prepare;
    const prepared: string[] = [];
    Database.prototype.prepare = function (this: Database.Database, sql: string) {
      prepared.push(sql);
      return prepare.call(this, sql);
    } as typeof prepare;
    try {
      const { db } = await import("./client.server");
      for (let i = 0; i < 3; i++) expect(await db().user.count()).toBe(0);
    } finally {
      Database.prototype.prepare = prepare;
    }
    expect(prepared.filter((sql) => /COUNT/.test(sql) && /User/.test(sql))).toHaveLength(1);
  });

  it("leaves an adapter without a connection where it expects one as it is", () => {
    const adapter = { queryRaw: () => undefined };
    expect(keepPreparedStatements(adapter)).toBe(false);
    expect(Object.keys(adapter)).toEqual(["queryRaw"]);
  });
});

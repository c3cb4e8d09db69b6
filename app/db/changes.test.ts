import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { useFreshDatabase } from "./testing.server";

const file = useFreshDatabase();
const { databaseChanges } = await import("./changes.server");
const { db } = await import("./client.server");

describe("the database's change counter", () => {
  it("stays the same while nothing is committed, and moves with every commit, from any connection", async () => {
    const first = databaseChanges();
    await db().user.count();
    expect(databaseChanges()).toBe(first);

    await db().user.create({
      data: { email: "a@changes.test", name: "A", role: "viewer", passwordHash: "" },
    });
    const afterOwn = databaseChanges();
    expect(afterOwn).not.toBe(first);

    const other = new Database(file);
    other.prepare(`UPDATE "User" SET "name" = 'B' WHERE "email" = 'a@changes.test'`).run();
    other.close();
    expect(databaseChanges()).not.toBe(afterOwn);
  });
});

import { describe, expect, it } from "vitest";
import { databaseKind } from "../utils/config.server";
import { runOnOtherConnection, useFreshDatabase } from "./testing.server";

await useFreshDatabase();
const { databaseChanges } = await import("./changes.server");
const { db } = await import("./client.server");

/**
 * Whether a read leaves the counter where it was. PostgreSQL's counter is the cluster's snapshot,
 * which every commit in any of its databases moves, and the other test files commit in theirs
 * meanwhile: there, some of a few tries must find it unmoved (a read that moved it would move it
 * every time). SQLite's file is this test's own: one try.
 */
async function readLeavesItUnmoved(): Promise<boolean> {
  const tries = databaseKind() === "postgres" ? 20 : 1;
  for (let i = 0; i < tries; i++) {
    const before = await databaseChanges();
    await db().user.count();
    if ((await databaseChanges()) === before) return true;
  }
  return false;
}

describe("the database's change counter", () => {
  it("stays the same while nothing is committed, and moves with every commit, from any connection", async () => {
    expect(await readLeavesItUnmoved()).toBe(true);
    const first = await databaseChanges();

    await db().user.create({
      data: { email: "a@changes.test", name: "A", role: "viewer", passwordHash: "" },
    });
    const afterOwn = await databaseChanges();
    expect(afterOwn).not.toBe(first);

    await runOnOtherConnection(`UPDATE "User" SET "name" = 'B' WHERE "email" = 'a@changes.test'`);
    expect(await databaseChanges()).not.toBe(afterOwn);
  });
});

import { describe, expect, it } from "vitest";
import { runOnOtherConnection, useFreshDatabase } from "./testing.server";

await useFreshDatabase();
const { databaseChanges } = await import("./changes.server");
const { db } = await import("./client.server");

describe("the database's change counter", () => {
  it("stays the same while nothing is committed, and moves with every commit, from any connection", async () => {
    const first = await databaseChanges();
    await db().user.count();
    expect(await databaseChanges()).toBe(first);

    await db().user.create({
      data: { email: "a@changes.test", name: "A", role: "viewer", passwordHash: "" },
    });
    const afterOwn = await databaseChanges();
    expect(afterOwn).not.toBe(first);

    await runOnOtherConnection(`UPDATE "User" SET "name" = 'B' WHERE "email" = 'a@changes.test'`);
    expect(await databaseChanges()).not.toBe(afterOwn);
  });
});

import { expect, it } from "vitest";
import { useFreshDatabase } from "../db/testing.server";

// Seeding writes the article, its claims and both versions in one transaction. A write that fails
// on the way (here a trigger makes the database refuse the second version; a killed process or a
// failing disk stops it the same way) leaves nothing behind, and the next start seeds it whole.
await useFreshDatabase();
const { db } = await import("../db/client.server");
const { seedIfEmpty } = await import("./seed.server");
const { versionHistory } = await import("../publishing/publications.server");

it("leaves the database empty when seeding fails part way, and seeds it whole next time", async () => {
  await db().$executeRawUnsafe(
    `CREATE TRIGGER refuse_second_version BEFORE INSERT ON "Publication" WHEN NEW."number" = 2
     BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`,
  );
  // The trigger's abort reads as a constraint failure: the app's conflict error.
  await expect(seedIfEmpty()).rejects.toMatchObject({ status: 409 });
  expect(await db().article.count()).toBe(0);
  expect(await db().claim.count()).toBe(0);
  expect(await db().publication.count()).toBe(0);
  expect(await db().auditEvent.count()).toBe(0);

  await db().$executeRawUnsafe(`DROP TRIGGER refuse_second_version`);
  expect(await seedIfEmpty()).toBe(true);
  const history = await versionHistory({ slug: "alibaba-ai-chip" });
  expect(history.map((h) => [h.number, h.changeKind])).toEqual([
    [1, "correction"],
    [2, "update"],
  ]);
  expect(await db().article.count()).toBe(1);
});

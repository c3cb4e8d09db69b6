import { describe, expect, it } from "vitest";
import { useFreshDatabase } from "./testing.server";

// Prisma's "not found" and constraint errors, raised on a real SQLite file, reach callers as the
// app's own UserError with 404 or 409 and a message, which every route turns into an answer.
await useFreshDatabase();
const { db } = await import("./client.server");
const { UserError } = await import("../utils/errors");
const { setExerciseStatus } = await import("../classroom/exercises.server");

const user = (email: string) => ({ email, name: email, role: "viewer", passwordHash: "" });

async function failureOf(work: Promise<unknown>) {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as InstanceType<typeof UserError>;
}

describe("Prisma errors", () => {
  it("a missing record (P2025) is a 404 with a message, also inside a transaction", async () => {
    expect(
      (await failureOf(db().exercise.update({ where: { id: 999 }, data: { status: "closed" } }))).status,
    ).toBe(404);
    expect((await failureOf(db().$transaction((tx) => tx.user.delete({ where: { id: 999 } })))).status).toBe(
      404,
    );
    const closing = await failureOf(setExerciseStatus(999, "closed"));
    expect(closing.status).toBe(404);
    expect(closing.message).toMatch(/no longer exists|no such/i);
  });

  it("a duplicate (P2002) and a missing reference (P2003) are 409s with a message", async () => {
    await db().user.create({ data: user("twice@errors.test") });
    const duplicate = await failureOf(db().user.create({ data: user("twice@errors.test") }));
    expect(duplicate.status).toBe(409);
    const orphan = await failureOf(
      db().evidence.create({ data: { claimId: 12345, url: "https://example.org", stance: "supports" } }),
    );
    expect(orphan.status).toBe(409);
  });
});

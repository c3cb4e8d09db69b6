import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../db/testing.server";

await useFreshDatabase();
const { db } = await import("../db/client.server");
const { seedIfEmpty } = await import("../startup/seed.server");
const { createUser } = await import("../auth/users.server");
const { createExercise } = await import("../classroom/exercises.server");
const { loader } = await import("./student");

let realCode = "";

beforeAll(async () => {
  await seedIfEmpty();
  const teacher = await createUser({
    email: "teacher@student.test",
    name: "Teacher",
    role: "educator",
    password: "a long password",
  });
  const publication = await db().publication.findFirstOrThrow({ include: { article: true } });
  const claimIds = (JSON.parse(publication.snapshot) as { claims: Array<{ id: number }> }).claims
    .map((c) => c.id)
    .slice(0, 1);
  const exercise = await createExercise(
    { slug: publication.article.slug, title: "Limits", instructions: "", mode: "marked", claimIds },
    { id: teacher.id, email: teacher.email, name: teacher.name, role: "educator" },
  );
  realCode = exercise.code;
});

/** Opens /x/CODE through the real loader and returns the status it answers with. */
async function open(code: string, address: string): Promise<number> {
  try {
    await loader({
      request: new Request(`http://localhost/x/${code}`),
      params: { code },
      context: { clientAddress: address },
    } as never);
    return 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

const guess = (i: number) => `ABCDE${String(i).padStart(5, "2").replace(/[01]/g, "3")}`;

describe("looking up exercise codes at /x/CODE", () => {
  it("limits an address to 30 unknown codes in ten minutes, counting parallel guesses in full", async () => {
    const statuses = await Promise.all(Array.from({ length: 200 }, (_, i) => open(guess(i), "203.0.113.9")));
    expect(statuses.filter((s) => s === 404)).toHaveLength(30);
    expect(statuses.filter((s) => s === 429)).toHaveLength(170);
    expect(await open(realCode, "203.0.113.9")).toBe(429);
    expect(await open(guess(1), "203.0.113.10")).toBe(404);
  });

  it("never counts opening a real exercise", async () => {
    for (let i = 0; i < 50; i++) expect(await open(realCode, "203.0.113.20")).toBe(200);
    for (let i = 0; i < 30; i++) expect(await open(guess(i), "203.0.113.20")).toBe(404);
    expect(await open(guess(99), "203.0.113.20")).toBe(429);
  });
});

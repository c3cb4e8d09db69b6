import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../db/testing.server";

await useFreshDatabase();
const { db } = await import("../db/client.server");
const { seedIfEmpty } = await import("../startup/seed.server");
const { createUser } = await import("../auth/users.server");
const { createExercise } = await import("./exercises.server");
const { exerciseForTeacher, listExercises } = await import("./teachers.server");
const { manageExercise } = await import("./manage.server");

type Actor = { id: number; email: string; name: string; role: "educator" | "admin" | "editor" };
const people: Record<string, Actor> = {};
let exerciseId = 0;

async function person(key: string, role: Actor["role"]) {
  const user = await createUser({ email: `${key}@own.test`, name: key, role, password: "a long password" });
  people[key] = { id: user.id, email: user.email, name: user.name, role };
}

const status = (work: Promise<unknown>) =>
  work.then(
    () => 200,
    (error: { status?: number }) => error.status ?? 500,
  );

beforeAll(async () => {
  await seedIfEmpty();
  await person("owner", "educator");
  await person("colleague", "educator");
  await person("other", "educator");
  await person("admin", "admin");
  const publication = await db().publication.findFirstOrThrow({ include: { article: true } });
  const claimIds = (JSON.parse(publication.snapshot) as { claims: Array<{ id: number }> }).claims
    .map((c) => c.id)
    .slice(0, 2);
  exerciseId = (
    await createExercise(
      { slug: publication.article.slug, title: "Owned", instructions: "", mode: "marked", claimIds },
      people.owner!,
    )
  ).id;
});

describe("exercises belong to their teachers", () => {
  it("another educator can neither see nor manage an exercise, nor find it in their list", async () => {
    expect(await status(exerciseForTeacher(exerciseId, people.other!))).toBe(403);
    expect(await status(manageExercise(exerciseId, { intent: "close" }, people.other!))).toBe(403);
    expect(
      await status(
        manageExercise(exerciseId, { intent: "add-teacher", email: "other@own.test" }, people.other!),
      ),
    ).toBe(403);
    expect((await listExercises(people.other!)).map((e) => e.id)).not.toContain(exerciseId);
    expect((await db().exercise.findUniqueOrThrow({ where: { id: exerciseId } })).status).toBe("open");
  });

  it("its owner adds a co-teacher, who then sees and manages it; admins see every exercise", async () => {
    expect(await status(exerciseForTeacher(exerciseId, people.owner!))).toBe(200);
    expect(await status(exerciseForTeacher(exerciseId, people.colleague!))).toBe(403);
    expect(
      await manageExercise(exerciseId, { intent: "add-teacher", email: "Colleague@own.test" }, people.owner!),
    ).toBe("teacher-added");
    expect(await status(exerciseForTeacher(exerciseId, people.colleague!))).toBe(200);
    expect((await listExercises(people.colleague!)).map((e) => e.id)).toContain(exerciseId);
    expect(await manageExercise(exerciseId, { intent: "close" }, people.colleague!)).toBe("closed");
    expect(await status(exerciseForTeacher(exerciseId, people.admin!))).toBe(200);
    expect((await listExercises(people.admin!)).map((e) => e.id)).toContain(exerciseId);
    await manageExercise(
      exerciseId,
      { intent: "remove-teacher", user: String(people.colleague!.id) },
      people.owner!,
    );
    expect(await status(exerciseForTeacher(exerciseId, people.colleague!))).toBe(403);
  });

  it("answers a co-teacher or answer that is not a row id with a 400 and a sentence, not a database error", async () => {
    await manageExercise(exerciseId, { intent: "add-teacher", email: "colleague@own.test" }, people.owner!);
    for (const user of ["abc", "", "1e400", "1.5", "-1", "0", "9007199254740993", undefined]) {
      const values: Record<string, string> = { intent: "remove-teacher" };
      if (user !== undefined) values.user = user;
      await expect(manageExercise(exerciseId, values, people.owner!), `user=${user}`).rejects.toMatchObject({
        status: 400,
        message: "That co-teacher is not known. Reload the page and choose them again.",
      });
      await expect(
        manageExercise(exerciseId, { intent: "delete-submission", submission: user ?? "" }, people.owner!),
      ).rejects.toMatchObject({ status: 400 });
    }
    expect(await status(exerciseForTeacher(exerciseId, people.colleague!))).toBe(200);
    await manageExercise(
      exerciseId,
      { intent: "remove-teacher", user: String(people.colleague!.id) },
      people.owner!,
    );
  });

  it("refuses a co-teacher who has no educator's account, with the field marked", async () => {
    await expect(
      manageExercise(exerciseId, { intent: "add-teacher", email: "nobody@own.test" }, people.owner!),
    ).rejects.toMatchObject({ status: 400, fields: { email: expect.any(String) } });
  });

  it("lets its teachers edit what students read, and only its maker or an admin delete it", async () => {
    await expect(
      manageExercise(exerciseId, { intent: "edit", title: " ", instructions: "" }, people.owner!),
    ).rejects.toMatchObject({ status: 400, fields: { title: "Give the exercise a title." } });
    expect(
      await manageExercise(
        exerciseId,
        { intent: "edit", title: "Owned, renamed", instructions: "Read **twice**." },
        people.owner!,
      ),
    ).toBe("edited");
    expect(await db().exercise.findUniqueOrThrow({ where: { id: exerciseId } })).toMatchObject({
      title: "Owned, renamed",
      instructions: "Read **twice**.",
    });
    await manageExercise(exerciseId, { intent: "add-teacher", email: "colleague@own.test" }, people.owner!);
    await expect(
      manageExercise(exerciseId, { intent: "delete-exercise", confirm: "yes" }, people.colleague!),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      manageExercise(exerciseId, { intent: "delete-exercise" }, people.owner!),
    ).rejects.toMatchObject({
      status: 400,
    });
    expect(
      await manageExercise(exerciseId, { intent: "delete-exercise", confirm: "yes" }, people.owner!),
    ).toBe("exercise-deleted");
    expect(await db().exercise.findUnique({ where: { id: exerciseId } })).toBeNull();
    expect(await db().exerciseTeacher.count({ where: { exerciseId } })).toBe(0);
  });
});

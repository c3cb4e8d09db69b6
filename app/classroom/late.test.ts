import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../db/testing.server";

await useFreshDatabase();
const { db } = await import("../db/client.server");
const { seedIfEmpty } = await import("../startup/seed.server");
const { createUser } = await import("../auth/users.server");
const { createExercise, exerciseById, results, submit } = await import("./exercises.server");
const { manageExercise } = await import("./manage.server");
const { studentsCsv } = await import("./csv.server");
const { localTime } = await import("./due");

type Actor = { id: number; email: string; name: string; role: "educator" };
let teacher: Actor;
let slug = "";
let claimIds: number[] = [];
const HOUR = 3_600_000;

/** The first student's "late" cell in the students CSV, found by its header. */
async function lateCell(exercise: Parameters<typeof studentsCsv>[0]) {
  const [header, first] = (await studentsCsv(exercise))
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
  return first!.split(",")[header!.split(",").indexOf('"late"')];
}

beforeAll(async () => {
  await seedIfEmpty();
  const user = await createUser({
    email: "due@late.test",
    name: "Due",
    role: "educator",
    password: "a long password",
  });
  teacher = { id: user.id, email: user.email, name: user.name, role: "educator" };
  const publication = await db().publication.findFirstOrThrow({ include: { article: true } });
  slug = publication.article.slug;
  claimIds = (JSON.parse(publication.snapshot) as { claims: Array<{ id: number }> }).claims
    .map((c) => c.id)
    .slice(0, 1);
});

const exerciseDue = async (dueAt: Date | null) =>
  (await exerciseById(
    (
      await createExercise(
        { slug, title: "Due", instructions: "", mode: "marked", claimIds, dueAt, dueZone: "Europe/Paris" },
        teacher,
      )
    ).id,
  ))!;
const answer = [
  { unit: 1, verdict: "accurate" as const, source: "official-records" as const, evidence: "", reason: "" },
];

describe("a due time", () => {
  it("accepts answers after it and marks them late; answers before it are on time", async () => {
    const past = await exerciseDue(new Date(Date.now() - HOUR));
    await submit(past, "Lena", answer, "device-lena-000000000000");
    const future = await exerciseDue(new Date(Date.now() + HOUR));
    await submit(future, "Omar", answer, "device-omar-000000000000");
    expect((await results(past)).submissions.map((s) => [s.displayName, s.late])).toEqual([["Lena", true]]);
    expect((await results(future)).submissions.map((s) => [s.displayName, s.late])).toEqual([
      ["Omar", false],
    ]);
    expect(await lateCell(past)).toBe('"yes"');
    expect(await lateCell(future)).toBe('"no"');
  });

  it("is set, moved and removed by editing, in the educator's zone; a malformed one is refused", async () => {
    const exercise = await exerciseDue(null);
    await submit(exercise, "Ines", answer, "device-ines-000000000000");
    expect((await results(exercise)).submissions[0]!.late).toBe(false);
    expect(await lateCell(exercise)).toBe('""');
    const edit = (due: string) =>
      manageExercise(
        exercise.id,
        { intent: "edit", title: "Due", instructions: "", due, dueZone: "Europe/Paris" },
        teacher,
      );
    // Moved to an hour ago: Ines answered after it.
    await edit(localTime(new Date(Date.now() - HOUR), "Europe/Paris"));
    const moved = (await exerciseById(exercise.id))!;
    expect(moved.dueZone).toBe("Europe/Paris");
    expect(Math.abs(moved.dueAt!.getTime() - (Date.now() - HOUR))).toBeLessThan(2 * 60_000);
    expect((await results(moved)).submissions[0]!.late).toBe(true);
    await expect(edit("next week")).rejects.toMatchObject({
      status: 400,
      fields: { due: expect.stringMatching(/date and a time/) },
    });
    await edit("");
    const removed = (await exerciseById(exercise.id))!;
    expect(removed.dueAt).toBeNull();
    expect((await results(removed)).submissions[0]!.late).toBe(false);
  });

  it("counts a change sent after it as late: the answers that count came late", async () => {
    const exercise = await exerciseDue(new Date(Date.now() + HOUR));
    await submit(exercise, "Tom", answer, "device-tom0-000000000000");
    await db().exercise.update({ where: { id: exercise.id }, data: { dueAt: new Date(Date.now() - 1000) } });
    const passed = (await exerciseById(exercise.id))!;
    // Sent before the (new) due time: on time.
    await db().submission.updateMany({
      where: { exerciseId: exercise.id },
      data: { sentAt: new Date(Date.now() - HOUR) },
    });
    expect((await results(passed)).submissions[0]!.late).toBe(false);
    await submit(passed, "Tom", answer, "device-tom0-000000000000");
    expect((await results(passed)).submissions[0]!.late).toBe(true);
  });
});

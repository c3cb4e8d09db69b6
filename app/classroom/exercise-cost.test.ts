import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../db/testing.server";
import { routeArgs } from "../routes/testing.server";

// What one request to an exercise costs: its article is split once and kept (by what it is made
// from), a wrong result link is refused before anything is split, and a long article is split
// in the parser's workers. Through the real routes, database and workers.
await useFreshDatabase();
const { db } = await import("../db/client.server");
const { seedIfEmpty } = await import("../startup/seed.server");
const { createUser } = await import("../auth/users.server");
const { createOwnExercise, readOwnArticle } = await import("./own-article.server");
const { exerciseByCode, exerciseById, insertExercise, submit } = await import("./exercises.server");
const { manageExercise } = await import("./manage.server");
const { forgetExerciseContent, keptExerciseContent, MAX_SENTENCES_TO_MARK, SPLIT_OFF_LOOP_FROM } =
  await import("./exercise-text.server");
const { sentenceUnits } = await import("./compare");
const { parser } = await import("../importing/parser.server");
const { loader: resultLoader } = await import("../routes/student-result");

let actor = { id: 0, email: "", name: "", role: "educator" as const };

const SENTENCES = [
  "The council installed 120 panels on the library roof in March.",
  "Officials say the panels will cut the library's power bill by 40% a year.",
  "Residents can visit the roof on open days.",
];
/** An article of `length` characters or more, one paragraph of three sentences per line. */
const articleOf = (length: number) => {
  const lines: string[] = ["Town halls go solar"];
  for (let i = 0; lines.join("\n").length < length; i++) lines.push(`${SENTENCES.join(" ")} Part ${i}.`);
  return lines.join("\n");
};

async function ownExercise(text: string, mode: "article" | "marked" = "article") {
  const read = await readOwnArticle({ articleTitle: "Solar", outlet: "", sourceUrl: "", text });
  const panels = read.units.find((u) => u.text.startsWith("The council installed"))!.index;
  return createOwnExercise(
    {
      articleTitle: "Solar",
      text,
      title: "Check the solar story",
      mode,
      [`key-${panels}`]: "on",
      [`verdict-${panels}`]: "accurate",
      [`rationale-${panels}`]: "The council's minutes list 120 panels.",
    },
    actor,
    read,
  );
}

async function resultPage(code: string, token: string) {
  const request = new Request(`http://localhost/x/${code}/r/${token}`);
  try {
    return { status: 200, data: await resultLoader(routeArgs(request, { code, token })) };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, data: null };
    throw thrown;
  }
}

beforeAll(async () => {
  await seedIfEmpty();
  const user = await createUser({
    email: "cost@school.test",
    name: "Olive",
    role: "educator",
    password: "a long password",
  });
  actor = { id: user.id, email: user.email, name: user.name, role: "educator" };
});

afterAll(() => parser.close());

describe("an exercise's article is split once, not for every request", () => {
  it("answers a wrong result link before reading or splitting the exercise's article", async () => {
    const exercise = await ownExercise(articleOf(2_000));
    const view = (await exerciseByCode(exercise.code))!;
    const { token } = await submit(
      view,
      "Ada",
      [{ unit: view.counted[0]!.number - 1, verdict: "accurate", source: "official-records" }],
      "device-of-ada-000000000",
    );
    forgetExerciseContent();
    for (const guess of ["guess", "", token.slice(1)])
      expect((await resultPage(exercise.code, guess)).status).toBe(404);
    // A real token for another exercise's code is as wrong.
    const other = await ownExercise(articleOf(1_000));
    expect((await resultPage(other.code, token)).status).toBe(404);
    expect(keptExerciseContent().size).toBe(0);

    const page = await resultPage(exercise.code, token);
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ displayName: "Ada", revealed: false });
    expect(keptExerciseContent().size).toBe(1);
  });

  it("keeps the split for every later request, and reads what teachers edit fresh", async () => {
    const exercise = await ownExercise(articleOf(3_000));
    const first = (await exerciseByCode(exercise.code))!;
    const again = (await exerciseById(exercise.id))!;
    expect(again.units).toBe(first.units);
    expect(again.snapshot).toBe(first.snapshot);
    expect(first.units.map((u) => u.text)).toEqual(
      sentenceUnits(first.snapshot.article.markdown, first.counted, "en").map((u) => u.text),
    );

    await manageExercise(
      exercise.id,
      { intent: "edit", title: "Renamed", instructions: "Read it twice.", due: "" },
      actor,
    );
    await manageExercise(exercise.id, { intent: "close" }, actor);
    const edited = (await exerciseByCode(exercise.code))!;
    expect(edited).toMatchObject({ title: "Renamed", instructions: "Read it twice.", status: "closed" });
    expect(edited.units).toBe(first.units);
  });

  it("splits again when what is split changes: the mode or the claims that count", async () => {
    const exercise = await ownExercise(articleOf(3_000));
    const before = (await exerciseById(exercise.id))!;
    expect(before.mode).toBe("article");
    await db().exercise.update({ where: { id: exercise.id }, data: { mode: "marked" } });
    const marked = (await exerciseById(exercise.id))!;
    expect(marked.units.map((u) => u.text)).toEqual(before.counted.map((c) => c.quote));
    await db().exercise.update({ where: { id: exercise.id }, data: { claimIds: "[]" } });
    expect((await exerciseById(exercise.id))!.counted).toEqual([]);
  });

  it("keeps a bounded number of characters, however many long exercises are opened", async () => {
    const template = JSON.parse(
      (await db().exercise.findUniqueOrThrow({ where: { id: (await ownExercise(articleOf(500))).id } }))
        .snapshot!,
    ) as { article: { markdown: string } };
    const paragraph = `${SENTENCES.join(" ")}\n\n`;
    template.article.markdown = paragraph.repeat(Math.ceil(2_000_000 / paragraph.length));
    const codes: string[] = [];
    for (let i = 0; i < 4; i++) {
      const row = await insertExercise({
        snapshot: JSON.stringify(template),
        title: `Long ${i}`,
        instructions: "",
        mode: "article",
        askSource: false,
        claimIds: "[]",
        createdById: actor.id,
      });
      codes.push(row.code);
    }
    for (const code of codes) expect((await exerciseByCode(code))!.units.length).toBeGreaterThan(20_000);
    const kept = keptExerciseContent();
    expect(kept.weight).toBeLessThanOrEqual(12_000_000);
    expect(kept.size).toBeLessThan(codes.length);
  });
});

describe("a long article is split in the parser's workers", () => {
  it("reads an educator's long article and its exercise off the event loop, with the same sentences", async () => {
    await parser.close();
    // Long enough for the workers, short enough for students to mark sentence by sentence.
    const text = articleOf(SPLIT_OFF_LOOP_FROM + 500);
    const read = await readOwnArticle({ articleTitle: "Solar", outlet: "", sourceUrl: "", text });
    expect(parser.idleWorkers()).toBe(1);
    expect(read.units.length).toBeLessThanOrEqual(MAX_SENTENCES_TO_MARK);
    expect(read.units.map((u) => u.text)).toEqual(sentenceUnits(read.markdown, [], "en").map((u) => u.text));

    await parser.close();
    const exercise = await ownExercise(text);
    await parser.close();
    forgetExerciseContent();
    const view = (await exerciseById(exercise.id))!;
    expect(parser.idleWorkers()).toBe(1);
    expect(view.units.map((u) => [u.index, u.text])).toEqual(read.units.map((u) => [u.index, u.text]));

    await parser.close();
    const short = await ownExercise(articleOf(SPLIT_OFF_LOOP_FROM / 4));
    await exerciseById(short.id);
    expect(parser.idleWorkers()).toBe(0);
  });
});

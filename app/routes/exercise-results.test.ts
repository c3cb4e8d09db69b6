import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../db/testing.server";
import { routeArgs } from "./testing.server";

// What a teacher learns from an exercise's results beyond the answer key: the sentences students
// marked that it does not count (on the page and in both CSV files), and one student's whole
// answer sheet, for the exercise's teachers only. Through the real routes and a real database.
await useFreshDatabase();
const { db } = await import("../db/client.server");
const { seedIfEmpty } = await import("../startup/seed.server");
const { createUser } = await import("../auth/users.server");
const { startSession } = await import("../auth/session.server");
const { createExercise, exerciseById, submit } = await import("../classroom/exercises.server");
const { manageExercise } = await import("../classroom/manage.server");
const { createOwnExercise, readOwnArticle } = await import("../classroom/own-article.server");
const { compare } = await import("../classroom/compare");
const { parser } = await import("../importing/parser.server");
const results = await import("./exercise");
const csv = await import("./exercise.csv");
const sheet = await import("./exercise.student");
const studentPage = await import("./student");

/** The teacher's page lists at most this many sentences outside the key (literal, so the test means the same on old code). */
const SHOWN = 15;

type Person = { id: number; email: string; name: string; role: "educator"; cookie: string };
const people: Record<string, Person> = {};
let exerciseId = 0;
let slug = "";
let seedClaims: Array<{ id: number; number: number }> = [];
/** Sentences of the article-mode exercise: ones the key counts, and ones it does not. */
let keyUnit = 0;
let others: number[] = [];
const submissionIds: Record<string, number> = {};

async function person(key: string) {
  const user = await createUser({
    email: `${key}@results.test`,
    name: key,
    role: "educator",
    password: "a long password",
  });
  const cookie = (await startSession(user.id, new Request("http://localhost/login"))).split(";")[0]!;
  people[key] = { id: user.id, email: user.email, name: user.name, role: "educator", cookie };
}

/** A teacher's GET through a route's real loader: its data, or the status it refused with. */
async function get(route: { loader: (args: never) => Promise<unknown> }, path: string, who: string) {
  const request = new Request(`http://localhost${path}`, { headers: { cookie: people[who]!.cookie } });
  const params = Object.fromEntries(
    Object.entries({ id: path.split("/")[2], submission: path.split("/")[4] }).filter(([, v]) => v),
  ) as Record<string, string>;
  try {
    return { status: 200, data: (await route.loader(routeArgs(request, params))) as never };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, data: null as never };
    throw thrown;
  }
}

const answer = (unit: number, verdict: string, reason = "") => ({
  unit,
  verdict: verdict as "accurate",
  source: "expert" as const,
  evidence: "",
  reason,
});

beforeAll(async () => {
  await seedIfEmpty();
  for (const key of ["owner", "colleague", "stranger"]) await person(key);
  const publication = await db().publication.findFirstOrThrow({ include: { article: true } });
  slug = publication.article.slug;
  seedClaims = (JSON.parse(publication.snapshot) as { claims: Array<{ id: number; number: number }> }).claims;
  exerciseId = (
    await createExercise(
      {
        slug,
        title: "Find the claims",
        instructions: "",
        mode: "article",
        claimIds: seedClaims.map((c) => c.id),
      },
      people.owner!,
    )
  ).id;
  await manageExercise(exerciseId, { intent: "add-teacher", email: "colleague@results.test" }, people.owner!);
  const exercise = (await exerciseById(exerciseId))!;
  const outside = (index: number) =>
    compare(exercise.units, exercise.counted, [answer(index, "accurate")]).added.length === 1;
  others = exercise.units.filter((u) => outside(u.index)).map((u) => u.index);
  keyUnit = exercise.units.find((u) => !outside(u.index))!.index;
  expect(others.length).toBeGreaterThan(SHOWN + 1);
  // Three students: all mark the same non-claim (two call it Misleading), one another, one a real claim.
  const sent = [
    ["Mia", [answer(others[1]!, "misleading", '=HYPERLINK("http://x")'), answer(others[0]!, "accurate")]],
    ["Mia B.", [answer(others[1]!, "misleading")]],
    ["Noor", [answer(others[1]!, "accurate"), answer(keyUnit, "accurate")]],
  ] as const;
  for (const [name, answers] of sent) {
    await submit(exercise, name, [...answers], `device-${name.replace(/\W/g, "")}-00000000000000000`);
    submissionIds[name] = (await db().submission.findFirstOrThrow({ where: { displayName: name } })).id;
  }
});

afterAll(() => parser.close());

describe("sentences students marked that the answer key does not count", () => {
  it("are on the teacher's results page, the most marked first, with how many marked each and their verdicts", async () => {
    const page = await get(results, `/exercises/${exerciseId}`, "owner");
    expect(page.status).toBe(200);
    const { otherMarks } = page.data as {
      otherMarks: {
        total: number;
        shown: Array<{ unit: { index: number }; students: number; verdicts: unknown[] }>;
      };
    };
    expect(otherMarks.total).toBe(2);
    expect(
      otherMarks.shown.map((m) => ({ index: m.unit.index, students: m.students, verdicts: m.verdicts })),
    ).toEqual([
      {
        index: others[1],
        students: 3,
        verdicts: [
          { verdict: "misleading", count: 2 },
          { verdict: "accurate", count: 1 },
        ],
      },
      { index: others[0], students: 1, verdicts: [{ verdict: "accurate", count: 1 }] },
    ]);
  });

  it("are in the answers CSV as rows outside the key, formula-safe, and counted in the students CSV", async () => {
    const answers = await get(csv, `/exercises/${exerciseId}/results.csv`, "owner");
    const text = await (answers.data as Response).text();
    const [header, ...rows] = text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(header).toMatch(/"student_link","in_answer_key"$/);
    const exercise = (await exerciseById(exerciseId))!;
    const sentence = (index: number) =>
      exercise.units.find((u) => u.index === index)!.text.replace(/"/g, '""');
    const outside = rows.filter((r) => r.endsWith(',"no"'));
    expect(outside).toHaveLength(4);
    expect(outside).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^"Mia","[^"]+","","${sentence(others[1]!).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}","","Misleading","An independent expert","","","'=HYPERLINK\\(""http://x""\\)","","no"$`,
        ),
      ),
    );
    // Every counted claim still has its row per student, marked as in the key.
    expect(rows.filter((r) => r.endsWith(',"yes"'))).toHaveLength(3 * seedClaims.length);

    const students = await get(csv, `/exercises/${exerciseId}/students.csv`, "owner");
    const [studentsHeader, ...studentRows] = (await (students.data as Response).text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(studentsHeader).toMatch(/"late","other_sentences_marked"$/);
    expect(studentRows.map((r) => [r.split(",")[0], r.split(",").at(-1)])).toEqual([
      ['"Mia"', '"2"'],
      ['"Mia B."', '"1"'],
      ['"Noor"', '"1"'],
    ]);
  });

  it("are listed up to a page, the total said, however many sentences the class marked", async () => {
    const exercise = (await exerciseById(exerciseId))!;
    await submit(
      exercise,
      "Zoë",
      others.slice(2).map((index) => answer(index, "mixed")),
      "device-zoe-0000000000000000000000",
    );
    const { otherMarks } = (await get(results, `/exercises/${exerciseId}`, "owner")).data as {
      otherMarks: { total: number; shown: Array<{ unit: { index: number }; students: number }> };
    };
    expect(otherMarks.total).toBe(others.length);
    expect(otherMarks.shown).toHaveLength(SHOWN);
    expect(otherMarks.shown[0]!.unit.index).toBe(others[1]);
    // Then in reading order among sentences marked as often.
    const rest = otherMarks.shown.slice(1).map((m) => m.unit.index);
    expect(rest).toEqual([...rest].sort((a, b) => a - b));
    await db().submission.deleteMany({ where: { displayName: "Zoë" } });
  });
});

describe("one student's answer sheet", () => {
  it("opens for the exercise's teachers from the students table: the comparison the student gets", async () => {
    for (const who of ["owner", "colleague"]) {
      const opened = await get(sheet, `/exercises/${exerciseId}/students/${submissionIds["Mia"]}`, who);
      expect(opened.status, who).toBe(200);
      const data = opened.data as {
        displayName: string;
        comparison: { found: number; added: Array<{ unit: { index: number }; verdict: string }> };
      };
      expect(data.displayName).toBe("Mia");
      expect(data.comparison.found).toBe(0);
      expect(data.comparison.added.map((a) => [a.unit.index, a.verdict])).toEqual([
        [others[1], "misleading"],
        [others[0], "accurate"],
      ]);
    }
    // Opening it shows the teacher the key, never the student: their answers stay open to change.
    const mia = await db().submission.findUniqueOrThrow({ where: { id: submissionIds["Mia"] } });
    expect(mia.revealedAt).toBeNull();
  });

  it("is refused to an educator who does not teach the exercise, and is not found under another exercise", async () => {
    const path = `/exercises/${exerciseId}/students/${submissionIds["Noor"]}`;
    expect((await get(sheet, path, "stranger")).status).toBe(403);
    const otherExercise = await createExercise(
      { slug, title: "Another", instructions: "", mode: "marked", claimIds: [seedClaims[0]!.id] },
      people.stranger!,
    );
    expect(
      (await get(sheet, `/exercises/${otherExercise.id}/students/${submissionIds["Noor"]}`, "stranger"))
        .status,
    ).toBe(404);
    expect((await get(sheet, `/exercises/${exerciseId}/students/abc`, "owner")).status).toBe(404);
  });
});

describe("claim numbers in a 'claims marked' exercise (decision 029)", () => {
  const visit = async (code: string) => {
    const request = new Request(`http://localhost/x/${code}`);
    const answered = (await studentPage.loader(
      routeArgs(request, { code }, { clientAddress: "198.51.100.29" }),
    )) as unknown as { data: { skipsNumbers: boolean; units: Array<{ index: number }> } };
    return answered.data;
  };

  it("keeps the fact-check's numbers and tells students why some are skipped", async () => {
    const [first, , third] = seedClaims;
    const exercise = await createExercise(
      { slug, title: "Marked", instructions: "", mode: "marked", claimIds: [first!.id, third!.id] },
      people.owner!,
    );
    const page = await visit(exercise.code);
    expect(page.units.map((u) => u.index)).toEqual([first!.number, third!.number]);
    expect(page.skipsNumbers).toBe(true);
  });

  it("says nothing when the claims are numbered 1, 2, 3… (an educator's own article)", async () => {
    const text =
      "Town halls go solar\nThe council installed 120 panels in March. Residents can visit the roof.";
    const read = await readOwnArticle({ articleTitle: "Solar", outlet: "", sourceUrl: "", text });
    const panels = read.units.find((u) => u.text.startsWith("The council installed"))!.index;
    const own = await createOwnExercise(
      {
        articleTitle: "Solar",
        text,
        title: "Solar, marked",
        mode: "marked",
        [`key-${panels}`]: "on",
        [`verdict-${panels}`]: "accurate",
        [`rationale-${panels}`]: "The minutes list 120 panels.",
      },
      people.owner!,
      read,
    );
    const page = await visit(own.code);
    expect(page.units.map((u) => u.index)).toEqual([1]);
    expect(page.skipsNumbers).toBe(false);
  });
});

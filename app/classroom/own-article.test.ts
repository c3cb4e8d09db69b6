import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../db/testing.server";

await useFreshDatabase();
const { db } = await import("../db/client.server");
const { seedIfEmpty } = await import("../startup/seed.server");
const { createUser } = await import("../auth/users.server");
const { createOwnExercise, readOwnArticle, MAX_OWN_ARTICLE } = await import("./own-article.server");
const { createExercise, exerciseByCode, submit, submissionByToken } = await import("./exercises.server");
const { latestPublications } = await import("../publishing/latest.server");
const { readPage } = await import("../newsroom/paging");

const TEXT = `Town halls go solar
The council installed 120 panels on the library roof in March.
Officials say the panels will cut the library's power bill by 40% a year.
Residents can visit the roof on open days.`;

let actor = { id: 0, email: "", name: "", role: "educator" as const };

beforeAll(async () => {
  await seedIfEmpty();
  const user = await createUser({
    email: "own@school.test",
    name: "Olive",
    role: "educator",
    password: "a long password",
  });
  actor = { id: user.id, email: user.email, name: user.name, role: "educator" };
});

const article = {
  articleTitle: "Town halls go solar",
  outlet: "The Gazette",
  sourceUrl: "https://gazette.example/solar",
  text: TEXT,
};
const sentence = async (text: string) =>
  (await readOwnArticle(article)).units.find((u) => u.text.includes(text))!.index;

describe("an exercise from an educator's own article", () => {
  it("bounds and checks the article before any work", async () => {
    await expect(readOwnArticle({ ...article, text: "x".repeat(MAX_OWN_ARTICLE + 1) })).rejects.toMatchObject(
      {
        status: 400,
        fields: { text: expect.stringContaining("longer than 100,000") },
      },
    );
    await expect(readOwnArticle({ ...article, text: " " })).rejects.toThrow();
    await expect(readOwnArticle({ ...article, sourceUrl: "javascript:alert(1)" })).rejects.toThrow();
  });

  it("refuses a key with a missing verdict or explanation, naming the sentence", async () => {
    const panels = await sentence("120 panels");
    await expect(
      createOwnExercise(
        {
          ...article,
          title: "Solar",
          mode: "article",
          [`key-${panels}`]: "on",
          [`verdict-${panels}`]: "accurate",
        },
        actor,
      ),
    ).rejects.toMatchObject({
      status: 400,
      fields: { [`rationale-${panels}`]: expect.stringContaining("120 panels") },
    });
    await expect(
      createOwnExercise({ ...article, title: "Solar", mode: "article" }, actor),
    ).rejects.toMatchObject({
      status: 400,
    });
    await expect(
      createOwnExercise(
        {
          ...article,
          title: "Solar",
          mode: "article",
          [`key-${panels}`]: "on",
          [`verdict-${panels}`]: "accurate",
          [`rationale-${panels}`]: "The minutes say so.",
          due: "2026-02-30T10:00",
        },
        actor,
      ),
    ).rejects.toMatchObject({ status: 400, fields: { due: expect.stringContaining("date and a time") } });
  });

  it("refuses an article too long to mark sentence by sentence, unless its claims are marked", async () => {
    const long = {
      ...article,
      text: Array.from({ length: 401 }, (_, i) => `The council met on day ${i + 1}.`).join("\n"),
    };
    const read = await readOwnArticle(long);
    expect(read.units).toHaveLength(401);
    const first = read.units[0]!.index;
    const key = {
      [`key-${first}`]: "on",
      [`verdict-${first}`]: "accurate",
      [`rationale-${first}`]: "The minutes say so.",
    };
    await expect(
      createOwnExercise({ ...long, ...key, title: "Long", mode: "article" }, actor),
    ).rejects.toMatchObject({
      status: 400,
      fields: {
        mode: "This article has 401 sentences; students can mark at most 400 in one exercise. Choose to show its claims marked, or make an exercise from an excerpt of your own.",
      },
    });
    const marked = await createOwnExercise({ ...long, ...key, title: "Long", mode: "marked" }, actor);
    expect(marked.mode).toBe("marked");
  });

  it("refuses the same for a published fact-check's exercise, and says so beside the choice", async () => {
    // The seed's latest version, its article made 401 sentences long (this database is the test's own).
    const latest = await db().publication.findFirstOrThrow({ orderBy: { id: "desc" } });
    const snapshot = JSON.parse(latest.snapshot);
    snapshot.article.markdown = Array.from({ length: 401 }, (_, i) => `Alibaba met on day ${i + 1}.`).join(
      "\n\n",
    );
    await db().publication.update({ where: { id: latest.id }, data: { snapshot: JSON.stringify(snapshot) } });
    const input = {
      slug: "alibaba-ai-chip",
      title: "Long",
      instructions: "",
      claimIds: [snapshot.claims[0].id],
    };
    await expect(createExercise({ ...input, mode: "article" }, actor)).rejects.toMatchObject({
      status: 400,
      fields: { mode: expect.stringContaining("This article has 401 sentences") },
    });
    expect((await createExercise({ ...input, mode: "marked" }, actor)).mode).toBe("marked");
    await db().publication.update({ where: { id: latest.id }, data: { snapshot: latest.snapshot } });
  });

  it("stores the key privately: no publication, nothing public, and students compare with it", async () => {
    const publications = await db().publication.count();
    const panels = await sentence("120 panels");
    const bill = await sentence("40% a year");
    const exercise = await createOwnExercise(
      {
        ...article,
        title: "Check the solar story",
        instructions: "",
        mode: "article",
        [`key-${panels}`]: "on",
        [`verdict-${panels}`]: "accurate",
        [`rationale-${panels}`]: "The council's minutes list 120 panels.",
        [`evidence-${panels}`]: "https://council.example/minutes",
        [`key-${bill}`]: "on",
        [`verdict-${bill}`]: "unsupported",
        [`rationale-${bill}`]: "No estimate was published.",
        due: "2026-12-04T15:30",
        dueZone: "America/Chicago",
      },
      actor,
    );
    expect(exercise.publicationId).toBeNull();
    // Its due time, set in the educator's zone (Chicago is UTC−6 in December).
    expect(exercise.dueAt?.toISOString()).toBe("2026-12-04T21:30:00.000Z");
    expect(exercise.dueZone).toBe("America/Chicago");
    expect(await db().publication.count()).toBe(publications);
    const page = await latestPublications(readPage(new URLSearchParams()));
    expect(JSON.stringify(page)).not.toContain("Town halls go solar");

    const view = (await exerciseByCode(exercise.code))!;
    expect(view.private).toBe(true);
    expect(view.counted.map((c) => [c.number, c.verdict])).toEqual([
      [1, "accurate"],
      [2, "unsupported"],
    ]);
    const { token } = await submit(
      view,
      "Ada",
      [{ unit: bill, verdict: "not-enough-information", source: "official-records" }],
      "device-of-ada-000000000",
    );
    const result = (await submissionByToken(view, token))!;
    expect(result.comparison).toMatchObject({ found: 1, score: 0.5 });
  });

  it("splits an article in another language by its own rules, and the exercise keeps them", async () => {
    const german = {
      ...article,
      articleTitle: "Umsatz steigt",
      text: `Der Hersteller meldete am 3. Mai einen Umsatz von 1,2 Mrd. Euro im Quartal.
Laut Prof. Dr. Weber ist das ein Plus von 15 Prozent gegenüber dem Vorjahr, z. B. durch neue Server.
Die Aktie stieg daraufhin um 4 Prozent.`,
    };
    const read = await readOwnArticle(german);
    expect(read.language).toBe("de");
    // English rules would end sentences after "3.", "Mrd." and "z.": six sentences, three of them broken.
    expect(read.units.map((u) => u.text)).toEqual([
      "Der Hersteller meldete am 3. Mai einen Umsatz von 1,2 Mrd. Euro im Quartal.",
      "Laut Prof. Dr. Weber ist das ein Plus von 15 Prozent gegenüber dem Vorjahr, z. B. durch neue Server.",
      "Die Aktie stieg daraufhin um 4 Prozent.",
    ]);
    const revenue = read.units[0]!.index;
    const exercise = await createOwnExercise(
      {
        ...german,
        title: "Umsatz",
        mode: "article",
        [`key-${revenue}`]: "on",
        [`verdict-${revenue}`]: "accurate",
        [`rationale-${revenue}`]: "Der Quartalsbericht nennt 1,2 Mrd. Euro.",
      },
      actor,
    );
    const view = (await exerciseByCode(exercise.code))!;
    expect(view.snapshot.article.language).toBe("de");
    expect(view.units.map((u) => [u.index, u.text])).toEqual(read.units.map((u) => [u.index, u.text]));
    expect(view.counted.map((c) => c.quote)).toEqual([read.units[0]!.text]);
  });
});

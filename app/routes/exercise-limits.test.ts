import { beforeAll, describe, expect, it, vi } from "vitest";
import { useFreshDatabase } from "../db/testing.server";
import type * as Annotate from "../publishing/annotate";
import { routeArgs } from "./testing.server";

// What an exercise may ask students to look at, bounded at creation whichever way it is made, and
// what a student's visit then costs: the marked article is rendered once per exercise, not per
// visit. Through the real routes (/exercises/own, /exercises/new, /x/CODE) and a real database.
const { renders } = vi.hoisted(() => ({ renders: { count: 0 } }));
vi.mock("../publishing/annotate", async (importOriginal) => {
  const real = await importOriginal<typeof Annotate>();
  return {
    ...real,
    renderAnnotated: (...args: Parameters<typeof real.renderAnnotated>) => {
      renders.count++;
      return real.renderAnnotated(...args);
    },
  };
});

await useFreshDatabase();
const { db } = await import("../db/client.server");
const { seedIfEmpty } = await import("../startup/seed.server");
const { createUser } = await import("../auth/users.server");
const { startSession } = await import("../auth/session.server");
const { insertExercise } = await import("../classroom/exercises.server");
const limits = await import("../classroom/exercise-text.server");

/** The limits as a teacher reads them in the refusals (literal, so the test means the same on code without them). */
const MAX_EXERCISE_CLAIMS = 40;
const MAX_EXERCISE_TEXT = 100_000;
const own = await import("./exercises.own");
const fromFactCheck = await import("./exercises.new");
const student = await import("./student");

let cookie = "";

beforeAll(async () => {
  await seedIfEmpty();
  const user = await createUser({
    email: "limits@school.test",
    name: "Lena",
    role: "educator",
    password: "a long password",
  });
  cookie = (await startSession(user.id, new Request("http://localhost/login"))).split(";")[0]!;
});

type Answer = { status: number; location: string; data: Record<string, unknown> };

/** What a route's action or loader answered: a redirect, data() with its status, or plain data. */
async function answer(run: () => Promise<unknown>): Promise<Answer> {
  let result: unknown;
  try {
    result = await run();
  } catch (thrown) {
    if (thrown instanceof Response) result = thrown;
    else throw thrown;
  }
  if (result instanceof Response)
    return { status: result.status, location: result.headers.get("Location") ?? "", data: {} };
  const init = result as { type?: string; data?: unknown; init?: { status?: number } };
  return init.type === "DataWithResponseInit"
    ? { status: init.init?.status ?? 200, location: "", data: init.data as Record<string, unknown> }
    : { status: 200, location: "", data: result as Record<string, unknown> };
}

const post = (route: { action: (args: never) => Promise<unknown> }, path: string, body: URLSearchParams) =>
  answer(() =>
    route.action(
      routeArgs(
        new Request(`http://localhost${path}`, {
          method: "POST",
          body,
          headers: { cookie, "Content-Type": "application/x-www-form-urlencoded" },
        }),
      ),
    ),
  );

/** An article of `lines` short claims, one a line, as the probe pasted it. */
const salesText = (lines: number) =>
  Array.from({ length: lines }, (_, i) => `Firm ${i} sold ${(i % 90) + 10} units.`).join("\n");

/** The educator's form for an own article, with the first `ticked` sentences in the key (sentence i is unit i). */
function ownForm(lines: number, ticked: number, mode = "marked") {
  const body = new URLSearchParams({
    intent: "create",
    articleTitle: "Sales",
    text: salesText(lines),
    title: "Check the sales",
    mode,
  });
  for (let i = 0; i < ticked; i++) {
    body.set(`key-${i}`, "on");
    body.set(`verdict-${i}`, "mixed");
    body.set(`rationale-${i}`, "r");
  }
  return body;
}

const exerciseCode = async (location: string) =>
  (await db().exercise.findUniqueOrThrow({ where: { id: Number(location.split("/").pop()) } })).code;

/** A student's visit to /x/CODE through the real loader. */
const visit = (code: string) =>
  answer(() =>
    student.loader(
      routeArgs(new Request(`http://localhost/x/${code}`), { code }, { clientAddress: "198.51.100.7" }),
    ),
  );

describe("an exercise asks students to judge at most 40 claims", () => {
  it("states its limits as named constants", () => {
    expect(limits).toMatchObject({ MAX_EXERCISE_CLAIMS, MAX_EXERCISE_TEXT, MAX_SENTENCES_TO_MARK: 400 });
  });

  it("refuses an own article's key with more ticked claims, beside the answer key, in either mode", async () => {
    for (const mode of ["marked", "article"]) {
      const refused = await post(own, "/exercises/own", ownForm(60, MAX_EXERCISE_CLAIMS + 1, mode));
      expect(refused.status).toBe(400);
      expect(refused.data.fields).toEqual({
        answerKey: `You ticked 41 sentences as claims; an exercise counts at most 40, what a class judges in a lesson or two. Untick the ones your class can do without.`,
      });
      // Step two again, with the sentences to untick.
      expect((refused.data.sentences as { units: unknown[] }).units).toHaveLength(60);
    }
    // The probe's article: 3,900 lines, every one ticked, within the form's limits.
    const probe = await post(own, "/exercises/own", ownForm(3_900, 3_900));
    expect(probe.status).toBe(400);
    expect(probe.data.fields).toEqual({ answerKey: expect.stringContaining("You ticked 3,900 sentences") });
    expect(await db().exercise.count()).toBe(0);

    const made = await post(own, "/exercises/own", ownForm(60, MAX_EXERCISE_CLAIMS));
    expect(made.status).toBe(302);
    const page = await visit(await exerciseCode(made.location));
    expect(page.status).toBe(200);
    expect(page.data.units).toHaveLength(MAX_EXERCISE_CLAIMS);
  });

  it("lets a teacher choose among a fact-check's many claims, and refuses more than the limit", async () => {
    // The seed's latest version, given 45 claims (this database is the test's own).
    const latest = await db().publication.findFirstOrThrow({
      orderBy: { id: "desc" },
      include: { article: true },
    });
    const snapshot = JSON.parse(latest.snapshot);
    const [first] = snapshot.claims;
    snapshot.claims = Array.from({ length: 45 }, (_, i) => ({ ...first, id: 9000 + i, number: i + 1 }));
    await db().publication.update({ where: { id: latest.id }, data: { snapshot: JSON.stringify(snapshot) } });
    const slug = latest.article.slug;

    const form = await answer(() =>
      fromFactCheck.loader(
        routeArgs(new Request(`http://localhost/exercises/new?slug=${slug}`, { headers: { cookie } })),
      ),
    );
    expect(form.data).toMatchObject({ maxClaims: MAX_EXERCISE_CLAIMS });
    expect((form.data.factCheck as { claims: unknown[] }).claims).toHaveLength(45);

    const choose = (count: number) => {
      const body = new URLSearchParams({ slug, title: "Many claims", mode: "marked", instructions: "" });
      for (let i = 0; i < count; i++) body.append("claimIds", String(9000 + i));
      return body;
    };
    const refused = await post(fromFactCheck, "/exercises/new", choose(MAX_EXERCISE_CLAIMS + 1));
    expect(refused.status).toBe(400);
    expect(refused.data.fields).toEqual({
      claimIds:
        "You chose 41 of this fact-check's 45 claims; an exercise counts at most 40, what a class judges in a lesson or two. Untick the ones your class can do without.",
    });
    // The form comes back with the teacher's 41 choices ticked, to untick one: nothing is lost.
    expect((refused.data.values as Record<string, string>).claimIds).toBe(
      choose(MAX_EXERCISE_CLAIMS + 1)
        .getAll("claimIds")
        .join(","),
    );
    const made = await post(fromFactCheck, "/exercises/new", choose(MAX_EXERCISE_CLAIMS));
    expect(made.status).toBe(302);
    expect((await visit(await exerciseCode(made.location))).data.units).toHaveLength(MAX_EXERCISE_CLAIMS);
  });

  it("refuses a fact-check whose article is longer than students read in one exercise, beside the choice", async () => {
    const latest = await db().publication.findFirstOrThrow({
      orderBy: { id: "desc" },
      include: { article: true },
    });
    const stored = latest.snapshot;
    const snapshot = JSON.parse(stored);
    const paragraph = "Alibaba says its new chip is faster than the last one. ";
    snapshot.article.markdown = paragraph.repeat(Math.ceil((MAX_EXERCISE_TEXT + 1) / paragraph.length));
    const length = snapshot.article.markdown.length;
    await db().publication.update({ where: { id: latest.id }, data: { snapshot: JSON.stringify(snapshot) } });
    try {
      for (const mode of ["marked", "article"]) {
        const body = new URLSearchParams({
          slug: latest.article.slug,
          title: "Long",
          mode,
          instructions: "",
        });
        body.append("claimIds", String(snapshot.claims[0].id));
        const refused = await post(fromFactCheck, "/exercises/new", body);
        expect(refused.status).toBe(400);
        expect(refused.data.fields).toEqual({
          mode: `This fact-check's article is ${length.toLocaleString("en")} characters long; students read at most 100,000 (about 30 printed pages) in one exercise. Make an exercise from an excerpt of your own, with the claims you want marked.`,
        });
      }
    } finally {
      await db().publication.update({ where: { id: latest.id }, data: { snapshot: stored } });
    }
  });
});

describe("a student's visit to a marked exercise", () => {
  it("renders the marked article once per exercise, and never serves another's", async () => {
    const made = await post(own, "/exercises/own", ownForm(100, 3));
    const other = await post(own, "/exercises/own", ownForm(100, 5));
    const [code, otherCode] = [await exerciseCode(made.location), await exerciseCode(other.location)];
    renders.count = 0;
    const pages = await Promise.all(Array.from({ length: 5 }, () => visit(code)));
    const html = pages[0]!.data.marked as string;
    for (const page of pages) expect(page.data.marked).toBe(html);
    expect(renders.count).toBe(1);
    expect(html.match(/<mark /g)).toHaveLength(3);
    expect(html).toContain('id="claim-3"');
    expect(html).toContain("Firm 99 sold");

    const theirs = (await visit(otherCode)).data.marked as string;
    expect(theirs.match(/<mark /g)).toHaveLength(5);
    expect(renders.count).toBe(2);
    expect((await visit(code)).data.marked).toBe(html);
    expect(renders.count).toBe(2);

    // What it is made of changes (the claims that count): rendered again, never the old one.
    const row = await db().exercise.findUniqueOrThrow({ where: { code } });
    await db().exercise.update({ where: { id: row.id }, data: { claimIds: "[1]" } });
    const fewer = (await visit(code)).data.marked as string;
    expect(fewer.match(/<mark /g)).toHaveLength(1);
    expect(renders.count).toBe(3);
  });

  it("still opens an exercise made before the limit with more claims than it allows", async () => {
    const made = await post(own, "/exercises/own", ownForm(200, 1));
    const row = await db().exercise.findUniqueOrThrow({
      where: { id: Number(made.location.split("/").pop()) },
    });
    const snapshot = JSON.parse(row.snapshot!);
    const [first] = snapshot.claims;
    // 200 claims, as the probe's exercise (3,900) was stored before the limit.
    snapshot.claims = Array.from({ length: 200 }, (_, i) => ({ ...first, id: i + 1, number: i + 1 }));
    const old = await insertExercise({
      snapshot: JSON.stringify(snapshot),
      title: "Before the limit",
      instructions: "",
      mode: "marked",
      askSource: false,
      claimIds: JSON.stringify(snapshot.claims.map((c: { id: number }) => c.id)),
      createdById: row.createdById!,
    });
    const page = await visit(old.code);
    expect(page.status).toBe(200);
    expect(page.data.units).toHaveLength(200);
    expect(page.data.marked).toContain('id="claim-1"');
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../db/testing.server";
import { routeArgs } from "./testing.server";

await useFreshDatabase();
const { db } = await import("../db/client.server");
const { seedIfEmpty } = await import("../startup/seed.server");
const { createUser } = await import("../auth/users.server");
const { createExercise } = await import("../classroom/exercises.server");
const { action, loader } = await import("./student");

let realCode = "";
let firstClaimNumber = 0;

beforeAll(async () => {
  await seedIfEmpty();
  const teacher = await createUser({
    email: "teacher@student.test",
    name: "Teacher",
    role: "educator",
    password: "a long password",
  });
  const publication = await db().publication.findFirstOrThrow({ include: { article: true } });
  const [first] = (JSON.parse(publication.snapshot) as { claims: Array<{ id: number; number: number }> })
    .claims;
  const claimIds = [first!.id];
  const exercise = await createExercise(
    { slug: publication.article.slug, title: "Limits", instructions: "", mode: "marked", claimIds },
    { id: teacher.id, email: teacher.email, name: teacher.name, role: "educator" },
  );
  realCode = exercise.code;
  // Claims keep their number among all the article's passages: the seed's first checked one is 2.
  firstClaimNumber = first!.number;
});

/** Opens /x/CODE through the real loader and returns the status it answers with. */
async function open(code: string, address: string): Promise<number> {
  try {
    await loader(routeArgs(new Request(`http://localhost/x/${code}`), { code }, { clientAddress: address }));
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

/** Sends one student's answers through the real action; returns the status and where it leads. */
async function send(code: string, address: string, name: string, cookie = "") {
  const body = new URLSearchParams({
    displayName: name,
    [`verdict-${firstClaimNumber}`]: "accurate",
    [`source-${firstClaimNumber}`]: "expert",
  });
  const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded" };
  if (cookie) headers.Cookie = cookie;
  try {
    const request = new Request(`http://localhost/x/${code}`, { method: "POST", body, headers });
    const result = (await action(routeArgs(request, { code }, { clientAddress: address }))) as unknown;
    if (result instanceof Response)
      return {
        status: result.status,
        location: result.headers.get("Location") ?? "",
        headers: result.headers,
      };
    const init = (result as { init?: { status?: number } }).init;
    return { status: init?.status ?? 200, location: "", headers: new Headers() };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, location: "", headers: thrown.headers };
    throw thrown;
  }
}

describe("a whole class behind one school address", () => {
  it("lets 40 students open the exercise and send their answers within a minute", async () => {
    const started = Date.now();
    const school = "198.51.100.40";
    const opened = await Promise.all(Array.from({ length: 40 }, () => open(realCode, school)));
    expect(opened.filter((s) => s === 200)).toHaveLength(40);
    // Every one of them first forgets their name: mistakes do not use up the class's answers.
    const mistakes = await Promise.all(Array.from({ length: 40 }, () => send(realCode, school, "")));
    expect(mistakes.map((s) => s.status)).toEqual(Array.from({ length: 40 }, () => 400));
    const sent = await Promise.all(
      Array.from({ length: 40 }, (_, i) => send(realCode, school, `Student ${i + 1}`)),
    );
    expect(sent.map((s) => s.status)).toEqual(Array.from({ length: 40 }, () => 302));
    expect(new Set(sent.map((s) => s.location)).size).toBe(40);
    expect(Date.now() - started).toBeLessThan(60_000);
    console.info(`40 students from one address: opened and sent in ${Date.now() - started} ms`);
  });
});

describe("one submission per device", () => {
  const cookieOf = (headers: Headers) => (headers.get("Set-Cookie") ?? "").split(";")[0]!;
  const count = () => db().submission.count({ where: { exercise: { code: realCode } } });

  it("gives a device its token, and a second send from it changes the same submission", async () => {
    const before = await count();
    const first = await send(realCode, "192.0.2.50", "Noor");
    expect(first.status).toBe(302);
    const cookie = cookieOf(first.headers);
    expect(cookie).toMatch(/^claimdesk_device=[A-Za-z0-9_-]{24}$/);
    const again = await send(realCode, "192.0.2.50", "Noor K.", cookie);
    expect(again.status).toBe(302);
    expect(again.headers.get("Set-Cookie")).toBeNull();
    expect(again.location).not.toBe(first.location); // the old link is replaced
    expect(await count()).toBe(before + 1);
    const row = await db().submission.findFirstOrThrow({ where: { displayName: "Noor K." } });
    expect(row.revealedAt).toBeNull();
  });

  it("refuses a name another device uses, whatever its case or spacing", async () => {
    const result = await send(realCode, "192.0.2.51", "  noor k. ");
    expect(result.status).toBe(400);
  });

  it("makes the answers final once the student has seen the fact-check", async () => {
    const first = await send(realCode, "192.0.2.52", "Iris");
    const cookie = cookieOf(first.headers);
    const [, code, token] = /^\/x\/([^/]+)\/r\/(.+)$/.exec(first.location)!;
    const { action: reveal } = await import("./student-result");
    const revealed = (await reveal({
      request: new Request(`http://localhost${first.location}`, { method: "POST" }),
      params: { code, token },
      context: {},
    } as never)) as Response;
    expect(revealed.status).toBe(302);
    expect((await send(realCode, "192.0.2.52", "Iris", cookie)).status).toBe(409);
    expect(
      (await db().submission.findFirstOrThrow({ where: { displayName: "Iris" } })).revealedAt,
    ).not.toBeNull();
  });
});

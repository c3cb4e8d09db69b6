import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../db/testing.server";

// Lists whose length the workspace decides (people, exercises), longer than the 999 parameters
// SQLite binds in one statement, read for real on a new database: each answers in full. Prisma
// splits a long `in` list (its own for an `include` too) only when the query has no order or
// limit; the history's list of people had one and failed (P2029), the others guard the rule.
await useFreshDatabase();
const { db } = await import("../db/client.server");
const { namesOf } = await import("../auth/users.server");
const { articleHistory } = await import("./history.server");
const { listExercises } = await import("../classroom/teachers.server");

const MANY = 1_200;
/** Rows a test statement writes at once, well under 999 parameters. */
const BATCH = 50;

async function inBatches<T>(rows: T[], write: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
let userIds: number[] = [];
let articleId = 0;

beforeAll(async () => {
  await inBatches(range(MANY), (batch) =>
    db().user.createMany({
      data: batch.map((n) => ({
        email: `p${n}@chunks.test`,
        name: `Person ${String(n).padStart(4, "0")}`,
        role: n === 1 ? "admin" : "editor",
        passwordHash: "",
      })),
    }),
  );
  userIds = (await db().user.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((u) => u.id);
  const article = await db().article.create({
    data: { slug: "chunks", title: "Chunks", markdown: "Acme shipped 5 million chips in 2024." },
  });
  articleId = article.id;
});

describe("lists longer than a statement binds parameters", () => {
  it("namesOf names every person", async () => {
    const nameOf = await namesOf([...userIds, null, userIds[0]!]);
    expect(userIds.map(nameOf)).toEqual(range(MANY).map((n) => `Person ${String(n).padStart(4, "0")}`));
  });

  it("an article's history offers everyone who acted on it", async () => {
    await inBatches(userIds, (batch) =>
      db().auditEvent.createMany({
        data: batch.map((actorId) => ({
          actorId,
          articleId,
          entityType: "article",
          entityId: articleId,
          action: "edited",
        })),
      }),
    );
    const history = await articleHistory(articleId, {}, { page: 1, size: 10 });
    expect(history.people.map((p) => p.id)).toEqual(userIds);
    expect(history.people[0]!.name).toBe("Person 0001");
  });

  it("an admin's list of exercises names each one's article", async () => {
    await inBatches(range(MANY), (batch) =>
      db().publication.createMany({
        data: batch.map((number) => ({ articleId, number, snapshot: "{}", title: "Chunks" })),
      }),
    );
    const publications = await db().publication.findMany({ select: { id: true, number: true } });
    await inBatches(publications, (batch) =>
      db().exercise.createMany({
        data: batch.map((p) => ({ code: `code${p.id}`, publicationId: p.id, title: `Exercise ${p.number}` })),
      }),
    );
    const admin = await db().user.findFirstOrThrow({ where: { role: "admin" } });
    const listed = await listExercises({ ...admin, role: "admin" });
    expect(listed).toHaveLength(MANY);
    expect(new Set(listed.map((e) => e.article))).toEqual(new Set(range(MANY).map((n) => `Chunks (v${n})`)));
  });
});

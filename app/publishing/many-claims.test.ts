import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../db/testing.server";
import { project } from "../claims/projection";
import { claimSpan } from "../newsroom/claim-span";
import type { CurrentUser } from "../auth/session.server";

// An article with more approved claims than SQLite binds parameters in one statement (999),
// published for real on a new database (SQLite file, or PostgreSQL in that run). Its rows are
// written directly, a batch at a time, for speed: the workflow to approve each is tested elsewhere.
await useFreshDatabase();
const { db } = await import("../db/client.server");
const { createUser } = await import("../auth/users.server");
const { publishArticle } = await import("./publish.server");
const { readSnapshot } = await import("./snapshot");

const CLAIMS = 1_200;
/** Rows a test statement writes at once: well under 999 parameters each, whatever Prisma binds. */
const BATCH = 50;

let articleId = 0;
let reviewer: CurrentUser;

async function inBatches<T>(rows: T[], write: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
}

beforeAll(async () => {
  const editor = await createUser({
    email: "ed@many.test",
    name: "Ed",
    role: "editor",
    password: "a long password",
  });
  const user = await createUser({
    email: "rev@many.test",
    name: "Rev",
    role: "reviewer",
    password: "a long password",
  });
  reviewer = { ...user, role: "reviewer" };
  const sentences = Array.from(
    { length: CLAIMS },
    (_, i) => `Plant ${i + 1} shipped ${i + 7} thousand chips in 2024.`,
  );
  const markdown = sentences.join("\n\n");
  const { text } = project(markdown);
  const article = await db().article.create({
    data: { slug: "many-claims", title: "Many claims", markdown, language: "en", createdById: editor.id },
  });
  articleId = article.id;
  const approvedAt = new Date();
  await inBatches(sentences, (batch) =>
    db().claim.createMany({
      data: batch.map((sentence) => {
        const start = text.indexOf(sentence);
        return {
          articleId,
          ...claimSpan(text, { start, end: start + sentence.length }),
          origin: "editor",
          status: "approved",
          verdict: "accurate",
          rationale: "Matches the annual report.",
          verdictById: editor.id,
          lastEditorId: editor.id,
          approvedById: reviewer.id,
          approvedAt,
        };
      }),
    }),
  );
  const claims = await db().claim.findMany({
    where: { articleId },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  await inBatches(claims, (batch) =>
    db().evidence.createMany({
      data: batch.map(({ id }) => ({
        claimId: id,
        url: `https://example.org/report/${id}`,
        stance: "supports",
        addedById: editor.id,
      })),
    }),
  );
});

describe("an article with more approved claims than a statement binds parameters", () => {
  it("publishes, and its publication holds every claim with its evidence", async () => {
    await expect(publishArticle(articleId, { articleVersion: 1, changeNote: "" }, reviewer)).resolves.toEqual(
      { number: 1, slug: "many-claims" },
    );
    const publication = await db().publication.findFirstOrThrow({ where: { articleId } });
    const snapshot = readSnapshot(publication.snapshot);
    expect(snapshot.claims).toHaveLength(CLAIMS);
    const claims = await db().claim.findMany({ where: { articleId }, orderBy: { start: "asc" } });
    expect(snapshot.claims.map((c) => c.id)).toEqual(claims.map((c) => c.id));
    expect(snapshot.claims.map((c) => c.evidence.map((e) => e.url))).toEqual(
      claims.map((c) => [`https://example.org/report/${c.id}`]),
    );
    expect(snapshot.claims.at(-1)).toMatchObject({ approvedBy: "Rev", checkedBy: "Ed", number: CLAIMS });
    expect(await db().publicationClaim.count({ where: { publicationId: publication.id } })).toBe(CLAIMS);
    expect(publication.page).toContain(`Plant ${CLAIMS} shipped`);
  });
});

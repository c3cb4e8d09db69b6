import { beforeAll, describe, expect, it, vi } from "vitest";
import { useFreshDatabase } from "../db/testing.server";

// Counts the SQL statements real operations send to a real SQLite file: the Prisma client is
// the app's own (its lock and error mapping included), logging every statement it runs.
const { statements } = vi.hoisted(() => ({ statements: [] as string[] }));
vi.mock("../db/client.server", async (importOriginal) =>
  (await import("../db/testing.server")).loggingClientModule(await importOriginal(), statements),
);

await useFreshDatabase();
const { importArticle, CLAIMS_PER_INSERT } = await import("./articles.server");
const { reviewClaim } = await import("./claims.server");
const { createUser } = await import("../auth/users.server");
const { db } = await import("../db/client.server");

/** Statements run by `work`, without transaction control. */
async function statementsOf(work: () => Promise<unknown>): Promise<string[]> {
  statements.length = 0;
  await work();
  return statements.filter((sql) => !/^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|PRAGMA)/i.test(sql));
}

const matching = (list: string[], pattern: RegExp) => list.filter((sql) => pattern.test(sql));

let editor: { id: number; email: string; name: string; role: "editor" };
beforeAll(async () => {
  const user = await createUser({
    email: "counter@desk.test",
    name: "Count Ed",
    role: "editor",
    password: "a long password",
  });
  editor = { id: user.id, email: user.email, name: user.name, role: "editor" };
});

const sentence = (i: number) =>
  `Acme Corp said on ${1 + (i % 28)} March 2025 that its plant ${i} employs ${1000 + i} people, 40% more than in 2020.`;

describe("import", () => {
  it("inserts the proposed claims in a few statements (one per CLAIMS_PER_INSERT rows), not one INSERT each", async () => {
    const markdown = Array.from({ length: 400 }, (_, i) => sentence(i)).join("\n\n");
    let articleId = 0;
    const run = await statementsOf(async () => {
      articleId = (
        await importArticle(
          {
            title: "Many claims",
            source: markdown,
            format: "markdown",
            sourceUrl: "",
            outlet: "",
            author: "",
            originalDate: "",
          },
          editor.id,
        )
      ).id;
    });
    const claims = await db().claim.count({ where: { articleId } });
    expect(claims).toBeGreaterThanOrEqual(400);
    expect(matching(run, /INSERT INTO [`"]?(main[`"]?\.)?[`"]?Claim/i)).toHaveLength(
      Math.ceil(claims / CLAIMS_PER_INSERT),
    );
    // Every column reads back through Prisma as the ORM would have written it.
    const [first] = await db().claim.findMany({ where: { articleId }, orderBy: { start: "asc" }, take: 1 });
    expect(first).toMatchObject({
      quote: sentence(0),
      prefix: "",
      origin: "machine",
      status: "candidate",
      version: 1,
      verdict: null,
      rationale: "",
    });
    expect(first!.suffix.length).toBeGreaterThan(0);
    expect(first!.score).toBeGreaterThan(0);
    expect(JSON.parse(first!.reasons)).toEqual(expect.arrayContaining([expect.any(String)]));
    expect(first!.createdAt).toBeInstanceOf(Date);
    expect(Math.abs(first!.updatedAt.getTime() - Date.now())).toBeLessThan(60_000);
  });
});

describe("a claim's review", () => {
  it("reads the claim once, updates it once and writes one audit event", async () => {
    const { id: articleId } = await importArticle(
      {
        title: "One claim",
        source: sentence(1),
        format: "markdown",
        sourceUrl: "",
        outlet: "",
        author: "",
        originalDate: "",
      },
      editor.id,
    );
    const claim = (await db().claim.findFirst({ where: { articleId } }))!;
    const run = await statementsOf(() =>
      reviewClaim(
        claim.id,
        { version: claim.version, verdict: "accurate", rationale: "Checked.", status: "needs-review" },
        editor,
      ),
    );
    expect(run, run.join("\n")).toHaveLength(3);
    expect(matching(run, /^SELECT .* FROM [`"]?(main[`"]?\.)?[`"]?Claim/i)).toHaveLength(1);
    expect(matching(run, /^UPDATE/i)).toHaveLength(1);
    expect(matching(run, /^INSERT INTO [`"]?(main[`"]?\.)?[`"]?AuditEvent/i)).toHaveLength(1);
    const saved = (await db().claim.findUnique({ where: { id: claim.id } }))!;
    expect(saved).toMatchObject({
      verdict: "accurate",
      rationale: "Checked.",
      status: "needs-review",
      version: claim.version + 1,
      lastEditorId: editor.id,
    });
  });
});

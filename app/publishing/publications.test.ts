import type { IncomingMessage, ServerResponse } from "node:http";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../db/testing.server";

// Reading and writing publications on a real SQLite file: the seed fact-check, then a second
// version without one of its claims.
const file = await useFreshDatabase();
const { db } = await import("../db/client.server");
const { loadFactCheck } = await import("../startup/seed.server");
const { publishArticle } = await import("./publish.server");
const { findPublishedClaim } = await import("./publications.server");
const { latestNumber } = await import("./latest.server");
const { onPublication } = await import("./announce");
const { servePublishedPage } = await import("./serve.server");
const { ConflictError } = await import("../utils/errors");

const SLUG = "alibaba-ai-chip";

/** What server.js's fast path answers for a GET of this address. */
async function served(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string } | null> {
  const req = { method: "GET", url, headers } as IncomingMessage;
  let status = 0;
  let body = "";
  const res = {
    writeHead: (code: number) => (status = code),
    end: (chunk?: Buffer) => (body = chunk?.toString("utf8") ?? ""),
  } as unknown as ServerResponse;
  return (await servePublishedPage(req, res)) ? { status, body } : null;
}

const article = () => db().article.findUniqueOrThrow({ where: { slug: SLUG } });

beforeAll(async () => {
  await loadFactCheck("fixtures/alibaba-ai-chip.fact-check.json");
});

describe("an embed", () => {
  it("finds its claim in the latest version through the index of published claims", async () => {
    const claim = await db().claim.findFirstOrThrow({
      where: { status: "approved" },
      orderBy: { id: "asc" },
    });
    const rows = await db().publicationClaim.findMany({ where: { claimId: claim.id } });
    expect(rows).toHaveLength(1);
    const found = await findPublishedClaim(claim.id);
    expect(found?.claim.quote).toBe(claim.quote);
    expect(found?.snapshot.number).toBe(1);
  });

  it("reads a version's snapshot once for all its cards, and renders each card once", async () => {
    const { claimCard } = await import("./embed.server");
    const [one, two] = await db().claim.findMany({
      where: { status: "approved" },
      orderBy: { id: "asc" },
      take: 2,
    });
    const first = (await findPublishedClaim(one!.id))!;
    const again = (await findPublishedClaim(one!.id))!;
    const other = (await findPublishedClaim(two!.id))!;
    expect(again.snapshot).toBe(first.snapshot);
    expect(other.snapshot).toBe(first.snapshot);
    expect(other.claim.id).toBe(two!.id);
    const site = { baseUrl: "https://checks.example", name: "Desk" };
    const card = claimCard(first.snapshot, first.claim, site);
    expect(card).toContain(first.claim.quote.slice(0, 20));
    expect(claimCard(again.snapshot, again.claim, site)).toBe(card);
    expect(claimCard(first.snapshot, first.claim, { ...site, name: "Other desk" })).toContain(
      "Other desk fact-check",
    );
  });

  it("finds nothing for a claim that was never published", async () => {
    const candidate = await db().claim.findFirstOrThrow({ where: { status: "candidate" } });
    expect(await findPublishedClaim(candidate.id)).toBeNull();
    expect(await findPublishedClaim(999_999)).toBeNull();
  });
});

describe("publishing", () => {
  it("announces a version after it commits, and the page cache serves it at once", async () => {
    const before = await served(`/fact-checks/${SLUG}`);
    expect(before?.body).toContain("Fact-check version 1, published");
    // A second connection sees committed rows only: what another reader would find when told.
    const other = new Database(file, { readonly: true });
    const committed = other.prepare(`SELECT max(number) FROM "Publication"`).pluck();
    const heard: Array<{ slug: string; number: number; committed: unknown }> = [];
    const stop = onPublication(({ slug, number }) =>
      heard.push({ slug, number, committed: committed.get() }),
    );
    const [dropped, kept] = await db().claim.findMany({
      where: { status: "approved" },
      orderBy: { start: "asc" },
      take: 2,
    });
    await db().claim.update({ where: { id: dropped!.id }, data: { status: "dismissed" } });
    const { version } = await article();
    await expect(
      publishArticle(
        dropped!.articleId,
        { articleVersion: version + 1, changeNote: "Stale.", changeKind: "correction" },
        null,
      ),
    ).rejects.toThrow(ConflictError);
    expect(await latestNumber({ slug: SLUG })).toBe(1);

    const published = await publishArticle(
      dropped!.articleId,
      { articleVersion: version, changeNote: "Dropped a claim.", changeKind: "correction" },
      null,
    );
    stop();
    other.close();
    expect(published).toEqual({ slug: SLUG, number: 2 });
    expect(heard).toEqual([{ slug: SLUG, number: 2, committed: 2 }]);

    const after = await served(`/fact-checks/${SLUG}`);
    expect(after?.body).toContain("Fact-check version 2, published");
    expect((await served(`/fact-checks/${SLUG}/v/1`))?.body).toContain(
      "This is version 1 of this fact-check",
    );

    // The embed follows the latest version: a claim it no longer includes has no card.
    expect(await findPublishedClaim(dropped!.id)).toBeNull();
    expect((await findPublishedClaim(kept!.id))?.snapshot.number).toBe(2);
  });

  it("serves a version another server process published, though nobody announced it here", async () => {
    expect((await served(`/fact-checks/${SLUG}`))?.body).toContain("Fact-check version 2, published");
    // Another process's publication: a committed row, written through a connection of its own.
    const other = new Database(file);
    other
      .prepare(
        `INSERT INTO "Publication" ("articleId", "number", "snapshot", "changeNote", "publishedAt", "publishedById", "page", "archivedPage", "title", "outlet", "verdicts")
         SELECT "articleId", 3, replace("snapshot", '"number":2', '"number":3'), 'From the other server.', "publishedAt", "publishedById", '', '', "title", "outlet", "verdicts"
         FROM "Publication" WHERE "number" = 2`,
      )
      .run();
    other.close();
    expect((await served(`/fact-checks/${SLUG}`))?.body).toContain("Fact-check version 3, published");
  });

  it("keeps an embed for a published claim whose draft is gone (merged into another)", async () => {
    const publication = await db().publication.findFirstOrThrow({ where: { number: 2 } });
    const included = await db().publicationClaim.findMany({ where: { publicationId: publication.id } });
    expect(included).toHaveLength(15);
    const gone = included[0]!.claimId;
    await db().evidence.deleteMany({ where: { claimId: gone } });
    await db().claim.delete({ where: { id: gone } });
    expect((await findPublishedClaim(gone))?.claim.id).toBe(gone);
  });
});

describe("the list of fact-checks and the feed", () => {
  it("read each publication's summary columns, never its snapshot", async () => {
    const { listPublished } = await import("./publications.server");
    const { recentFeedEntries } = await import("./feed.server");
    const latest = await db().publication.findFirstOrThrow({
      where: { article: { slug: SLUG } },
      orderBy: { number: "desc" },
    });
    const verdicts = (JSON.parse(latest.snapshot) as { claims: Array<{ verdict: string }> }).claims.map(
      (c) => c.verdict,
    );
    // A snapshot a list would have to parse is made unreadable: the list and the feed do not notice.
    await db().publication.update({ where: { id: latest.id }, data: { snapshot: "not a snapshot" } });
    try {
      const listed = (await listPublished({ page: 1, size: 20 })).items.find((p) => p.slug === SLUG)!;
      expect(listed).toMatchObject({ title: latest.title, number: latest.number, claims: verdicts });
      expect(latest.title).toMatch(/Alibaba/);
      const entry = (await recentFeedEntries()).find((e) => e.number === latest.number && e.slug === SLUG)!;
      expect(entry.claims).toBe(verdicts.length);
      expect(entry.summary).toContain(`${verdicts.length} claims checked in “${latest.title}”`);
    } finally {
      await db().publication.update({ where: { id: latest.id }, data: { snapshot: latest.snapshot } });
    }
  });

  it("are kept for readers, and show another process's change at once", async () => {
    const first = await served("/fact-checks");
    expect(first?.status).toBe(200);
    expect(first?.body).toContain("version 3,");
    expect(first?.body).not.toContain("<script nonce");
    // Another process renames the fact-check: the next reader sees it, though nobody here heard.
    const other = new Database(file);
    other.prepare(`UPDATE "Publication" SET "title" = 'Renamed elsewhere' WHERE "number" = 3`).run();
    other.close();
    expect((await served("/fact-checks"))?.body).toContain("Renamed elsewhere");
    // A page past the end is served too, as a 404 that points to the first page.
    const pastTheEnd = await served("/fact-checks?page=2");
    expect(pastTheEnd?.status).toBe(404);
    expect(pastTheEnd?.body).toContain("There is nothing on page 2: the list ends before it.");
    // Searches, odd addresses and signed-in members go to the app's route.
    expect(await served("/fact-checks?q=Alibaba")).toBeNull();
    expect(await served("/fact-checks?page=two")).toBeNull();
    const { startSession } = await import("../auth/session.server");
    const { createUser } = await import("../auth/users.server");
    const reader = await createUser({
      email: "reader@list.test",
      name: "Rita Reader",
      role: "viewer",
      password: "a long password",
    });
    const session = (await startSession(reader.id, new Request("http://localhost/login"))).split(";")[0]!;
    expect(await served("/fact-checks", { cookie: session })).toBeNull();
    // A session cookie that names no one is a reader's like any other (a made-up one cost a render).
    expect((await served("/fact-checks", { cookie: "claimdesk_session=abc" }))?.status).toBe(200);
  });
});

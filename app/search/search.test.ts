import { beforeAll, describe, expect, it, vi } from "vitest";
import { useFreshDatabase } from "../db/testing.server";
import { MAX_QUERY_LENGTH } from "./query";
import { PLAN_EACH_RUN } from "../db/postgres-adapter.server";
import { databaseKind } from "../utils/config.server";
import { MARK_END, MARK_START, plainSnippet } from "./snippet";

// One suite for both databases (vitest.config.ts runs it on SQLite and on PostgreSQL): the
// search index is kept in step by the database on every write, and answers the same questions.
// The app's own client, logging the statements it runs.
const { statements } = vi.hoisted(() => ({ statements: [] as string[] }));
vi.mock("../db/client.server", async (importOriginal) =>
  (await import("../db/testing.server")).loggingClientModule(await importOriginal(), statements),
);
await useFreshDatabase();
const { db } = await import("../db/client.server");
const { createUser } = await import("../auth/users.server");
const { importArticle } = await import("../newsroom/articles.server");
const { reviewClaim } = await import("../newsroom/claims.server");
const { approveClaim } = await import("../newsroom/approval.server");
const { addEvidence, removeEvidence } = await import("../newsroom/evidence.server");
const { publishArticle } = await import("../publishing/publish.server");
const { searchKind, searchPublished, rebuildSearchIndex } = await import("./search.server");

const ARTICLE_TEXT = `Zentrix says its new accelerator delivers 512 TOPS of INT8 performance.

The company claims the chip uses 40 percent less power than its predecessor.

Analysts at Harbor Research estimate shipments of three million units in 2026.`;

let editor: { id: number; email: string; name: string; role: "editor" };
let reviewer: { id: number; email: string; name: string; role: "reviewer" };
let published: { id: number; slug: string };
let draft: { id: number; slug: string };
let powerClaim = 0;
let evidenceId = 0;

const article = (title: string, outlet: string, source: string) =>
  importArticle(
    { title, outlet, author: "", sourceUrl: "", originalDate: "", format: "markdown", source },
    editor.id,
  );
const ids = (hits: Array<{ id: number }>) => hits.map((h) => h.id);
const search = (query: string, kind: "claim" | "article" | "evidence" | "external" = "claim", filters = {}) =>
  searchKind(kind, query, filters, 0, 20);

beforeAll(async () => {
  const password = "a long password";
  editor = {
    ...(await createUser({ email: "ed@search.test", name: "Ed", role: "editor", password })),
    role: "editor",
  };
  reviewer = {
    ...(await createUser({ email: "rev@search.test", name: "Rev", role: "reviewer", password })),
    role: "reviewer",
  };
  published = await article("Zentrix accelerator launch", "Chip Wire", ARTICLE_TEXT);
  draft = await article(
    "Quarterly memory market",
    "Memory Daily",
    "Memory prices rose 12 percent in the quarter, according to Harbor Research.",
  );
  const claims = await db().claim.findMany({ where: { articleId: published.id }, orderBy: { start: "asc" } });
  powerClaim = claims.find((c) => c.quote.includes("power"))!.id;
  // Evidence first: adding it to an approved claim sends the claim back to review.
  const evidence = await addEvidence(
    powerClaim,
    {
      url: "https://example.org/zentrix-datasheet",
      title: "Zentrix Z9 datasheet",
      publisher: "Zentrix",
      publishedOn: "",
      stance: "context",
      note: "Lists thermal design power only.",
      excerpt: "",
      archiveUrl: "",
    },
    editor,
  );
  evidenceId = evidence.id;
  for (const claim of await db().claim.findMany({ where: { articleId: published.id } })) {
    const reviewed = await reviewClaim(
      claim.id,
      {
        version: claim.version,
        verdict: claim.id === powerClaim ? "unsupported" : "accurate",
        rationale:
          claim.id === powerClaim
            ? "No efficiency benchmark was published; the wattage figure is marketing."
            : "Matches the datasheet.",
        status: "needs-review",
      },
      editor,
    );
    await approveClaim(claim.id, reviewed.version, reviewer);
  }
  const fresh = await db().article.findUniqueOrThrow({ where: { id: published.id } });
  await publishArticle(published.id, { articleVersion: fresh.version, changeNote: "" }, reviewer);
});

describe("searching the workspace", () => {
  it("finds claims by the words of their quote, verdict and rationale, stemmed, with the words marked", async () => {
    const { hits, total } = await search("chips power");
    expect(ids(hits)).toEqual([powerClaim]);
    expect(total).toBe(1);
    expect(hits[0]!.snippet).toContain(`${MARK_START}power${MARK_END}`);
    expect(hits[0]!.url).toBe(`/articles/${published.id}/claims/${powerClaim}`);
    expect(ids((await search("efficiency benchmark")).hits)).toEqual([powerClaim]);
    expect(ids((await search("unsupported")).hits)).toEqual([powerClaim]);
  });

  it("ranks a match in the claim itself above one in its rationale", async () => {
    const claims = await db().claim.findMany({ where: { articleId: published.id } });
    const tops = claims.find((c) => c.quote.includes("TOPS"))!;
    const { hits } = await search("datasheet");
    // "datasheet" is in one claim's rationale only; a claim quoting it would come first.
    expect(ids(hits)).toEqual(
      [tops.id, ...claims.filter((c) => c.id !== tops.id && c.id !== powerClaim).map((c) => c.id)].slice(
        0,
        hits.length,
      ),
    );
    expect(ids((await search("TOPS")).hits)[0]).toBe(tops.id);
  });

  it("reads phrases and exclusions as web search does", async () => {
    expect(ids((await search('"less power"')).hits)).toEqual([powerClaim]);
    expect(ids((await search('"power less"')).hits)).toEqual([]);
    expect((await search("Harbor")).hits).toHaveLength(2);
    const shipments = ids((await search("shipments")).hits);
    expect(shipments).toHaveLength(1);
    expect(ids((await search("Harbor -memory")).hits)).toEqual(shipments);
    expect((await search("Harbor", "article")).hits.map((h) => h.id).sort()).toEqual(
      [published.id, draft.id].sort(),
    );
    expect(ids((await search("Harbor -memory", "article")).hits)).toEqual([published.id]);
  });

  it("filters by verdict, status, outlet and date", async () => {
    expect(ids((await search("power", "claim", { verdict: "unsupported" })).hits)).toEqual([powerClaim]);
    expect((await search("power", "claim", { verdict: "accurate" })).hits).toEqual([]);
    expect((await search("Zentrix", "claim", { status: "candidate" })).hits).toEqual([]);
    expect(ids((await search("Harbor", "article", { outlet: "Memory Daily" })).hits)).toEqual([draft.id]);
    const tomorrow = new Date(Date.now() + 86_400_000);
    expect((await search("Harbor", "article", { from: tomorrow })).hits).toEqual([]);
    expect((await search("Harbor", "article", { to: new Date() })).hits).toHaveLength(2);
  });

  it("finds evidence by title, publisher and note, linked to its claim", async () => {
    const { hits } = await search("thermal", "evidence");
    expect(ids(hits)).toEqual([evidenceId]);
    expect(hits[0]).toMatchObject({ title: "Zentrix Z9 datasheet", verdict: "unsupported" });
    expect(hits[0]!.url).toBe(`/articles/${published.id}/claims/${powerClaim}`);
  });

  it("is kept in step with every write: an edit, a removal, a deleted article", async () => {
    const claim = await db().claim.findUniqueOrThrow({ where: { id: powerClaim } });
    await reviewClaim(
      powerClaim,
      {
        version: claim.version,
        verdict: "misleading",
        rationale: "Measured at idle by Quillon Labs.",
        status: "researching",
      },
      editor,
    );
    expect(ids((await search("Quillon")).hits)).toEqual([powerClaim]);
    expect((await search("wattage")).hits).toEqual([]);
    await removeEvidence(evidenceId, editor);
    expect((await search("thermal", "evidence")).hits).toEqual([]);
    const doomed = await article(
      "Doomed piece",
      "Gone Weekly",
      "Vorpal Systems sold 9 million boards in 2025.",
    );
    expect(ids((await search("Vorpal", "article")).hits)).toEqual([doomed.id]);
    await db().article.delete({ where: { id: doomed.id } });
    expect((await search("Vorpal", "article")).hits).toEqual([]);
    expect((await search("Vorpal")).hits).toEqual([]);
  });

  it("answers any input without an error: operators, quotes, huge and hostile text", async () => {
    for (const query of [
      'NEAR("a" "b")',
      "chip*",
      "^power",
      "(power OR",
      '"unterminated',
      "-only -excluded",
      "a AND OR NOT",
      "col:power",
      "' OR 1=1 --",
      "\u0000power\uD800",
      "power ".repeat(10_000),
      "",
      "   ",
      "🧪",
    ]) {
      const result = await search(query);
      expect(result.total, query.slice(0, 30)).toBeGreaterThanOrEqual(0);
    }
    expect((await search("-only -excluded")).hits).toEqual([]);
    expect("power ".repeat(10_000).length).toBeGreaterThan(MAX_QUERY_LENGTH);
  });

  it("rebuilds the index and finds the same", async () => {
    const before = ids((await search("Zentrix")).hits);
    expect(await rebuildSearchIndex()).toMatchObject({ articles: 2 });
    expect(ids((await search("Zentrix")).hits)).toEqual(before);
  });

  it("finds other fact-checkers' reviews under their own kind, linked to their site, kept in step", async () => {
    const { importReviews } = await import("../reviews/reviews.server");
    const { parseClaimReviewValue } = await import("../importing/claim-review");
    const claimReview = (claimReviewed: string) => ({
      "@type": "ClaimReview",
      url: "https://checks.example.org/zentrix-power",
      claimReviewed,
      author: { name: "Example Checks" },
      reviewRating: { alternateName: "Mostly false" },
    });
    await importReviews(
      parseClaimReviewValue(claimReview("Zentrix chips draw 40 percent less power")),
      editor,
    );
    const found = await search("zentrix power", "external");
    expect(found.hits).toMatchObject([
      {
        kind: "external",
        title: "Example Checks",
        text: "Zentrix chips draw 40 percent less power",
        verdict: "Mostly false",
        status: null,
        url: "https://checks.example.org/zentrix-power",
      },
    ]);
    expect(plainSnippet(found.hits[0]!.snippet)).toContain("Zentrix");
    expect((await search("mostly false", "external")).total).toBe(1);
    // Our own filters are not theirs.
    expect((await search("zentrix", "external", { verdict: "accurate" })).hits).toEqual([]);
    // Re-imported with other words: the index follows, one row.
    await importReviews(parseClaimReviewValue(claimReview("Zentrix memory doubles bandwidth")), editor);
    expect((await search("power", "external")).hits).toEqual([]);
    expect((await search("bandwidth", "external")).total).toBe(1);
    expect(await rebuildSearchIndex()).toMatchObject({ externalReviews: 1 });
    expect((await search("bandwidth", "external")).total).toBe(1);
    // Not a claim, article or evidence of ours.
    expect((await search("bandwidth")).hits).toEqual([]);
  });
});

describe("a page of matches", () => {
  it("pages through the matches best first, and counts them all on every page, even past the last", async () => {
    const all = await searchKind("claim", "datasheet", {}, 0, 50);
    expect(all.hits.length).toBeGreaterThan(1);
    expect(all.total).toBe(all.hits.length);
    const scores = all.hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const pages = [];
    for (let skip = 0; skip < all.total; skip += 1) {
      const page = await searchKind("claim", "datasheet", {}, skip, 1);
      // Every page counts every match, not the rows of its own page.
      expect(page.total).toBe(all.total);
      pages.push(...page.hits);
    }
    expect(ids(pages)).toEqual(ids(all.hits));
    const past = await searchKind("claim", "datasheet", {}, all.total + 5, 2);
    expect(past).toEqual({ hits: [], total: all.total });
    expect(await searchKind("claim", "nothingmatchesthis", {}, 0, 5)).toEqual({ hits: [], total: 0 });
  });

  it("reads each kind's page and count in one statement, four for the whole search page", async () => {
    const { searchPage } = await import("./search-page.server");
    statements.length = 0;
    const page = await searchPage(new URLSearchParams("q=Harbor"));
    expect(page.groups.map((g) => g.kind)).toEqual(["claim", "article", "evidence", "external"]);
    expect(page.groups.find((g) => g.kind === "article")!.total).toBe(2);
    expect(statements).toHaveLength(4);
    // PostgreSQL plans each for its words: a generic plan read every match of a common word.
    if (databaseKind() === "postgres")
      expect(statements.filter((sql) => !sql.includes(PLAN_EACH_RUN))).toEqual([]);
  });
});

describe("readers' search", () => {
  it("finds published fact-checks by their claims and rationales, never a draft", async () => {
    const { hits, total } = await searchPublished("marketing wattage", 0, 10);
    expect(total).toBe(1);
    expect(hits[0]).toMatchObject({ slug: published.slug, title: "Zentrix accelerator launch", number: 1 });
    expect(plainSnippet(hits[0]!.snippet)).toMatch(/wattage|marketing/);
    expect((await searchPublished("memory prices", 0, 10)).hits).toEqual([]);
    // The draft's claims and text are in the workspace search, not the readers'.
    expect((await search("memory prices", "article")).hits).toHaveLength(1);
  });

  it("shows a claim's own words in a snippet, without verdict keys, the index rebuilt or not", async () => {
    for (const rebuilt of [false, true]) {
      if (rebuilt) await rebuildSearchIndex();
      const { hits } = await searchPublished("power predecessor", 0, 10);
      const snippet = plainSnippet(hits[0]!.snippet);
      // Was "…less power than its predecessor. unsupported No efficiency benchmark…".
      expect(snippet).toBe("…the chip uses 40 percent less power than its predecessor.");
      const rationale = plainSnippet((await searchPublished("marketing", 0, 10)).hits[0]!.snippet);
      expect(rationale).toBe("…was published; the wattage figure is marketing.");
    }
  });

  it("searches the latest version only", async () => {
    const fresh = await db().article.findUniqueOrThrow({ where: { id: published.id } });
    await publishArticle(
      published.id,
      { articleVersion: fresh.version, changeNote: "Second look.", changeKind: "update" },
      reviewer,
    );
    const { hits } = await searchPublished("Zentrix", 0, 10);
    expect(hits.map((h) => h.number)).toEqual([2]);
  });
});

describe("the search page's date filters", () => {
  it("says when a date is not a day of the calendar, and searches without it", async () => {
    const { searchPage } = await import("./search-page.server");
    const page = await searchPage(new URLSearchParams("q=accelerator&from=2017-02-30&to=2030-01-01"));
    expect(page.ignored).toEqual([
      expect.stringMatching(/^Changed from: 2017-02-30 is not a day .* left out of the search\.$/),
    ]);
    expect(page.search.from).toBeUndefined();
    expect(page.search.to).toEqual(new Date("2030-01-01T00:00:00Z"));
    expect((await searchPage(new URLSearchParams("q=accelerator&from=2017-02-28"))).ignored).toEqual([]);
  });
});

describe("a word more claims hold than search ranks", () => {
  it("ranks the newest, counts past them, and another word or a filter reaches the older ones", async () => {
    const { RANKED_MATCHES } = await import("./search.server");
    const { COUNT_CAP } = await import("../newsroom/page-links");
    // The best match of all (the word alone, so the shortest text), made first: the oldest.
    const oldest = await db().claim.create({
      data: { articleId: draft.id, start: 0, end: 1, quote: "Quokka numbat.", status: "researching" },
    });
    await db().claim.createMany({
      data: Array.from({ length: RANKED_MATCHES }, (_, i) => ({
        articleId: draft.id,
        start: 0,
        end: 1,
        quote: `Rangers counted quokka number ${i} on the island in this year's survey of the colony.`,
      })),
    });
    try {
      const first = await searchKind("claim", "quokka", {}, 0, 20);
      expect(first.total).toBe(COUNT_CAP + 1);
      expect(first.hits).toHaveLength(20);
      // Ranked among the RANKED_MATCHES newest, the oldest is out of reach of every page.
      expect(ids(first.hits)).not.toContain(oldest.id);
      expect((await searchKind("claim", "quokka", {}, RANKED_MATCHES - 1, 5)).hits).toHaveLength(1);
      expect(await searchKind("claim", "quokka", {}, RANKED_MATCHES, 5)).toEqual({
        hits: [],
        total: COUNT_CAP + 1,
      });
      // Another word or a filter: fewer matches, all ranked, the oldest among them.
      expect(ids((await searchKind("claim", "quokka numbat", {}, 0, 5)).hits)).toEqual([oldest.id]);
      const researching = await searchKind("claim", "quokka", { status: "researching" }, 0, 5);
      expect(researching).toMatchObject({ total: 1, hits: [{ id: oldest.id }] });
    } finally {
      await db().claim.deleteMany({ where: { id: { gte: oldest.id } } });
    }
  });

  it("ranks every kind's newest 1,000 of 1,002 matches, and readers' search's, leaving the two oldest out", async () => {
    const { RANKED_MATCHES } = await import("./search.server");
    const { COUNT_CAP } = await import("../newsroom/page-links");
    const count = RANKED_MATCHES + 2;
    const numbers = Array.from({ length: count }, (_, i) => i);
    await db().article.createMany({
      data: numbers.map((i) => ({ slug: `zebra-${i}`, title: `Zebra report ${i}`, markdown: "Zebra text." })),
    });
    const articles = await db().article.findMany({
      where: { slug: { startsWith: "zebra-" } },
      orderBy: { id: "asc" },
    });
    await db().claim.createMany({
      data: articles.map((a, i) => ({ articleId: a.id, start: 0, end: 1, quote: `Zebra claim ${i}` })),
    });
    const claims = await db().claim.findMany({
      where: { articleId: { gte: articles[0]!.id } },
      orderBy: { id: "asc" },
    });
    await db().evidence.createMany({
      data: claims.map((c, i) => ({
        claimId: c.id,
        url: `https://example.org/zebra/${i}`,
        title: `Zebra source ${i}`,
        stance: "context",
      })),
    });
    await db().externalReview.createMany({
      data: numbers.map((i) => ({
        url: `https://reviews.example.org/zebra/${i}`,
        claimReviewed: `Zebra reviewed ${i}`,
      })),
    });
    await db().publication.createMany({
      data: articles.map((a, i) => ({
        articleId: a.id,
        number: 1,
        snapshot: JSON.stringify({
          article: { title: `Zebra fact-check ${i}`, outlet: "", markdown: "" },
          claims: [],
        }),
      })),
    });
    try {
      const evidence = await db().evidence.findMany({
        where: { claimId: { gte: claims[0]!.id } },
        orderBy: { id: "asc" },
      });
      const reviews = await db().externalReview.findMany({
        where: { url: { contains: "/zebra/" } },
        orderBy: { id: "asc" },
      });
      const made = { claim: claims, article: articles, evidence, external: reviews };
      for (const kind of ["claim", "article", "evidence", "external"] as const) {
        const { hits, total } = await searchKind(kind, "zebra", {}, 0, count);
        expect({ kind, total }).toEqual({ kind, total: COUNT_CAP + 1 });
        expect(ids(hits).sort((a, b) => a - b)).toEqual(ids(made[kind].slice(2)));
      }
      const readers = await searchPublished("zebra", 0, count);
      const slugs = (rows: Array<{ slug: string }>) => rows.map((row) => row.slug).sort();
      expect(slugs(readers.hits)).toEqual(slugs(articles.slice(2)));
    } finally {
      await db().publication.deleteMany({ where: { articleId: { gte: articles[0]!.id } } });
      await db().article.deleteMany({ where: { id: { gte: articles[0]!.id } } });
      await db().externalReview.deleteMany({ where: { url: { contains: "/zebra/" } } });
    }
  });
});

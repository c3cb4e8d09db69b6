import { beforeEach, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../db/testing.server";

// data:import on a real, empty SQLite file: every field is held to the rules of the app's own
// writes, a bad file is refused whole with the record and field named, and public pages are
// rendered from the snapshots, never taken from the file.
await useFreshDatabase();
const { db } = await import("../db/client.server");
const { importWorkspace, RestoreRefused, WORKSPACE_SCHEMA } = await import("./workspace.server");
const { SNAPSHOT_SCHEMA } = await import("../publishing/snapshot");

const AT = "2026-01-02T03:04:05.000Z";
const MARKDOWN = "Acme shipped 5 million chips in 2024.";
const HOSTILE_PAGE =
  '<!DOCTYPE html><html><head><meta http-equiv="refresh" content="0;url=https://evil.example/"></head><body><script>alert(document.cookie)</script></body></html>';

function snapshot() {
  return {
    schema: SNAPSHOT_SCHEMA,
    number: 1,
    publishedAt: AT,
    publishedBy: "Rita",
    changeNote: "",
    article: {
      title: "Chips",
      slug: "chips",
      outlet: "",
      author: "",
      sourceUrl: "",
      originalDate: "",
      markdown: MARKDOWN,
    },
    claims: [
      {
        id: 1,
        number: 1,
        start: 0,
        end: MARKDOWN.length,
        quote: MARKDOWN,
        prefix: "",
        suffix: "",
        verdict: "accurate",
        rationale: "Shipping data.",
        approvedBy: "Rita",
        approvedAt: AT,
        evidence: [
          {
            url: "https://example.org/r",
            title: "Report",
            publisher: "",
            publishedOn: "",
            stance: "supports",
            note: "",
            excerpt: "",
            archiveUrl: "",
          },
        ],
      },
    ],
  };
}

/** A small workspace as data:export writes it, with one published article. */
function workspace() {
  return {
    schema: WORKSPACE_SCHEMA,
    exportedAt: AT,
    users: [
      { id: 1, email: "ed@import.test", name: "Ed", role: "editor", active: true, createdAt: AT },
      { id: 2, email: "rita@import.test", name: "Rita", role: "reviewer", active: true, createdAt: AT },
    ],
    articles: [
      {
        id: 1,
        slug: "chips",
        title: "Chips",
        outlet: "",
        author: "",
        sourceUrl: "",
        originalDate: "",
        markdown: MARKDOWN,
        status: "published",
        version: 2,
        createdById: 1,
        createdAt: AT,
        updatedAt: AT,
      },
    ],
    claims: [
      {
        id: 1,
        articleId: 1,
        start: 0,
        end: MARKDOWN.length,
        quote: MARKDOWN,
        prefix: "",
        suffix: "",
        origin: "machine",
        score: 0.5,
        reasons: "[]",
        status: "approved",
        verdict: "accurate",
        rationale: "Shipping data.",
        version: 3,
        lastEditorId: 1,
        verdictById: 1,
        approvedById: 2,
        approvedAt: AT,
        assigneeId: null,
        reviewNote: "",
        orphanedAt: null,
        orphanReason: "",
        createdAt: AT,
        updatedAt: AT,
      },
    ],
    evidence: [
      {
        id: 1,
        claimId: 1,
        url: "https://example.org/r",
        title: "Report",
        publisher: "",
        publishedOn: "",
        stance: "supports",
        note: "",
        excerpt: "",
        archiveUrl: "",
        addedById: 1,
        createdAt: AT,
      },
    ],
    publications: [
      {
        id: 1,
        articleId: 1,
        number: 1,
        changeNote: "",
        snapshot: JSON.stringify(snapshot()),
        page: HOSTILE_PAGE,
        archivedPage: HOSTILE_PAGE,
        publishedById: 2,
        publishedAt: AT,
      },
    ],
    exercises: [
      {
        id: 1,
        code: "ABCDE23456",
        publicationId: 1,
        title: "Exercise",
        instructions: "",
        mode: "article",
        claimIds: "[1]",
        status: "open",
        createdById: 1,
        createdAt: AT,
      },
    ],
    submissions: [],
    auditEvents: [
      {
        id: 1,
        at: AT,
        actorId: 1,
        articleId: 1,
        entityType: "claim",
        entityId: 1,
        action: "reviewed",
        before: null,
        after: '{"verdict":"accurate"}',
      },
    ],
  };
}

type Doc = ReturnType<typeof workspace>;

async function refusal(change: (doc: Doc) => void): Promise<string> {
  const doc = workspace();
  change(doc);
  const error = await importWorkspace(doc).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RestoreRefused);
  expect(await db().user.count()).toBe(0);
  return (error as Error).message;
}

describe("data:import refuses a file whose fields the app would not write", () => {
  beforeEach(async () => {
    expect(await db().article.count()).toBe(0);
  });

  it("a role that does not exist", async () => {
    expect(await refusal((doc) => (doc.users[1]!.role = "superadmin"))).toMatch(
      /users id 2, field role: Role must be/,
    );
  });

  it("a slug that could break out of an attribute", async () => {
    expect(await refusal((doc) => (doc.articles[0]!.slug = 'chips"><script>x</script>'))).toMatch(
      /articles id 1, field slug: A slug is/,
    );
  });

  it("a snapshot that is not JSON, or not a snapshot", async () => {
    expect(await refusal((doc) => (doc.publications[0]!.snapshot = "{not json"))).toMatch(
      /publications id 1, field snapshot: snapshot is not valid JSON/,
    );
    expect(
      await refusal(
        (doc) =>
          (doc.publications[0]!.snapshot = JSON.stringify({
            ...snapshot(),
            claims: [{ verdict: "true-ish" }],
          })),
      ),
    ).toMatch(/publications id 1, field snapshot: snapshot is not valid: claims\.0/);
  });

  it("URLs, statuses, stances, verdicts, codes and lengths outside the app's rules", async () => {
    expect(await refusal((doc) => (doc.evidence[0]!.url = "javascript:alert(1)"))).toMatch(
      /evidence id 1, field url: Use a web address/,
    );
    expect(await refusal((doc) => (doc.evidence[0]!.stance = "agrees"))).toMatch(
      /evidence id 1, field stance/,
    );
    expect(await refusal((doc) => (doc.claims[0]!.status = "published"))).toMatch(
      /claims id 1, field status/,
    );
    expect(await refusal((doc) => (doc.claims[0]!.verdict = "true-ish"))).toMatch(
      /claims id 1, field verdict/,
    );
    expect(await refusal((doc) => (doc.claims[0]!.reasons = "nope"))).toMatch(
      /claims id 1, field reasons: reasons is not valid JSON/,
    );
    expect(
      await refusal((doc) => Object.assign(doc.claims[0]!, { appearances: '["javascript:alert(1)"]' })),
    ).toMatch(/claims id 1, field appearances/);
    expect(await refusal((doc) => Object.assign(doc.claims[0]!, { claimDate: "last spring" }))).toMatch(
      /claims id 1, field claimDate/,
    );
    expect(await refusal((doc) => (doc.articles[0]!.sourceUrl = "data:text/html,hi"))).toMatch(
      /articles id 1, field sourceUrl/,
    );
    expect(await refusal((doc) => (doc.articles[0]!.title = "x".repeat(301)))).toMatch(
      /articles id 1, field title: Keep the title under 300/,
    );
    expect(await refusal((doc) => (doc.articles[0]!.status = "live"))).toMatch(/articles id 1, field status/);
    expect(await refusal((doc) => Object.assign(doc.articles[0]!, { language: '"><b>' }))).toMatch(
      /articles id 1, field language/,
    );
    expect(await refusal((doc) => (doc.exercises[0]!.code = "<b>"))).toMatch(/exercises id 1, field code/);
    expect(await refusal((doc) => (doc.users[0]!.email = "not an address"))).toMatch(
      /users id 1, field email/,
    );
    expect(await refusal((doc) => (doc.auditEvents[0]!.after = "{broken"))).toMatch(
      /auditEvents id 1, field after/,
    );
  });
});

describe("data:import renders public pages from the snapshots", () => {
  it("never stores a page from the file: no refresh to another site, no script", async () => {
    await importWorkspace(workspace());
    const { page, archivedPage } = await db().publication.findUniqueOrThrow({ where: { id: 1 } });
    for (const html of [page, archivedPage]) {
      expect(html).not.toContain("http-equiv");
      expect(html).not.toContain("alert(document.cookie)");
      expect(html).toContain("Acme shipped 5 million chips in 2024.");
    }
    const { publishedPage } = await import("../publishing/publications.server");
    const served = (await publishedPage("chips"))!.body;
    expect(served).toBe(page);
    expect(served).toContain('<script type="application/ld+json">');
  });
});

describe("data:import rebuilds the index of published claims from the snapshots", () => {
  const index = () =>
    db().publicationClaim.findMany({
      select: { claimId: true, publicationId: true },
      orderBy: { claimId: "asc" },
    });

  it("for files made before the index, and whatever a file's own list says", async () => {
    // The import above came from a file without the list, as exports made before it are.
    expect(await index()).toEqual([{ claimId: 1, publicationId: 1 }]);
    const { findPublishedClaim } = await import("../publishing/publications.server");
    expect((await findPublishedClaim(1))?.claim.quote).toBe(MARKDOWN);

    await db().$transaction([
      db().auditEvent.deleteMany(),
      db().exercise.deleteMany(),
      db().publicationClaim.deleteMany(),
      db().publication.deleteMany(),
      db().evidence.deleteMany(),
      db().claim.deleteMany(),
      db().article.deleteMany(),
      db().user.deleteMany(),
    ]);
    await importWorkspace({ ...workspace(), publicationClaims: [{ claimId: 42, publicationId: 1 }] });
    expect(await index()).toEqual([{ claimId: 1, publicationId: 1 }]);
    expect(await findPublishedClaim(42)).toBeNull();
  });
});

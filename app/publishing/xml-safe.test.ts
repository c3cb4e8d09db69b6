import { parseHTML, DOMParser } from "linkedom";
import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../db/testing.server";
import { storableJsonText, xmlSafe } from "./xml-safe";
import { routeArgs } from "../routes/testing.server";

// A title, claim and rationale carrying characters XML 1.0 forbids, published for real on a
// SQLite file; every public writer's output must stay well-formed.
await useFreshDatabase();
const { db } = await import("../db/client.server");
const { createUser } = await import("../auth/users.server");
const { importArticle } = await import("../newsroom/articles.server");
const { reviewClaim } = await import("../newsroom/claims.server");
const { approveClaim } = await import("../newsroom/approval.server");
const { addEvidence } = await import("../newsroom/evidence.server");
const { publishArticle } = await import("./publish.server");
const feedRoute = await import("../routes/feed");
const formatsRoute = await import("../routes/fact-check.formats");
const embedRoute = await import("../routes/embed");

const HOSTILE = "\uFFFE\uFFFF\u0000\uD800\uDC00x\uDFFF\uD83D";
/** XML 1.0's Char production: anything else makes the document ill-formed. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

let slug = "";
let claimId = 0;

beforeAll(async () => {
  const editor = await createUser({
    email: "ed@xml.test",
    name: `Ed ${HOSTILE}`,
    role: "editor",
    password: "a long password",
  });
  const reviewer = await createUser({
    email: "rev@xml.test",
    name: "Rev",
    role: "reviewer",
    password: "a long password",
  });
  const asEditor = { ...editor, role: "editor" as const };
  const asReviewer = { ...reviewer, role: "reviewer" as const };
  const article = await importArticle(
    {
      title: `Chips ${HOSTILE} report`,
      outlet: `Wire${HOSTILE}`,
      author: "",
      sourceUrl: "",
      originalDate: "",
      format: "text",
      source: `Acme shipped 5${HOSTILE} million chips in 2024.`,
    },
    editor.id,
  );
  slug = article.slug;
  const claim = await db().claim.findFirstOrThrow({ where: { articleId: article.id } });
  claimId = claim.id;
  const reviewed = await reviewClaim(
    claim.id,
    {
      version: claim.version,
      verdict: "accurate",
      rationale: `Shipping ${HOSTILE} data.`,
      status: "needs-review",
    },
    asEditor,
  );
  await addEvidence(
    claim.id,
    {
      url: "https://example.org/r",
      title: `Report ${HOSTILE}`,
      publisher: "",
      publishedOn: "",
      stance: "supports",
      note: HOSTILE,
      excerpt: "",
      archiveUrl: "",
    },
    asEditor,
  );
  await approveClaim(claim.id, reviewed.version + 1, asReviewer);
  const fresh = await db().article.findUniqueOrThrow({ where: { id: article.id } });
  await publishArticle(article.id, { articleVersion: fresh.version, changeNote: "" }, asReviewer);
});

const call = async (
  route: { loader: (args: never) => Promise<Response> },
  url: string,
  params: Record<string, string> = {},
) => {
  const response = await route.loader(routeArgs(new Request(`http://localhost${url}`), params));
  return response.text();
};

describe("characters XML forbids", () => {
  it("are dropped by xmlSafe, and nothing else is", () => {
    expect(xmlSafe(`a${HOSTILE}b\t\n\r😀é`)).toBe("a\uD800\uDC00xb\t\n\r😀é");
  });

  it("that PostgreSQL cannot store (NUL, half a surrogate pair) leave stored JSON, and nothing else does", () => {
    const stored = JSON.stringify({
      note: "a\u0000b",
      pair: ["\ud83d", "\ud83d\ude00", "\ude00x"],
      bell: "\u0007",
    });
    expect(JSON.parse(storableJsonText(stored))).toEqual({
      note: "ab",
      pair: ["", "😀", "x"],
      bell: "\u0007",
    });
  });

  it("that no database stores (NUL) are dropped from every text on the way in, on both databases", async () => {
    const claim = await db().claim.findUniqueOrThrow({ where: { id: claimId }, include: { evidence: true } });
    const editor = await db().user.findUniqueOrThrow({ where: { email: "ed@xml.test" } });
    const article = await db().article.findUniqueOrThrow({ where: { slug } });
    const stored = [editor.name, article.title, article.outlet, claim.rationale, claim.evidence[0]!.note];
    for (const text of stored) {
      expect(text).not.toContain("\u0000");
      expect(text).toContain("x");
    }
    // Only the NUL goes: the characters before it stay (half surrogate pairs come back as U+FFFD).
    expect(claim.rationale.startsWith("Shipping \uFFFE\uFFFF\uD800\uDC00x")).toBe(true);
  });

  it("never reach the Atom feed, which parses as XML with the entry's title", async () => {
    const feed = await call(feedRoute, "/fact-checks.atom");
    expect(feed).not.toMatch(NOT_XML_CHAR);
    const document = new DOMParser().parseFromString(feed, "text/xml");
    const titles = [...document.querySelectorAll("entry > title")].map((t) => t.textContent);
    expect(titles.some((title) => /^Fact-check: Chips .*x.* report$/u.test(title ?? ""))).toBe(true);
  });

  it("never reach the page, its ClaimReview JSON-LD, the embed, the annotations or the export", async () => {
    const { page, archivedPage } = await db().publication.findFirstOrThrow({ where: { article: { slug } } });
    for (const html of [page, archivedPage]) {
      expect(html).not.toMatch(NOT_XML_CHAR);
      const { document } = parseHTML(html);
      const jsonLd = JSON.parse(document.querySelector('script[type="application/ld+json"]')!.textContent!);
      expect(jsonLd["@graph"][0].claimReviewed).toMatch(/^Acme shipped 5.*x.* million chips in 2024\.$/u);
    }
    const embed = await call(embedRoute, `/embed/claims/${claimId}`, { id: String(claimId) });
    expect(embed).not.toMatch(NOT_XML_CHAR);
    for (const format of ["annotations.jsonld", "export.json", "export.md"]) {
      const body = await call(formatsRoute, `/fact-checks/${slug}/${format}`, { slug, format });
      expect(body, format).not.toMatch(NOT_XML_CHAR);
      expect(body, format).not.toMatch(/\\u(?:d[89ab]|d[c-f]|fff[ef]|000[0-8bcef]|001)/i);
      if (format !== "export.md") expect(() => JSON.parse(body)).not.toThrow();
    }
  });
});

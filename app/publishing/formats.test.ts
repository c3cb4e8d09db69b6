import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import MarkdownIt from "markdown-it";
import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../db/testing.server";
import type { PublicationEntry, Snapshot } from "./snapshot";

await useFreshDatabase();
const { loadFactCheck } = await import("../startup/seed.server");
const { loadPublication } = await import("./publications.server");
const { claimReviews } = await import("./claim-review");
const { annotationCollection } = await import("./annotations");
const { exportJson, exportMarkdown, ExportSchema } = await import("./export");
const { atomFeed } = await import("./feed");

const publisher = { baseUrl: "https://checks.example.org", name: "Example Desk" };
let snapshot: Snapshot;
let history: PublicationEntry[];

beforeAll(async () => {
  await loadFactCheck("fixtures/alibaba-ai-chip.fact-check.json");
  const published = (await loadPublication("alibaba-ai-chip"))!;
  snapshot = published.snapshot;
  history = published.history;
});

describe("ClaimReview JSON-LD", () => {
  it("describes every claim with every field search tools read", () => {
    const reviews = claimReviews(snapshot, publisher);
    expect(reviews).toHaveLength(16);
    reviews.forEach((review, i) => {
      const claim = snapshot.claims[i]!;
      expect(review["@context"]).toBe("https://schema.org");
      expect(review["@type"]).toBe("ClaimReview");
      expect(review.claimReviewed).toBe(claim.quote);
      expect(review.url).toBe(
        `https://checks.example.org/fact-checks/alibaba-ai-chip/v/1#claim-${claim.number}`,
      );
      expect(review.author).toEqual({
        "@type": "Organization",
        name: "Example Desk",
        url: "https://checks.example.org",
      });
      expect(review.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(review.itemReviewed["@type"]).toBe("Claim");
      expect(review.itemReviewed.appearance).toMatchObject({
        "@type": "CreativeWork",
        url: "https://geexforge.com/?p=5273",
      });
      expect(review.itemReviewed.author).toEqual({ "@type": "Organization", name: "Geexforge" });
      expect(review.reviewRating["@type"]).toBe("Rating");
    });
    const byVerdict = (key: string) =>
      reviews[snapshot.claims.findIndex((c) => c.verdict === key)]!.reviewRating;
    expect(byVerdict("accurate")).toEqual({
      "@type": "Rating",
      alternateName: "Accurate",
      ratingValue: 5,
      bestRating: 5,
      worstRating: 1,
    });
    expect(byVerdict("inaccurate")).toEqual({
      "@type": "Rating",
      alternateName: "Inaccurate",
      ratingValue: 1,
      bestRating: 5,
      worstRating: 1,
    });
    // Unsupported is not a point on the truth scale: named, never numbered.
    expect(byVerdict("unsupported")).toEqual({ "@type": "Rating", alternateName: "Unsupported" });
  });
});

/** The seed publication with its first claim attributed: Omdia made it, in 2023, and it appeared twice more. */
function attributed(): Snapshot {
  const [first, ...rest] = snapshot.claims;
  return {
    ...snapshot,
    claims: [
      {
        ...first!,
        claimant: "Chen Hao",
        claimantType: "person",
        claimDate: "2023-10",
        appearances: ["https://example.com/interview", "https://example.org/repost"],
      },
      ...rest,
    ],
  };
}

describe("claimant, claim date and appearances", () => {
  it("name the claimant, the date and every appearance in ClaimReview's itemReviewed", () => {
    const [review, other] = claimReviews(attributed(), publisher);
    expect(review!.itemReviewed).toEqual({
      "@type": "Claim",
      author: { "@type": "Person", name: "Chen Hao" },
      datePublished: "2023-10",
      appearance: [
        expect.objectContaining({ "@type": "CreativeWork", url: "https://geexforge.com/?p=5273" }),
        { "@type": "CreativeWork", url: "https://example.com/interview" },
        { "@type": "CreativeWork", url: "https://example.org/repost" },
      ],
    });
    // A claim without a recorded claimant keeps the outlet that reported it.
    expect(other!.itemReviewed.author).toEqual({ "@type": "Organization", name: "Geexforge" });
  });

  it("are in export.json and in the annotations", () => {
    const exported = ExportSchema.parse(exportJson(attributed(), history, publisher));
    expect(exported.claims[0]).toMatchObject({
      claimant: { name: "Chen Hao", type: "person" },
      claimDate: "2023-10",
      appearances: ["https://example.com/interview", "https://example.org/repost"],
    });
    expect(exported.claims[1]).toMatchObject({ claimant: null, claimDate: "", appearances: [] });
    const [annotation] = annotationCollection(attributed(), publisher).first.items;
    expect(annotation!.body).toContainEqual(
      expect.objectContaining({ purpose: "describing", value: "Claim made by Chen Hao on 2023-10." }),
    );
    expect(annotation!.body).toContainEqual({
      type: "SpecificResource",
      source: "https://example.org/repost",
      purpose: "linking",
    });
  });
});

describe("W3C Web Annotations", () => {
  it("pass the W3C conformance assertions with 0 failures, attributed claims included", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "claimdesk-anno-")), "annotations.jsonld");
    writeFileSync(file, JSON.stringify(annotationCollection(attributed(), publisher)));
    const output = execFileSync("node", ["../shared/conformance/web-annotation-check.mjs", file], {
      encoding: "utf8",
    });
    const summary = output.trim().split("\n").pop()!;
    expect(summary).toMatch(/^\d+ passed, 0 failed$/);
    expect(Number(summary.split(" ")[0])).toBeGreaterThan(800);
  });

  it("target the quote with both selectors, and carry verdict, rationale and sources as bodies", () => {
    const collection = annotationCollection(snapshot, publisher);
    expect(collection.total).toBe(16);
    const first = collection.first.items[0]!;
    const claim = snapshot.claims[0]!;
    expect(first.target.source).toBe("https://geexforge.com/?p=5273");
    expect(first.target.selector).toEqual([
      { type: "TextQuoteSelector", exact: claim.quote, prefix: claim.prefix, suffix: claim.suffix },
      { type: "TextPositionSelector", start: claim.start, end: claim.end },
    ]);
    expect(first.body.map((b) => ("purpose" in b ? b.purpose : b.id))).toEqual([
      "assessing",
      "commenting",
      ...claim.evidence.flatMap((e) => [e.url, "describing"]),
    ]);
    const stances = first.body.filter((b) => "purpose" in b && b.purpose === "describing");
    expect(stances.map((b) => ("value" in b ? b.value : ""))).toEqual(
      claim.evidence.map((e) =>
        expect.stringMatching(
          new RegExp(
            `^This source (supports|refutes|gives context to) the claim: .* <${e.url.replace(/[.?*+()[\]]/g, "\\$&")}>$`,
          ),
        ),
      ),
    );
    const everyStance = collection.first.items.flatMap((item) =>
      item.body.flatMap((b) => ("value" in b && b.purpose === "describing" ? [String(b.value)] : [])),
    );
    expect(everyStance.filter((v) => / refutes the claim: /.test(v)).length).toBe(
      snapshot.claims.flatMap((c) => c.evidence).filter((e) => e.stance === "refutes").length,
    );
  });
});

describe("exports", () => {
  it("JSON follows the versioned schema", () => {
    const exported = exportJson(snapshot, history, publisher);
    expect(ExportSchema.parse(JSON.parse(JSON.stringify(exported)))).toEqual(exported);
    expect(exported.schema).toBe("claimdesk.export/1");
    expect(exported.claims).toHaveLength(16);
    for (const claim of exported.claims)
      expect(exported.article.text.slice(claim.selector.start, claim.selector.end)).toBe(claim.quote);
  });

  it("Markdown carries the article, a footnote per claim, and reads back as the same text", () => {
    const md = exportMarkdown(snapshot, history, publisher);
    for (const claim of snapshot.claims) {
      expect(md).toContain(`[^${claim.number}]: **`);
      expect(md).toContain(`[^${claim.number}]`);
    }
    expect(md).toContain("[^10]: **Unsupported.**");
    const html = new MarkdownIt().render(md);
    expect(html).not.toContain("<script");
    expect(html).toContain("<strong>Process Node: 5nm technology.</strong>[^10]");
  });

  it("Markdown keeps hostile rationales and source addresses as text for renderers that allow HTML", () => {
    const [first, ...rest] = snapshot.claims;
    const hostile = {
      ...snapshot,
      article: { ...snapshot.article, sourceUrl: 'https://example.org/a"><script>alert(3)</script>' },
      claims: [
        {
          ...first!,
          rationale:
            "See <https://example.org/report>. <script>alert(1)</script><img src=x onerror=alert(2)>",
          evidence: [{ ...first!.evidence[0]!, url: 'https://evil.example/"><script>alert(17)</script>' }],
        },
        ...rest,
      ],
    };
    const md = exportMarkdown(hostile, history, publisher);
    const html = new MarkdownIt({ html: true }).render(md);
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('<a href="https://example.org/report">https://example.org/report</a>');
    expect(md).toContain("&lt;script>alert(1)&lt;/script>&lt;img src=x onerror=alert(2)>");
    expect(md).toContain(`(<https://evil.example/"%3E%3Cscript%3Ealert(17)%3C/script%3E>)`);
  });
});

describe("export.md rationales, as other sites' renderers read them", () => {
  /** A renderer that allows raw HTML and any link, as a site showing export.md might. */
  const anyRenderer = new MarkdownIt({ html: true });
  anyRenderer.validateLink = () => true;
  /** The first claim's footnote, taken out of its container: its first line and its indented blocks. */
  function firstFootnote(rationale: string): string {
    const [first, ...rest] = snapshot.claims;
    const md = exportMarkdown(
      { ...snapshot, claims: [{ ...first!, rationale }, ...rest] },
      history,
      publisher,
    );
    const lines = md.split("\n");
    const start = lines.findIndex((line) => line.startsWith(`[^${first!.number}]: `));
    const end = lines.findIndex((line, i) => i > start && /^(\[\^\d+\]| {4}Sources:)/.test(line));
    const footnote = lines.slice(start, end).join("\n");
    return anyRenderer.render(footnote.replace(/^\[\^\d+\]: /, "").replace(/^ {4}/gm, ""));
  }

  it("keeps code spans and fenced code as written, and the rest escaped", () => {
    const html = firstFootnote(
      "The test `a<b` holds, a<b does not.\n\n```js\nif (a<b && c) {\n\n  go();\n}\n```\nThen <b>more</b>.",
    );
    expect(html).toContain("<code>a&lt;b</code> holds, a&lt;b does not.");
    expect(html).toContain("<pre><code>if (a&lt;b &amp;&amp; c) {\n\n  go();\n}\n</code></pre>");
    expect(html).toContain("<p>Then &lt;b&gt;more&lt;/b&gt;.</p>");
  });

  it("writes links to addresses the fact-check page refuses as text", () => {
    const html = firstFootnote(
      "[one](javascript:alert(1)) [two](VBScript:x) [three](data:text/html,x) ![four](javascript:y) [five](https://example.org/ok)",
    );
    expect(html).not.toMatch(/(href|src)="(?!https:\/\/example\.org\/ok")/);
    expect(html).toContain(
      // An image is written as a link (docs/decisions/010-no-third-party-images.md), here as text.
      "[one](javascript:alert(1)) [two](VBScript:x) [three](data:text/html,x) [image: four](javascript:y)",
    );
    expect(html).toContain('<a href="https://example.org/ok">five</a>');
  });
});

describe("Atom feed", () => {
  it("lists every version and escapes hostile text", () => {
    const xml = atomFeed(
      [
        {
          slug: "a",
          title: "Chips & <script>alert(1)</script>",
          number: 1,
          publishedAt: "2026-01-01T00:00:00.000Z",
          changeNote: "",
          changeKind: "correction",
          claims: 2,
          summary: "2 claims.",
        },
        {
          slug: "a",
          title: "Chips & <script>alert(1)</script>",
          number: 2,
          publishedAt: "2026-02-01T00:00:00.000Z",
          changeNote: "Fixed \u0007 a date.",
          changeKind: "correction",
          claims: 2,
          summary: "2 claims.",
        },
        {
          slug: "a",
          title: "Chips & <script>alert(1)</script>",
          number: 3,
          publishedAt: "2026-03-01T00:00:00.000Z",
          changeNote: "Added the figures.",
          changeKind: "update",
          claims: 2,
          summary: "2 claims.",
        },
      ],
      publisher,
    );
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/,
    );
    expect(xml).not.toContain("<script>");
    expect(xml).toContain("Chips &amp; &lt;script&gt;");
    expect(xml).not.toContain("\u0007");
    expect(xml.match(/<entry>/g)).toHaveLength(3);
    // Newest first, each version named for what it did.
    expect(xml.indexOf("<title>Update (version 3)")).toBeLessThan(
      xml.indexOf("<title>Correction (version 2)"),
    );
    expect(xml.indexOf("Correction (version 2)")).toBeLessThan(xml.indexOf("<title>Fact-check: Chips"));
    expect(xml).toContain("<updated>2026-03-01T00:00:00.000Z</updated>");
    expect(xml).toContain('href="https://checks.example.org/fact-checks/a/v/2"');
  });
});

describe("export formats by name", () => {
  it("knows its three formats and nothing an object inherits", async () => {
    const { exportFormat } = await import("./formats.server");
    for (const name of ["annotations.jsonld", "export.json", "export.md"])
      expect(exportFormat(name)).not.toBeNull();
    for (const name of ["constructor", "__proto__", "toString", "hasOwnProperty", "", undefined])
      expect(exportFormat(name)).toBeNull();
  });
});

describe("formats as served", () => {
  it("are rendered once per version and format, and a newer version is served at once", async () => {
    const { renderedFormat } = await import("./formats.server");
    const { publishArticle } = await import("./publish.server");
    const { db } = await import("../db/client.server");
    const first = (await renderedFormat("alibaba-ai-chip", "export.md"))!;
    expect(first.body).toContain(`version ${snapshot.number}, published`);
    expect(await renderedFormat("alibaba-ai-chip", "export.md")).toBe(first);
    expect(await renderedFormat("alibaba-ai-chip", "nothing.md")).toBeNull();
    expect(await renderedFormat("no-such-fact-check", "export.md")).toBeNull();

    const article = await db().article.findFirstOrThrow({ where: { slug: "alibaba-ai-chip" } });
    await db().article.update({ where: { id: article.id }, data: { author: "A Later Byline" } });
    await publishArticle(
      article.id,
      { articleVersion: article.version, changeNote: "The byline, corrected.", changeKind: "correction" },
      null,
    );
    const next = (await renderedFormat("alibaba-ai-chip", "export.md"))!;
    expect(next.body).toContain(`version ${snapshot.number + 1}, published`);
    expect(next.body).toContain("by A Later Byline");
    expect(next.etag).not.toBe(first.etag);
    // Gzipped once, under a tag of its own: a strong ETag names one encoding's bytes.
    const { gunzipSync } = await import("node:zlib");
    const { gzipped } = await import("./formats.server");
    const gzip = gzipped(next);
    expect(gunzipSync(gzip.body).toString("utf8")).toBe(next.body);
    expect(gzip.etag).toBe(next.etag.replace(/"$/, '-gzip"'));
    expect(gzipped(next).body).toBe(gzip.body);
  });

  it("are rendered once for readers who ask at the same time", async () => {
    const { renderedFormat } = await import("./formats.server");
    // No test here has asked for export.json yet: the burst is its first rendering.
    const burst = await Promise.all(
      Array.from({ length: 8 }, () => renderedFormat("alibaba-ai-chip", "export.json")),
    );
    expect(new Set(burst).size).toBe(1);
    expect(burst[0]!.kept).toBe(true);
    expect(await renderedFormat("alibaba-ai-chip", "export.json")).toBe(burst[0]);
  });
});

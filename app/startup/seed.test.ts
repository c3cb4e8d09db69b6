import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../db/testing.server";

// The seed on a real SQLite file, as a new workspace starts: the hardware reference, then the
// Alibaba chip fact-check as first published and re-published with the language layer.
await useFreshDatabase();
const { seedIfEmpty, SEED_REPUBLISHED_NOTE } = await import("./seed.server");
const { loadReferenceIfEmpty } = await import("../reference/reference.server");
const { loadPublication, publishedPage, versionHistory } = await import("../publishing/publications.server");

const SLUG = "alibaba-ai-chip";

beforeAll(async () => {
  await loadReferenceIfEmpty();
  expect(await seedIfEmpty()).toBe(true);
});

describe("the seed fact-check", () => {
  it("has version 1 as first published and version 2, with the language layer, as its latest", async () => {
    const history = await versionHistory({ slug: SLUG });
    expect(history.map((h) => [h.number, h.changeNote])).toEqual([
      [1, ""],
      [2, SEED_REPUBLISHED_NOTE],
    ]);
    const first = (await loadPublication(SLUG, 1))!.snapshot;
    const latest = (await loadPublication(SLUG))!.snapshot;
    expect(latest.number).toBe(2);
    expect(first.claims.flatMap((c) => c.figures)).toEqual([]);
    // The same claims and verdicts: only the figures were added.
    expect(latest.claims.map((c) => [c.quote, c.verdict])).toEqual(
      first.claims.map((c) => [c.quote, c.verdict]),
    );
    const tops = latest.claims.find((c) => c.quote.startsWith("Inference Performance"))!;
    expect(tops.figures).toEqual([
      {
        text: "12 TOPS",
        value: 12,
        unit: "TOPS",
        measure: "compute",
        normalized: { value: 12, unit: "TOPS" },
      },
    ]);
    expect(latest.claims.filter((c) => c.figures.length > 0)).toHaveLength(8);
  });

  it("shows the figures and the change note on its page; version 1's page stays as it was", async () => {
    const page = (await publishedPage(SLUG))!.body;
    expect(page).toContain("Fact-check version 2, published");
    expect(page).toContain(`(version 2): ${SEED_REPUBLISHED_NOTE.replace(/'/g, "&#x27;")}`);
    // It added figures and changed no verdict: an update, not a correction.
    expect(page).toMatch(/<strong id="correction-banner-heading">Updated /);
    expect(page).not.toContain("Corrected");
    expect(page.match(/<h3>Figures<\/h3>/g)).toHaveLength(8);
    expect(page).toContain("<dt>“12 TOPS”</dt><dd>Compute performance: 12 TOPS</dd>");
    expect(page).toContain("<dt>“3–4%”</dt><dd>Percentage: 3–4% (a change, not a level)</dd>");
    expect(page).toContain(
      "<dt>“1.5x”</dt><dd>Ratio (a multiple): 1.5× (compared with previous generation)</dd>",
    );
    const first = (await publishedPage(SLUG, 1))!.body;
    expect(first).toContain("Fact-check version 1, published");
    expect(first).not.toContain("<h3>Figures</h3>");
    expect(first).not.toContain('class="correction-banner"');
  });

  it("shows the article without the source site's donation boxes and buttons, every claim in place", async () => {
    const page = (await publishedPage(SLUG))!.body;
    const start = page.indexOf('class="article-text"');
    const article = page.slice(start, page.indexOf("</div>", start));
    expect(article).toContain("Wake up: the AI chip world is shifting");
    expect(article).not.toMatch(
      /DONATOR|Patreon|Buy me a coffee|Enjoying the article|Scroll to Top|Follow us/i,
    );
    const { snapshot } = (await loadPublication(SLUG))!;
    expect(new Set(article.match(/data-claim="\d+"/g))).toHaveProperty("size", snapshot.claims.length);
  });

  it("is seeded once", async () => {
    expect(await seedIfEmpty()).toBe(false);
    expect(await versionHistory({ slug: SLUG })).toHaveLength(2);
  });
});

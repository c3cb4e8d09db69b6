import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { expectAccessible } from "./helpers";

const SEED = "/fact-checks/alibaba-ai-chip";

test.describe("publishing for the open web", () => {
  test("public pages have no accessibility violations", async ({ page }) => {
    await page.goto(SEED);
    const claimId = await page.locator(".article-text mark[data-claim]").first().getAttribute("data-claim");
    for (const path of [
      "/fact-checks",
      SEED,
      `${SEED}/v/1`,
      "/methodology",
      "/login",
      `/embed/claims/${claimId}`,
      "/fact-checks/no-such-check",
    ]) {
      await page.goto(path);
      await expectAccessible(page, path);
    }
  });

  test("a published version is served from stored bytes with a strong ETag", async ({ request }) => {
    const version = await request.get(`${SEED}/v/1`);
    expect(version.status()).toBe(200);
    expect(version.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    const etag = version.headers()["etag"]!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{20,}"$/);
    const again = await request.get(`${SEED}/v/1`, { headers: { "If-None-Match": etag } });
    expect(again.status()).toBe(304);
    expect(await again.body()).toHaveLength(0);

    const latest = await request.get(SEED);
    expect(latest.headers()["cache-control"]).toBe("public, max-age=0, must-revalidate");
    expect(
      (await request.get(SEED, { headers: { "If-None-Match": latest.headers()["etag"]! } })).status(),
    ).toBe(304);
    expect(latest.headers()["content-security-policy"]).toContain("script-src 'self'");
    expect(latest.headers()["content-security-policy"]).not.toContain("unsafe-inline");

    // Page weight: HTML and CSS under 60 KB, no script required.
    const html = await latest.body();
    const css = await (await request.get("/claimdesk.css")).body();
    expect(html.length + css.length).toBeLessThan(60_000);
  });

  test("each claim carries ClaimReview JSON-LD", async ({ page }) => {
    await page.goto(SEED);
    const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(data["@context"]).toBe("https://schema.org");
    expect(data["@graph"]).toHaveLength(16);
    const review = data["@graph"][7];
    expect(review).toMatchObject({
      "@type": "ClaimReview",
      claimReviewed: "Process Node: 5nm technology.",
      reviewRating: { "@type": "Rating", alternateName: "Unsupported" },
      itemReviewed: { "@type": "Claim", appearance: { url: "https://geexforge.com/?p=5273" } },
    });
    // The seed's latest version is 2 (re-published with each claim's figures).
    expect(review.url).toMatch(/\/fact-checks\/alibaba-ai-chip\/v\/2#claim-10$/);
    await page.goto(review.url.replace(/^https?:\/\/[^/]+/, ""));
    await expect(page.locator("#claim-10")).toHaveText("Process Node: 5nm technology.");
  });

  test("the Web Annotation export passes the W3C conformance assertions", async ({ request }, testInfo) => {
    const response = await request.get(`${SEED}/annotations.jsonld`);
    expect(response.headers()["content-type"]).toContain("application/ld+json");
    const file = testInfo.outputPath("annotations.jsonld");
    writeFileSync(file, await response.body());
    const output = execFileSync("node", ["../shared/conformance/web-annotation-check.mjs", file], {
      encoding: "utf8",
    });
    expect(output.trim().split("\n").pop()).toMatch(/^\d+ passed, 0 failed$/);
  });

  test("an unknown format is a 404 page, also when it names a property every object has", async ({
    request,
  }) => {
    for (const name of ["export.csv", "constructor", "__proto__", "toString", "hasOwnProperty"]) {
      const response = await request.get(`${SEED}/${name}`);
      expect(response.status(), name).toBe(404);
    }
  });

  test("exports, feed and the embeddable card", async ({ request, page }) => {
    const json = await (await request.get(`${SEED}/export.json`)).json();
    expect(json.schema).toBe("claimdesk.export/1");
    expect(json.claims).toHaveLength(16);
    expect(json.claims[7].figures).toEqual([
      { text: "5nm", value: 5, unit: "nm", measure: "process node", normalized: { value: 5, unit: "nm" } },
    ]);
    expect(json.corrections).toEqual([
      expect.objectContaining({
        version: 2,
        note: expect.stringMatching(/^Each claim now lists its figures/),
      }),
    ]);
    const md = await (await request.get(`${SEED}/export.md`)).text();
    expect(md).toContain("**Process Node: 5nm technology.**[^10]");
    const feed = await request.get("/fact-checks.atom");
    expect(feed.headers()["content-type"]).toContain("application/atom+xml");
    expect(await feed.text()).toContain("<title>Fact-check: Alibaba AI Chip");

    await page.goto(SEED);
    const claimId = await page.locator("#claim-10").getAttribute("data-claim");
    const card = await request.get(`/embed/claims/${claimId}`);
    expect(card.headers()["x-frame-options"]).toBeUndefined();
    expect(card.headers()["content-security-policy"]).toContain("frame-ancestors *");
    await page.setContent(
      `<iframe title="Claim card" src="${new URL(`/embed/claims/${claimId}`, page.url())}" width="600" height="300"></iframe>`,
    );
    const frame = page.frameLocator("iframe");
    await expect(frame.locator("blockquote")).toHaveText("“Process Node: 5nm technology.”");
    await expect(frame.locator(".verdict")).toHaveText("Unsupported");
    await expect(frame.getByRole("link", { name: "Read the full fact-check" })).toHaveAttribute(
      "href",
      /\/v\/2#claim-10$/,
    );
    expect((await request.get("/embed/claims/99999")).status()).toBe(404);
  });

  test("the seed's latest version lists each claim's figures, and says why it was re-published", async ({
    page,
  }) => {
    await page.goto(SEED);
    await expect(page.getByRole("complementary")).toContainText(
      "(version 2): Each claim now lists its figures, with their units and what they measure. No verdict changed.",
    );
    const note = page.locator("#claim-note-11");
    await expect(note.getByRole("heading", { name: "Figures", level: 3 })).toBeVisible();
    await expect(note.locator("dl.figures dt")).toHaveText(["“12 TOPS”"]);
    await expect(note.locator("dl.figures dd")).toHaveText(["Compute performance: 12 TOPS"]);
    await expect(page.locator("dl.figures")).toHaveCount(8);
    // Version 1 stays the original publication, without them.
    await page.goto(`${SEED}/v/1`);
    await expect(page.getByText("Fact-check version 1, published")).toBeVisible();
    await expect(page.locator("dl.figures")).toHaveCount(0);
  });

  test("with JavaScript, n and p move between claims", async ({ page }) => {
    await page.goto(SEED);
    await page.keyboard.press("n");
    // The seed's first checked claim is its second passage: claim 1 was not checked.
    await expect(page.locator("#claim-2")).toBeFocused();
    await page.keyboard.press("n");
    await expect(page.locator("#claim-3")).toBeFocused();
    await page.keyboard.press("p");
    await expect(page.locator("#claim-2")).toBeFocused();
  });
});

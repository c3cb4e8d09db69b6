import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { createUser, expectAccessible, personIn } from "./helpers";

// Other fact-checkers' reviews: an editor imports ClaimReview JSON-LD without JavaScript (two
// reviews stored, one skipped with its reason; a second import updates, never duplicates); search
// finds them under "Other fact-checkers"; the seed's claim page offers the matching one under
// "Checked before?", as theirs, linked to their site, with nothing to confirm.

const SAMPLE = readFileSync("fixtures/claim-reviews/sample.jsonld", "utf8");
const REVIEW_URL = "https://factcheck.example.org/2024/05/alibaba-chip-12-tops";

test.beforeAll(() => {
  createUser("rhea-reviews@desk.test", "Rhea Reviews", "editor");
});

test("an editor imports other fact-checkers' reviews without JavaScript; search and 'Checked before?' show them as theirs", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const page = await personIn(browser, "rhea-reviews@desk.test", { javaScriptEnabled: false });
  await page.getByRole("navigation").getByRole("link", { name: "Other fact-checkers" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Other fact-checkers’ reviews");

  await page.getByLabel("Or paste ClaimReview JSON-LD").fill(SAMPLE);
  await page.getByRole("button", { name: "Import reviews" }).click();
  const status = page.getByRole("status").filter({ hasText: "imported" });
  await expect(status).toContainText("2 reviews imported, 0 updated, 1 skipped.");
  await expect(status).toContainText("Review 3 skipped: It has no url.");
  const list = page.locator(".external-review");
  await expect(list).toHaveCount(2);
  const chip = list.filter({ hasText: "12 TOPS" });
  await expect(chip).toContainText("not published by us");
  await expect(chip).toContainText("Reviewed by Example Fact Check on 2024-05-02");
  await expect(chip).toContainText("Their rating: Misleading");
  const out = chip.getByRole("link", { name: /12 TOPS.*\(external site\)/ });
  await expect(out).toHaveAttribute("href", REVIEW_URL);
  await expect(out).toHaveAttribute("rel", /noopener/);

  // Again: updated, not duplicated.
  await page.getByLabel("Or paste ClaimReview JSON-LD").fill(SAMPLE);
  await page.getByRole("button", { name: "Import reviews" }).click();
  await expect(page.getByRole("status").filter({ hasText: "imported" })).toContainText(
    "0 reviews imported, 2 updated, 1 skipped.",
  );
  await expect(page.locator(".external-review")).toHaveCount(2);

  // Something that is not JSON: a sentence, the paste kept.
  await page.getByLabel("Or paste ClaimReview JSON-LD").fill("{ not json");
  await page.getByRole("button", { name: "Import reviews" }).click();
  await expect(page.getByRole("alert").first()).toContainText("The JSON-LD is not valid JSON.");
  await expect(page.getByLabel("Or paste ClaimReview JSON-LD")).toHaveValue("{ not json");

  // With JavaScript: the page is accessible; search and the claim page show the reviews as theirs.
  const js = await personIn(browser, "rhea-reviews@desk.test");
  await js.goto("/reviews");
  await expect(js.locator(".external-review")).toHaveCount(2);
  await expectAccessible(js);

  // Search: under "Other fact-checkers", linked to their site.
  await js.goto("/search?q=12+TOPS");
  const theirs = js.getByRole("region", { name: /Other fact-checkers/ });
  const hit = theirs.locator(".search-hit", { hasText: "Example Fact Check" });
  await expect(hit).toContainText("Misleading");
  await expect(hit.getByRole("link", { name: /external site/ })).toHaveAttribute("href", REVIEW_URL);

  // The seed's claim: "Checked before?" offers their review, with nothing to confirm.
  await js
    .getByRole("region", { name: /^Claims/ })
    .getByRole("link", { name: /Up to 12 TOPS/ })
    .first()
    .click();
  await js.waitForURL(/\/claims\/\d+/);
  const panel = js.getByRole("region", { name: "Checked before?" });
  const external = panel.locator(".match--external", { hasText: "Example Fact Check" });
  await expect(external).toContainText("not by us");
  await expect(external).toContainText("Their rating: Misleading");
  await expect(external.getByRole("link", { name: /external site/ })).toHaveAttribute("href", REVIEW_URL);
  await expect(external.getByRole("button")).toHaveCount(0);
  await expectAccessible(js);
});

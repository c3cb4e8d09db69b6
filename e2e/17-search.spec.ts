import { expect, test } from "@playwright/test";
import { createUser, expectAccessible, failOnServerErrors, personIn, signIn } from "./helpers";

// Searching the archive: the desk finds every claim, article and source, drafts included, with
// and without JavaScript; readers find published fact-checks only.

const REPEAT = [
  "# Alibaba's inference chip, again",
  "",
  "Quillmark Daily reports the Alibaba processor delivers 12 TOPS of inference performance.",
  "",
  "The company says its memory bandwidth reaches 512 GB/s.",
].join("\n");

test.beforeAll(() => {
  createUser("sasha-search@desk.test", "Sasha Search", "editor");
});

test("an editor finds the earlier fact-check of a repeated claim, and a draft, from the search page", async ({
  page,
}) => {
  failOnServerErrors(page);
  await signIn(page, "sasha-search@desk.test");
  await page.goto("/articles/new");
  await page.getByLabel("Title").fill("Alibaba's inference chip, again");
  await page.getByLabel("Outlet").fill("Quillmark Daily");
  await page.getByLabel("Article text").fill(REPEAT);
  await page.getByRole("button", { name: "Import and propose claims" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Alibaba's inference chip, again");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Search" }).click();
  await page.getByLabel("Search claims, articles and evidence").fill("TOPS inference");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("status")).toContainText("matches for “TOPS inference”");
  const claims = page.getByRole("region", { name: /^Claims/ });
  // The seed's checked claim, with its verdict, and the new draft's claim.
  await expect(claims.locator(".search-hit")).toHaveCount(2);
  const seed = claims.locator(".search-hit", { hasText: "Up to 12 TOPS" });
  await expect(seed).toContainText("Inaccurate");
  await expect(seed.locator("mark").first()).toHaveText(/TOPS|inference/i);
  await expect(claims.locator(".search-hit", { hasText: "12 TOPS of inference performance" })).toHaveCount(1);
  const articles = page.getByRole("region", { name: /^Articles/ });
  await expect(articles).toContainText("Alibaba's inference chip, again");
  await expectAccessible(page);

  // A filter narrows to the checked claims; the hit opens the claim.
  await page.getByLabel("Verdict").selectOption("inaccurate");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("region", { name: /^Claims/ }).locator(".search-hit")).toHaveCount(1);
  await page.getByRole("link", { name: /Up to 12 TOPS/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("12 TOPS");
});

test("searching works without JavaScript, a kind at a time, page by page", async ({ browser }) => {
  const page = await personIn(browser, "sasha-search@desk.test", { javaScriptEnabled: false });
  await page.goto("/search");
  await page.getByLabel("Search claims, articles and evidence").fill("Alibaba");
  await page.getByLabel("Show").selectOption("claim");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/kind=claim/);
  await expect(page.getByRole("status")).toContainText("claims match “Alibaba”");
  const first = await page.locator(".search-hit h3").allTextContents();
  expect(first.length).toBeGreaterThan(0);
  // Everything the seed says about Alibaba: more than one page of 20.
  if (await page.getByRole("link", { name: "Next page" }).count()) {
    await page.getByRole("link", { name: "Next page" }).click();
    const second = await page.locator(".search-hit h3").allTextContents();
    expect(second.filter((title) => first.includes(title))).toEqual([]);
  }
  // Operators and stray quotes are words, not errors.
  await page.goto("/search?q=%22unterminated+NEAR(+chip*+-");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Search");
  await expect(page.getByRole("status")).toContainText('“"unterminated NEAR( chip* -”');
});

test("readers search published fact-checks and never see a draft", async ({ browser }) => {
  const reader = await personIn(browser);
  await reader.goto("/fact-checks");
  await reader.getByLabel("Search the published fact-checks").fill("Hanguang");
  await reader.getByRole("button", { name: "Search" }).click();
  await expect(reader.getByRole("status")).toContainText("1 fact-check matches “Hanguang”");
  await expect(reader.locator(".snippet mark").first()).toHaveText(/Hanguang/i);
  await expectAccessible(reader);
  await reader
    .getByRole("link", { name: /Alibaba/ })
    .first()
    .click();
  await expect(reader).toHaveURL(/\/fact-checks\/alibaba-ai-chip$/);
  // The draft imported above is the only place "Quillmark" appears.
  await reader.goto("/fact-checks?q=Quillmark");
  await expect(reader.getByRole("status")).toContainText("No published fact-check matches “Quillmark”");
});

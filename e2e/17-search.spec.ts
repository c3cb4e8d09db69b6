import { rmSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { generateWorkspace } from "../scripts/bench-workspace";
import {
  callApi,
  createToken,
  createUser,
  expectAccessible,
  failOnServerErrors,
  onPostgres,
  personIn,
  signIn,
  startOwnServer,
} from "./helpers";

// Searching the archive: the desk finds every claim, article and source, drafts included, with
// and without JavaScript; readers find published fact-checks only.

const REPEAT = [
  "# Alibaba's inference chip, again",
  "",
  "Quillmark Daily reports that Nvidia stock dipped between 3 and 4 percent on the Alibaba news.",
  "",
  "Traders expect the chip to ship in volume next year.",
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
  await page.getByLabel("Search claims, articles and evidence").fill("Nvidia dipped");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("status")).toContainText("matches for “Nvidia dipped”");
  const claims = page.getByRole("region", { name: /^Claims/ });
  // The seed's checked claim, with its verdict, and the new draft's claim.
  await expect(claims.locator(".search-hit")).toHaveCount(2);
  const seed = claims.locator(".search-hit", { hasText: "Nvidia stock dipped 3–4%" });
  await expect(seed).toContainText("Mostly accurate");
  await expect(seed.locator("mark").first()).toHaveText(/Nvidia|dipped/i);
  await expect(claims.locator(".search-hit", { hasText: "between 3 and 4 percent" })).toHaveCount(1);
  const articles = page.getByRole("region", { name: /^Articles/ });
  await expect(articles).toContainText("Alibaba's inference chip, again");
  await expectAccessible(page);

  // A filter narrows to the checked claims; the hit opens the claim.
  await page.getByText("Filters").click();
  await page.getByLabel("Verdict").selectOption("mostly-accurate");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("region", { name: /^Claims/ }).locator(".search-hit")).toHaveCount(1);
  await page.getByRole("link", { name: /Nvidia stock dipped/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Nvidia stock dipped");
});

test("searching works without JavaScript, a kind at a time, page by page", async ({ browser }) => {
  const page = await personIn(browser, "sasha-search@desk.test", { javaScriptEnabled: false });
  await page.goto("/search");
  await page.getByLabel("Search claims, articles and evidence").fill("Alibaba");
  await page.getByText("Filters").click();
  await page.getByLabel("Show").selectOption("claim");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/kind=claim/);
  await expect(page.getByRole("status")).toContainText("claims match “Alibaba”");
  const first = await page.locator(".search-hit h3").allTextContents();
  expect(first.length).toBeGreaterThan(0);
  // Everything the seed says about Alibaba: more than one page of 20.
  if (await page.getByRole("link", { name: "Next page" }).count()) {
    await page.getByRole("link", { name: "Next page" }).click();
    // Read page 2 only once it is the page shown (JavaScript is off: a whole new page loads).
    await expect(page).toHaveURL(/[?&]page=2(&|$)/);
    await expect(page.getByText("Page 2", { exact: true })).toBeVisible();
    const second = await page.locator(".search-hit h3").allTextContents();
    expect(second.length).toBeGreaterThan(0);
    expect(second.filter((title) => first.includes(title))).toEqual([]);
  }
  // A page past the last match (an old link, a hand-typed address) still counts them and says where they are.
  await page.goto(`/search?q=Alibaba&kind=claim&page=99`);
  const counted = page.getByRole("heading", { name: /^Claims \(\d+\)$/ });
  await expect(counted).toBeVisible();
  const total = Number((await counted.textContent())!.match(/\((\d+)\)/)![1]);
  expect(total).toBeGreaterThan(0);
  await expect(page.getByRole("status")).toContainText(
    `This page is past the last match: all ${total} are on earlier pages.`,
  );
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
  // A page past the one match (an old link) says where it is.
  await reader.goto("/fact-checks?q=Hanguang&page=9");
  await expect(reader.getByRole("status")).toContainText(
    "This page is past the only match: it is on the first page.",
  );
  // The draft imported above is the only place "Quillmark" appears.
  await reader.goto("/fact-checks?q=Quillmark");
  await expect(reader.getByRole("status")).toContainText("No published fact-check matches “Quillmark”");
});

test("a word more claims hold than search ranks: the page says which are ranked and how to reach the rest", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const database = "data/e2e-search-ranked.db";
  const server = await startOwnServer(database, {});
  try {
    createUser("rank-editor@desk.test", "Rank Editor", "editor", database);
    const token = createToken("rank-editor@desk.test", database);
    // Two articles of 501 figures each, all about quokkas: more claims than search ranks (1,000).
    for (const part of [1, 2]) {
      const markdown = Array.from(
        { length: 501 },
        (_, i) =>
          `Rangers counted ${part * 1000 + i} quokkas on the island in ${1900 + (i % 120)}, up ${1 + (i % 90)} percent.`,
      ).join("\n\n");
      await callApi(server.base, token, "POST", "/articles", {
        title: `Quokka census, part ${part}`,
        markdown,
      });
    }
    const page = await personIn(browser, "rank-editor@desk.test", {
      javaScriptEnabled: false,
      baseURL: server.base,
    });
    await page.goto("/search?q=quokka");
    // The status line, which a screen reader announces, says which kinds were ranked in part.
    await expect(page.getByRole("status")).toContainText(
      "Of claims, only the 1,000 most recently added are ranked.",
    );
    const claims = page.getByRole("region", { name: /^Claims/ });
    await expect(claims.getByRole("heading", { name: "Claims (1,000+)" })).toBeVisible();
    await expect(claims).toContainText(
      "Only the 1,000 most recently added matches are ranked. Add a word, a filter or a date range to reach older ones.",
    );
    await expect(claims.locator(".search-hit")).toHaveCount(5);
    await expect(
      claims.getByRole("link", { name: "The 1,000 most recently added claims, best first" }),
    ).toBeVisible();
    // Two articles match, all of them ranked: nothing to say.
    await expect(page.getByRole("region", { name: /^Articles/ })).not.toContainText("most recently added");
    // Page 50 of 20 holds the last ranked ones; page 51 is past them and says so.
    await page.goto("/search?q=quokka&kind=claim&page=50");
    await expect(page.locator(".search-hit")).toHaveCount(20);
    await expect(page.getByRole("status")).toHaveText(
      "1,000+ claims match “quokka”, best first. Only the 1,000 most recently added matches are ranked. Add a word, a filter or a date range to reach older ones.",
    );
    // The title, which a screen reader reads first on a new page, says what the page holds.
    await expect(page).toHaveTitle("1,000+ claims match “quokka” (page 50) · Search · Claimdesk");
    await page.goto("/search?q=quokka&kind=claim&page=51");
    await expect(page.getByRole("status")).toContainText(
      "This page is past the 1,000 most recently added matches, the only ones ranked. Add a word, a filter or a date range to reach older ones.",
    );
    await expect(page.locator(".search-hit")).toHaveCount(0);
  } finally {
    server.child.kill();
  }
});

test("readers searching a word every published fact-check holds are told which are ranked", async ({
  browser,
}) => {
  test.skip(
    onPostgres(),
    "The workspace is generated as a SQLite file; app/search/search.test.ts ranks readers' search on PostgreSQL.",
  );
  test.setTimeout(60_000);
  // 1,002 published fact-checks, each titled "Bench article N": more than search ranks (1,000).
  const database = "data/e2e-readers-ranked.db";
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${database}${suffix}`, { force: true });
  generateWorkspace(database, { articles: 1002, claimsPerArticle: 1, published: 1002 });
  const server = await startOwnServer(database, { CLAIMDESK_SEED: "off" }, { shared: true });
  try {
    const context = await browser.newContext({ baseURL: server.base, javaScriptEnabled: false });
    const reader = await context.newPage();
    await reader.goto("/fact-checks?q=bench");
    await expect(reader.getByRole("status")).toContainText(
      "1,000+ fact-checks match “bench”, best first. Only the 1,000 most recently published matches are ranked. Add a word to reach older ones.",
    );
    await expect(reader.locator(".card-list .card").first()).toBeVisible();
    await expect(reader).toHaveTitle("1,000+ fact-checks match “bench” · Fact-checks · Claimdesk");
    await reader.goto("/fact-checks?q=bench&page=999");
    await expect(reader.getByRole("status")).toContainText(
      "This page is past the 1,000 most recently published matches, the only ones ranked. Add a word to reach older ones.",
    );
    await expect(reader.locator(".card-list .card")).toHaveCount(0);
    await context.close();
  } finally {
    server.child.kill();
  }
});

import { expect, test } from "@playwright/test";
import { createUser, expectAccessible, failOnServerErrors, personIn, signIn } from "./helpers";

// An article in German: the workbench names its language and proposes its claims, and an editor
// corrects the language, with JavaScript and without; the history records each change.

const ARTICLE = [
  "# Voltara erhöht Prognose",
  "",
  "Der Chiphersteller Voltara hat im dritten Quartal einen Umsatz von 3,7 Milliarden Euro erzielt, ein Plus von 8 Prozent gegenüber dem Vorjahr.",
  "",
  "Das Segmentergebnis stieg auf 1.299,50 Millionen Euro, wie das Unternehmen am 3. Oktober 2025 mitteilte. Vorstandschef Jonas Berger sagte, die Nachfrage habe sich verdoppelt.",
  "",
  "Abonnieren Sie unseren Newsletter, um nichts zu verpassen.",
].join("\n");

test.beforeAll(() => {
  createUser("lena-language@desk.test", "Lena Language", "editor");
});

test("a German article is detected, its claims proposed, and its language corrected with and without JavaScript", async ({
  page,
  browser,
}) => {
  failOnServerErrors(page);
  await signIn(page, "lena-language@desk.test");
  await page.goto("/articles/new");
  await page.getByLabel("Title").fill("Voltara erhöht Prognose");
  await page.getByLabel("Article text").fill(ARTICLE);
  await page.getByRole("button", { name: "Import and propose claims" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Voltara erhöht Prognose");
  const article = page.url();

  await expect(page.locator(".page-head .meta")).toContainText("German");
  await expect(page.locator(".article-text")).toHaveAttribute("lang", "de");
  const proposals = page.locator(".claim-item");
  await expect(proposals.filter({ hasText: "3,7 Milliarden Euro" })).toHaveCount(1);
  // "3. Oktober" does not end a sentence: the claim runs on to "mitteilte."
  await expect(proposals.filter({ hasText: "am 3. Oktober 2025 mitteilte." })).toHaveCount(1);
  await expect(proposals.filter({ hasText: "Jonas Berger sagte" })).toHaveCount(1);
  await expect(proposals.filter({ hasText: "Newsletter" })).toHaveCount(0);

  // With JavaScript: the editor sets another language.
  await page.getByRole("link", { name: "Correct the article text or language" }).click();
  await page.waitForURL(/\/articles\/\d+\/edit$/);
  await expect(page.getByLabel("Language of the article")).toHaveValue("de");
  await expectAccessible(page);
  await page.getByLabel("Language of the article").selectOption({ label: "Dutch" });
  await page.getByRole("button", { name: "Set language" }).click();
  await page.waitForURL(/\/articles\/\d+\?revised=/);
  await expect(page.getByRole("status").first()).toContainText("Language set to Dutch.");
  await expect(page.locator(".page-head .meta")).toContainText("Dutch");

  // Without JavaScript: back to German.
  const plain = await personIn(browser, "lena-language@desk.test", { javaScriptEnabled: false });
  await plain.goto(`${article}/edit`);
  await expect(plain.getByLabel("Language of the article")).toHaveValue("nl");
  await plain.getByLabel("Language of the article").selectOption({ label: "German" });
  await plain.getByRole("button", { name: "Set language" }).click();
  await plain.waitForURL(/\/articles\/\d+\?revised=/);
  await expect(plain.getByRole("status").first()).toContainText("Language set to German.");
  await expect(plain.locator(".page-head .meta")).toContainText("German");
  await expect(plain.locator(".claim-item").filter({ hasText: "3,7 Milliarden Euro" })).toHaveCount(1);

  await plain.goto(`${article}/history`);
  await expect(plain.getByText("set the language of").first()).toBeVisible();
  await expect(plain.getByRole("main")).toContainText("Dutch");
  await plain.context().close();
});

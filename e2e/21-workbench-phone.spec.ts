import { expect, test, type Page } from "@playwright/test";
import { createUser, expectAccessible, failOnServerErrors, signIn } from "./helpers";

// The workbench a newsroom uses all day (issue 15): every workbench page on a 390 px phone, with
// and without JavaScript, a lost claim placed again, and the keyboard shortcuts.
const PHONE = { width: 390, height: 844 };
const ARTICLE = [
  "Vega Robotics opened a plant in Ohio in 2024. It employs 1,200 people, the company said.",
  "The plant cost $400 million to build, according to the state's development agency.",
  "Vega said its robots are 30% cheaper than those of its nearest rival.",
].join("\n\n");

/** The page scrolls only downwards, and its article text (if any) is at least 300 px wide. */
async function expectPhoneLayout(page: Page, name: string) {
  const layout = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement!.scrollWidth,
    clientWidth: document.scrollingElement!.clientWidth,
    text: document.querySelector(".article-text")?.getBoundingClientRect().width ?? null,
  }));
  expect(layout.scrollWidth, `${name} scrolls sideways`).toBeLessThanOrEqual(layout.clientWidth);
  if (layout.text !== null) expect(layout.text, `${name}: article text width`).toBeGreaterThanOrEqual(300);
  // Looked at by a person: the first screen of the page's content (the article text, if any).
  await page
    .locator(".article-text, main h1")
    .first()
    .evaluate((e) => e.scrollIntoView());
  await page.screenshot({ path: test.info().outputPath(`${name}.png`) });
}

let articlePath = "";

test.beforeAll(async ({ browser }) => {
  createUser("phone@desk.test", "Pat Phone", "admin");
  const page = await browser.newPage();
  await signIn(page, "phone@desk.test");
  await page.goto("/articles/new");
  await page.getByLabel("Title").fill("A plant in Ohio, with a title long enough to wrap on a phone");
  await page.getByLabel("Article text").fill(ARTICLE);
  await page.getByRole("button", { name: "Import and propose claims" }).click();
  await page.waitForURL(/\/articles\/\d+$/);
  articlePath = new URL(page.url()).pathname;
  await page.close();
});

for (const javaScriptEnabled of [true, false]) {
  test.describe(`at 390 px, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ viewport: PHONE, javaScriptEnabled });

    test("every workbench page fits the phone's width, the article text at least 300 px", async ({
      page,
    }) => {
      failOnServerErrors(page);
      await signIn(page, "phone@desk.test");
      await page.goto(articlePath);
      const claimHref = await page
        .locator(".claim-item a", { hasText: "Check this claim" })
        .first()
        .getAttribute("href");
      const pages = {
        articles: "/articles",
        workbench: articlePath,
        claim: claimHref!,
        import: "/articles/new",
        desk: "/desk",
        history: `${articlePath}/history`,
        edit: `${articlePath}/edit`,
      };
      for (const [name, path] of Object.entries(pages)) {
        await page.goto(path);
        await expectPhoneLayout(page, `${name}-${javaScriptEnabled ? "js" : "nojs"}`);
      }
    });
  });
}

test("a claim that lost its place says what happened and is placed again from the current text", async ({
  page,
}) => {
  failOnServerErrors(page);
  await signIn(page, "phone@desk.test");
  await page.goto(`${articlePath}/edit`);
  const changed = ARTICLE.replace(
    "Vega said its robots are 30% cheaper than those of its nearest rival.",
    "Analysts doubt the price claims.",
  );
  await page.getByLabel("Article text (markdown)").fill(changed);
  await page.getByRole("button", { name: "Save and re-anchor claims" }).click();
  await page.waitForURL(/revised=/);
  await expect(page.getByRole("heading", { name: /Lost their place/ })).toBeVisible();

  await page.getByRole("link", { name: "Place it again" }).first().click();
  await page.waitForURL(/#place-again$/);
  await expect(page.getByRole("heading", { name: "This claim lost its place" })).toBeVisible();
  await expect(page.getByText("Its words before the change:")).toBeVisible();
  // The old words are not highlighted: they are no longer in the article.
  await expect(page.locator("mark")).toHaveCount(0);
  await expectAccessible(page, "a lost claim's page");

  await page
    .getByLabel("The passage’s exact words in the current text")
    .fill("Analysts doubt the price claims.");
  await page.getByRole("button", { name: "Place it again" }).click();
  await page.waitForURL(/saved=adjust/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("“Analysts doubt the price claims.”");
  await expect(page.getByRole("heading", { name: "This claim lost its place" })).toHaveCount(0);
  await expect(page.locator(".context mark")).toHaveText("Analysts doubt the price claims.");
});

test("j and k move between claims, ? lists the shortcuts, and typing in a field is left alone", async ({
  page,
}) => {
  failOnServerErrors(page);
  await signIn(page, "phone@desk.test");
  await page.goto(articlePath);
  await expect(page.getByText("Keyboard:")).toBeVisible();
  const items = page.locator(".claim-list .claim-item");
  await page.keyboard.press("j");
  await expect(items.nth(0)).toBeFocused();
  await page.keyboard.press("j");
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press("k");
  await expect(items.nth(0)).toBeFocused();

  await page.keyboard.press("?");
  const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("Next claim");
  await expectAccessible(page, "the shortcuts dialog");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  const quote = page.getByLabel("Exact words from the article");
  await quote.fill("");
  await quote.press("j");
  await quote.press("?");
  await expect(quote).toHaveValue("j?");
  await expect(dialog).toBeHidden();
});

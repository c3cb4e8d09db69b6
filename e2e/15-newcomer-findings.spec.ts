import { expect, test } from "@playwright/test";
import { createUser, signIn, waitForHydration } from "./helpers";

// Found by a newcomer walking the pages with JavaScript on: each failed before its fix.

test.beforeAll(() => {
  createUser("newcomer-editor@desk.test", "Newcomer Editor", "editor");
});

test("a published fact-check opens from the list with JavaScript on", async ({ page }) => {
  await page.goto("/fact-checks");
  // A stored page: no React, only its own small script, which must have run.
  await page.waitForLoadState("networkidle");
  const title = page.getByRole("link", { name: /Alibaba AI Chip/ }).first();
  await title.click();
  await expect(page).toHaveURL(/\/fact-checks\/alibaba-ai-chip$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Alibaba AI Chip");
  await expect(page.getByRole("heading", { name: "The article, annotated" })).toBeVisible();
});

test("the desk's filters show the view chosen in the app, also after Back", async ({ page }) => {
  await signIn(page, "newcomer-editor@desk.test");
  await page.goto("/desk?status=open&assignee=me");
  await waitForHydration(page);
  await page.getByRole("link", { name: /Waiting for review/ }).click();
  await expect(page).toHaveURL(/status=needs-review/);
  await expect(page.getByLabel("Status")).toHaveValue("needs-review");
  await expect(page.getByLabel("Assigned to")).toHaveValue("any");
  await page.goBack();
  await expect(page).toHaveURL(/assignee=me/);
  await expect(page.getByLabel("Status")).toHaveValue("open");
  await expect(page.getByLabel("Assigned to")).toHaveValue("me");
});

test("a field refused by the server is marked for eyes and for screen readers", async ({ page }) => {
  await signIn(page, "newcomer-editor@desk.test");
  await page.goto("/articles/new");
  await page.getByLabel("Article text").fill("Acme says its chip is 40% faster than last year's.");
  await page.getByRole("button", { name: /Import/ }).click();
  const title = page.getByLabel("Title", { exact: true });
  await expect(title).toHaveAttribute("aria-invalid", "true");
  await expect(title).toHaveAttribute("aria-describedby", /title-error/);
  await expect(page.locator("#title-error")).toContainText("Give the article a title.");
  const border = await title.evaluate((input) => getComputedStyle(input).borderTopWidth);
  expect(border).toBe("2px");
});

test("the article workbench is one readable column on a phone", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "newcomer-editor@desk.test");
  await page.goto("/articles/1");
  const text = await page.locator(".article-text").boundingBox();
  const claims = await page.locator(".workbench__claims").boundingBox();
  expect(text!.width).toBeGreaterThan(300);
  expect(claims!.y).toBeGreaterThanOrEqual(text!.y + text!.height);
});

test("an unknown address is a 404 page inside the site, with a way on", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Not found");
  await expect(page.getByText("There is no page at this address.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Fact-checks" }).first()).toBeVisible();
  // A screen reader announces the title first: an error page has one too.
  await expect(page).toHaveTitle("Not found · Claimdesk");
  // A version number that cannot be one is the site's 404 page, not a line of text.
  for (const version of ["0", "abc"]) {
    const missing = await page.goto(`/fact-checks/alibaba-ai-chip/v/${version}`);
    expect(missing?.status()).toBe(404);
    await expect(page).toHaveTitle("Not found · Claimdesk");
    await expect(page.getByText("There is no such version of this fact-check.")).toBeVisible();
  }
});

test("signing out with JavaScript on lands on the list of fact-checks, not an empty page", async ({
  page,
}) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") errors.push(message.text());
  });
  await signIn(page, "newcomer-editor@desk.test");
  await page.goto("/articles");
  await waitForHydration(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/fact-checks$/);
  await expect(page.getByRole("heading", { level: 1, name: "Published fact-checks" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  // The start page from an error page goes the same way: through "/" to the stored list.
  await page.goto("/no-such-page");
  await waitForHydration(page);
  await page.getByRole("link", { name: "Go to the start page" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Published fact-checks" })).toBeVisible();
  expect(errors.filter((e) => e.includes("does not have an element or Component"))).toEqual([]);
});

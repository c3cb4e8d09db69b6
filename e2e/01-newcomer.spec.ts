import { expect, test } from "@playwright/test";
import { failOnServerErrors, PASSWORD, postsOf } from "./helpers";

test.describe("a newcomer", () => {
  test("reads the seeded Alibaba fact-check, with JavaScript off", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    failOnServerErrors(page);
    await page.goto("/fact-checks");
    await page.getByRole("link", { name: /Alibaba AI Chip/ }).click();
    await expect(page).toHaveURL(/\/fact-checks\/alibaba-ai-chip$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Alibaba AI Chip: The Bold Nvidia Alternative Shaping China’s Tech Future",
    );
    await expect(page.getByRole("heading", { name: "16 claims checked" })).toBeVisible();

    // Every checked claim is highlighted in the article text, with its verdict in words.
    const marks = page.locator(".article-text mark[data-claim]");
    await expect
      .poll(
        async () =>
          new Set(await marks.evaluateAll((all) => all.map((m) => m.getAttribute("data-claim")))).size,
      )
      .toBe(16);
    await expect(page.locator(".article-text mark#claim-10")).toHaveText("Process Node: 5nm technology.");
    await expect(page.locator(".article-text .claim-ref").nth(7)).toHaveText("10 Unsupported");

    // The notes give rationale and sources with publisher and date.
    const note = page.locator("#claim-note-3");
    await expect(
      note.getByText("$53 billion AI and cloud investment plan over the next three years"),
    ).toBeVisible();
    await expect(note.locator(".verdict")).toHaveText(/Accurate/);
    await expect(note.getByRole("link", { name: "People's Daily / Xinhua" })).toHaveAttribute(
      "href",
      "http://en.people.cn/n3/2025/0224/c90000-20280703.html",
    );
    await expect(note.locator(".evidence li").first()).toContainText(
      "People's Daily / Xinhua, 24 February 2025",
    );

    // Boilerplate is left as plain text: it was never proposed as a claim.
    await expect(page.locator("mark", { hasText: "Patreon" })).toHaveCount(0);
    await context.close();
  });

  test("reads the methodology and the verdict scale", async ({ page }) => {
    await page.goto("/methodology");
    for (const label of ["Accurate", "Mostly accurate", "Mixed", "Misleading", "Inaccurate", "Unsupported"]) {
      await expect(page.locator(".scale dt", { hasText: new RegExp(`^\\W*${label}$`) })).toHaveCount(1);
    }
  });

  test("cannot reach drafts or the workbench, and the first visit sets up an administrator", async ({
    page,
  }) => {
    failOnServerErrors(page);
    await page.goto("/articles");
    await expect(page).toHaveURL(/\/setup/);
    const draft = await page.request.get("/articles/1");
    expect(draft.url()).toMatch(/\/setup|\/login/);
    expect(await draft.text()).not.toContain("Industry insiders report");
    expect((await page.request.get("/fact-checks/no-such-draft")).status()).toBe(404);

    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Set up Claimdesk" })).toBeVisible();
    await page.getByLabel("Your name").fill("Ada Admin");
    await page.getByLabel("E-mail").fill("admin@desk.test");
    await page.getByLabel("Password").fill("short");
    const posts = postsOf(page);
    await page.getByRole("button", { name: "Create administrator" }).click();
    // The browser holds back a short password; the server refuses it too (see the unit tests).
    await expect(page.locator("#password:invalid")).toHaveCount(1);
    await expect(page.getByLabel("E-mail")).toHaveValue("admin@desk.test");
    expect(posts).toHaveLength(0);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Create administrator" }).click();
    await expect(page.getByRole("heading", { name: "Workbench" })).toBeVisible();
    await expect(page.getByRole("link", { name: /Alibaba AI Chip/ })).toBeVisible();

    // The setup page is closed once an administrator exists.
    await page.goto("/setup");
    await expect(page).not.toHaveURL(/\/setup/);
  });
});

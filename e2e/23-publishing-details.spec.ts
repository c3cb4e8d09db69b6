import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { createUser, failOnServerErrors, signIn } from "./helpers";

// Issue 15's publishing and import details, as a newsroom meets them: pasted HTML, the history
// page, embedding a claim, the account on public pages and the favicon.

const PAGE_HTML = readFileSync("fixtures/web/chip-export-rules.html", "utf8");

test.beforeAll(() => {
  createUser("pub-editor@desk.test", "Pia Publisher", "editor");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("pasted HTML is imported as the page it is, and its history filters by kind", async ({ page }) => {
    failOnServerErrors(page);
    await signIn(page, "pub-editor@desk.test");
    await page.goto("/articles/new");
    await page.screenshot({ path: test.info().outputPath("import-page.png"), fullPage: true });
    // The format radios line up with the other fields, their legend with the other labels.
    const left = async (text: string, role: "radio" | "textbox" | "group") =>
      (await page.getByRole(role, { name: text, exact: true }).boundingBox())!.x;
    const column = await left("Title", "textbox");
    expect(Math.abs((await left("Markdown", "radio")) - column)).toBeLessThanOrEqual(1);
    const legend = (await page.locator("legend", { hasText: "Format of the pasted text" }).boundingBox())!.x;
    expect(Math.abs(legend - column)).toBeLessThanOrEqual(1);
    await page.getByLabel("Article text").fill(PAGE_HTML);
    await page.getByRole("button", { name: /Import/ }).click();
    await page.waitForURL(/\/articles\/\d+\?imported=html$/);
    await expect(page.getByRole("status")).toContainText("The pasted text was a web page's HTML");
    await expect(page.getByRole("heading", { level: 1 })).toContainText(
      "US tightens export rules on AI chips",
    );
    await expect(page.locator(".article-text")).not.toContainText("<title>");
    await expect(page.locator(".article-text")).not.toContainText("By Sam Okafor");

    const articleUrl = page.url().replace(/\?.*$/, "");
    await page.goto(`${articleUrl}/history`);
    await expect(page.locator(".history li").first()).toContainText("Pia Publisher imported the article");
    await page.getByLabel("Kind of change").selectOption("publication");
    await page.getByRole("button", { name: "Show changes" }).click();
    await page.waitForURL(/kind=publication/);
    await expect(page.getByText("No changes match these filters.")).toBeVisible();
    await expect(page.getByText("imported the article")).toHaveCount(0);
    await page.getByRole("link", { name: "Show every change" }).click();
    await page.waitForURL((url) => !url.search.includes("kind="));
    await expect(page.locator(".history li").first()).toContainText("imported the article");
  });

  test("a public page links each claim to its embed code; the card shows the rationale", async ({ page }) => {
    await page.goto("/fact-checks/alibaba-ai-chip");
    await page.locator("#claim-note-2").getByRole("link", { name: "Embed this claim" }).click();
    await page.waitForURL(/\/embed\/claims\/\d+\/code$/);
    const code = page.getByLabel("Code to paste into your page");
    await expect(code).toHaveValue(
      /^<iframe src="http:\/\/[^"]+\/embed\/claims\/\d+" title="Fact-check of claim 2: /,
    );
    await expect(page.getByRole("button", { name: "Copy code" })).toHaveCount(0);
    await page.getByRole("link", { name: "See the card" }).click();
    await page.waitForURL(/\/embed\/claims\/\d+$/);
    await expect(page.getByText(/^Claim 2 of “Alibaba AI Chip/)).toBeVisible();
    await expect(page.locator(".rationale")).not.toBeEmpty();
  });

  test("claim 10 is the same claim on the workbench, the public page, its card and its embed code", async ({
    page,
  }) => {
    failOnServerErrors(page);
    await signIn(page, "pub-editor@desk.test");
    await page.goto("/articles");
    await page
      .getByRole("link", { name: /Alibaba AI Chip/ })
      .first()
      .click();
    await page.waitForURL(/\/articles\/\d+$/);
    // The seed's unchecked passages keep their numbers: the 5nm line is the tenth passage.
    const item = page.locator(".claim-item", { hasText: "Process Node: 5nm technology." });
    await expect(item.locator(".claim-item__number")).toHaveText("10");
    await item.getByRole("link", { name: "Check this claim" }).click();
    await page.waitForURL(/\/claims\/\d+$/);
    await expect(page.locator(".breadcrumbs")).toContainText("Claim 10");

    await page.goto("/fact-checks/alibaba-ai-chip");
    await expect(page.locator(".article-text mark#claim-10")).toHaveText("Process Node: 5nm technology.");
    const note = page.locator("#claim-note-10");
    await expect(note.locator(".claim-note__head b")).toHaveText("Claim 10");
    await expect(note.locator("blockquote")).toHaveText("“Process Node: 5nm technology.”");
    // Readers are told why the numbers skip (the seed did not check passages 1, 7, 17…).
    await expect(page.locator(".annotated .hint")).toContainText(
      "the numbers of passages we did not check are skipped",
    );
    await note.getByRole("link", { name: "Embed this claim" }).click();
    await page.waitForURL(/\/embed\/claims\/\d+\/code$/);
    await expect(page.getByLabel("Code to paste into your page")).toHaveValue(
      /title="Fact-check of claim 10: Unsupported"/,
    );
    await page.getByRole("link", { name: "See the card" }).click();
    await page.waitForURL(/\/embed\/claims\/\d+$/);
    await expect(page.getByText(/^Claim 10 of “Alibaba AI Chip/)).toBeVisible();
  });
});

test("with JavaScript, the embed code copies; a signed-in editor sees the desk, not 'Sign in'", async ({
  page,
  context,
}) => {
  failOnServerErrors(page);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signIn(page, "pub-editor@desk.test");
  await page.goto("/fact-checks/alibaba-ai-chip");
  const account = page.locator(".site-header .account");
  await expect(account).toContainText("Pia Publisher");
  await expect(account.getByRole("link", { name: "Desk" })).toHaveAttribute("href", "/desk");
  await expect(account).not.toContainText("Sign in");
  await page.locator("#claim-note-3").getByRole("link", { name: "Embed this claim" }).click();
  await page.waitForURL(/\/code$/);
  await page.getByRole("button", { name: "Copy code" }).click();
  await expect(page.locator(".embed-code [role=status]")).toHaveText(/Copied\.|Select the code/);
  await page.goBack();
  await page.waitForURL(/alibaba-ai-chip$/);

  await page.context().clearCookies();
  await page.goto("/fact-checks/alibaba-ai-chip");
  await expect(page.locator(".site-header .account")).toHaveText("Sign in");
});

test("every page has a favicon", async ({ page, request }) => {
  const ico = await request.get("/favicon.ico");
  expect(ico.status()).toBe(200);
  expect((await ico.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
  await page.goto("/fact-checks/alibaba-ai-chip");
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute("href", "/favicon.svg");
  expect((await request.get("/favicon.svg")).status()).toBe(200);
});

import Database from "better-sqlite3";
import { expect, test, type Page } from "@playwright/test";
import { E2E_DATABASE } from "../playwright.config";
import { createUser, failOnServerErrors, PASSWORD, personIn, signIn, waitForHydration } from "./helpers";

// Issue 15: a workbench a newsroom uses all day. Creates happen once per submission, with
// JavaScript or without; the desk routes work; claims have a team thread; the desk triages in bulk.

test.beforeAll(() => {
  createUser("dana-editor@desk.test", "Dana Editor", "editor");
  // A name no other story uses: "@quillon" must name exactly one person in the shared database.
  createUser("rex-reviewer@desk.test", "Quillon Reviewer", "reviewer");
});

const database = () => new Database(E2E_DATABASE, { readonly: true });
const articlesTitled = (title: string) =>
  (database().prepare(`SELECT count(*) AS n FROM "Article" WHERE title = ?`).get(title) as { n: number }).n;

async function fillImport(page: Page, title: string) {
  await page.goto("/articles/new");
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page
    .getByLabel("Article text")
    .fill("Nimbus says it sold twice as many chips in 2025 as in 2024, its chief executive said on Monday.");
}

test("an import sent twice without JavaScript (the same submission again) imports the article once", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  failOnServerErrors(page);
  await signIn(page, "dana-editor@desk.test");
  const title = "Nimbus doubles its chip sales (no JavaScript)";
  await fillImport(page, title);
  // The browser sends the form; then the very same submission is sent again, as a second click
  // (or a browser's retry) sends it while the first import is still running.
  const [sent] = await Promise.all([
    page.waitForRequest((request) => request.method() === "POST"),
    page.getByRole("button", { name: /Import and propose claims/ }).click(),
  ]);
  await page.waitForURL(/\/articles\/\d+$/);
  const replay = await page.request.post(sent.url(), {
    headers: { "content-type": sent.headers()["content-type"]!, origin: new URL(sent.url()).origin },
    data: sent.postDataBuffer()!,
    maxRedirects: 0,
  });
  expect(replay.status()).toBe(302);
  expect(replay.headers()["location"]).toBe(new URL(page.url()).pathname);
  expect(articlesTitled(title)).toBe(1);
  await context.close();
});

test("with JavaScript, a sent form's button shows it is working and a double click imports once", async ({
  page,
}) => {
  failOnServerErrors(page);
  await signIn(page, "dana-editor@desk.test");
  const title = "Nimbus doubles its chip sales (JavaScript)";
  await fillImport(page, title);
  await waitForHydration(page);
  const button = page.getByRole("button", { name: /Import and propose claims/ });
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  // The answer is held back until the button has been seen working.
  await page.route("**/articles/new*", async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    await held;
    await route.continue();
  });
  await button.dblclick();
  await expect(button).toBeDisabled();
  await expect(button).toHaveAttribute("aria-busy", "true");
  release();
  await page.waitForURL(/\/articles\/\d+$/);
  expect(articlesTitled(title)).toBe(1);
});

test("Add source starts empty again after a source is added, so a second click cannot add it twice", async ({
  page,
}) => {
  failOnServerErrors(page);
  // A phone: the page lands on #evidence, and says there what it did (not at the top, out of view).
  await page.setViewportSize({ width: 375, height: 740 });
  await signIn(page, "dana-editor@desk.test");
  await fillImport(page, "Nimbus sources");
  await page.getByRole("button", { name: /Import and propose claims/ }).click();
  await page.waitForURL(/\/articles\/\d+$/);
  await page.locator('a[href*="/claims/"]').first().click();
  await page.waitForURL(/\/claims\/\d+$/);
  await waitForHydration(page);
  const evidence = page.locator("#evidence");
  await evidence.getByLabel("URL", { exact: true }).last().fill("https://example.org/nimbus-annual-report");
  await evidence.getByLabel("Title", { exact: true }).last().fill("Nimbus annual report 2025");
  await evidence.locator("#new-stance").selectOption("context");
  await evidence.getByRole("button", { name: "Add source" }).click();
  await expect(evidence.getByRole("heading", { name: "Evidence (1)" })).toBeVisible();
  const added = evidence.getByRole("status");
  await expect(added).toHaveText("Source added.");
  await expect(added).toBeInViewport();
  await expect(added).toBeFocused();
  await expect(evidence.locator("#new-url")).toHaveValue("");
  await expect(evidence.locator("#new-title")).toHaveValue("");
});

/** Imports a short article as Dana and returns its address and its claims' addresses. */
async function importedClaims(page: Page, title: string, text: string): Promise<string[]> {
  await page.goto("/articles/new");
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Article text").fill(text);
  await page.getByRole("button", { name: /Import and propose claims/ }).click();
  await page.waitForURL(/\/articles\/\d+$/);
  const links = page.locator('a[href*="/claims/"]');
  await expect(links.first()).toBeVisible();
  return [...new Set(await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")!)))];
}

test("a claim sent back is in its editor's queue; a reviewer's desk opens on what waits for them", async ({
  browser,
}) => {
  const dana = await browser.newPage();
  failOnServerErrors(dana);
  await signIn(dana, "dana-editor@desk.test");
  const [claim] = await importedClaims(
    dana,
    "Nimbus routing",
    "Nimbus says its new chip is 40% faster than the H20, the company said in a statement on Tuesday.",
  );
  await dana.goto(claim!);
  await dana.getByLabel("Verdict", { exact: true }).selectOption("unsupported");
  await dana.getByLabel("Rationale (markdown)").fill("Nimbus published no benchmark.");
  await dana.getByLabel("Status").selectOption("needs-review");
  await dana.getByRole("button", { name: "Save verdict" }).click();
  await dana.waitForURL(/saved=review/);

  const rex = await browser.newPage({ javaScriptEnabled: false });
  await signIn(rex, "rex-reviewer@desk.test");
  await rex.goto("/desk");
  await expect(rex.getByRole("link", { name: /For me to review \(\d+\)/ })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await rex.locator(`a[href="${claim}"]`).click();
  await rex.waitForURL(new RegExp(`${claim}$`));
  await rex.getByText("Send back to the editor").click();
  await rex.getByLabel("What needs to change").fill("Which source says 40%?");
  await rex.getByRole("button", { name: "Send back" }).click();
  await rex.waitForURL(/saved=send-back/);

  await dana.goto("/desk");
  await expect(dana.getByRole("link", { name: /My queue \(1\)/ })).toHaveAttribute("aria-current", "page");
  const row = dana.locator("tbody tr", { has: dana.locator(`a[href="${claim}"]`) });
  await expect(row).toContainText("Sent back: Which source says 40%?");
  await dana.close();
  await rex.close();
});

test("a comment's @mention puts the claim in that person's Mentions, without JavaScript", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const dana = await context.newPage();
  failOnServerErrors(dana);
  await signIn(dana, "dana-editor@desk.test");
  const [claim] = await importedClaims(
    dana,
    "Nimbus comments",
    "Nimbus shipped 3 million chips in 2025, up from 1 million in 2024, according to its annual report.",
  );
  await dana.goto(claim!);
  await dana.getByLabel("Add a comment").fill("@quillon can you check **the 2024 figure**? cc @nobody");
  await dana.getByRole("button", { name: "Add comment" }).click();
  await dana.waitForURL(/saved=comment/);
  const thread = dana.locator("#comments");
  await expect(thread.getByRole("heading", { name: "Comments (1)" })).toBeVisible();
  await expect(thread.locator("strong", { hasText: "the 2024 figure" })).toBeVisible();
  await expect(thread).toContainText("Mentioned: Quillon Reviewer");
  await expect(dana.getByLabel("Add a comment")).toHaveValue("");
  await dana.getByRole("button", { name: "Add comment" }).click();
  await expect(dana.getByText("Write a comment first.").first()).toBeVisible();
  await context.close();

  const rex = await browser.newPage();
  await signIn(rex, "rex-reviewer@desk.test");
  await rex.goto("/desk");
  await rex.getByRole("link", { name: /Mentions \(\d+\)/ }).click();
  await rex.waitForURL(/queue=mentions/);
  await expect(rex.locator(`a[href="${claim}"]`)).toBeVisible();
  await rex.close();
});

test("the desk dismisses and restores selected claims in one step without JavaScript, saying what it refused", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const dana = await context.newPage();
  failOnServerErrors(dana);
  await signIn(dana, "dana-editor@desk.test");
  const claims = await importedClaims(
    dana,
    "Nimbus triage",
    "Nimbus says it sold 2 million chips in 2025. Its rival Acme sold 3 million chips in 2025, analysts at IDC said. Revenue rose 40% to $2 billion, the company reported.",
  );
  expect(claims.length).toBeGreaterThan(1);
  const articleId = /\/articles\/(\d+)\//.exec(claims[0]!)![1];
  await dana.goto(`/desk?status=any&assignee=any&article=${articleId}`);
  const rows = dana.locator(".desk-table tbody tr");
  await expect(rows).toHaveCount(claims.length);
  for (const row of await rows.all()) await row.getByRole("checkbox").check();
  await dana.getByLabel("With the selected claims").selectOption("dismiss");
  await dana.getByRole("button", { name: "Apply to selected" }).click();
  await expect(dana.getByText(`${claims.length} claims dismissed.`)).toBeVisible();

  await dana.goto(`/desk?status=any&assignee=any&article=${articleId}`);
  await rows.first().getByRole("checkbox").check();
  await dana.getByLabel("With the selected claims").selectOption("dismiss");
  await dana.getByRole("button", { name: "Apply to selected" }).click();
  await expect(dana.getByText("0 claims dismissed. 1 claim refused (below).")).toBeVisible();
  await expect(dana.getByRole("region", { name: "Not changed" })).toContainText("It is dismissed already.");

  await dana.goto(`/desk?status=any&assignee=any&article=${articleId}`);
  for (const row of await rows.all()) await row.getByRole("checkbox").check();
  await dana.getByLabel("With the selected claims").selectOption("restore");
  await dana.getByRole("button", { name: "Apply to selected" }).click();
  await expect(dana.getByText(`${claims.length} claims restored.`)).toBeVisible();
  await context.close();
});

test("with JavaScript, a click after the session ended signs in and comes back to the view it asked for", async ({
  browser,
}) => {
  const dana = await personIn(browser, "dana-editor@desk.test");
  await dana.goto("/desk?queue=any&status=open&assignee=any");
  await waitForHydration(dana);
  await dana.context().clearCookies();
  // A client-side navigation: React Router asks for /desk.data?…&_routes=…, and the sign-in page
  // must come back to the page's own address, not to that request's.
  const [data] = await Promise.all([
    dana.waitForRequest((request) => new URL(request.url()).pathname === "/desk.data"),
    dana.getByRole("link", { name: /^Unassigned/ }).click(),
  ]);
  expect(new URL(data.url()).searchParams.get("assignee")).toBe("none");
  await dana.waitForURL(/\/login\?/);
  expect(new URL(dana.url()).searchParams.get("next")).toBe("/desk?queue=any&status=open&assignee=none");
  await dana.getByLabel("E-mail").fill("dana-editor@desk.test");
  await dana.getByLabel("Password").fill(PASSWORD);
  await dana.getByRole("button", { name: "Sign in" }).click();
  await expect(dana.getByRole("link", { name: /^Unassigned/ })).toHaveAttribute("aria-current", "page");
  expect(new URL(dana.url()).pathname + new URL(dana.url()).search).toBe(
    "/desk?queue=any&status=open&assignee=none",
  );
  await dana.close();
});

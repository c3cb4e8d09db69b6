import { writeFileSync } from "node:fs";
import { expect, test, type Page, type Response } from "@playwright/test";
import { createUser, failOnServerErrors, PASSWORD, signIn } from "./helpers";

/** The server's answer to a sign-in form (a document POST without JavaScript, a data request with it). */
const isSignInAnswer = (response: Response) =>
  response.request().method() === "POST" && new URL(response.url()).pathname.startsWith("/login");

async function importArticle(page: Page, title: string, text: string) {
  await page.goto("/articles/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Article text").fill(text);
  await page.getByRole("button", { name: "Import and propose claims" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  return page.url();
}

test.describe("integrity under misuse", () => {
  test.beforeAll(() => {
    createUser("ann@desk.test", "Ann Editor", "editor");
    createUser("bob@desk.test", "Bob Editor", "editor");
  });

  test("a second editor's stale save gets a conflict, not a silent overwrite", async ({ browser }) => {
    const annContext = await browser.newContext();
    const bobContext = await browser.newContext();
    const ann = await annContext.newPage();
    const bob = await bobContext.newPage();
    failOnServerErrors(ann);
    failOnServerErrors(bob);
    await signIn(ann, "ann@desk.test");
    await signIn(bob, "bob@desk.test");
    const url = await importArticle(ann, "Conflict test", "Orbit Systems sold 4 million sensors in 2024.");
    await ann.locator(".claim-item").first().getByRole("link", { name: "Check this claim" }).click();
    await ann.waitForURL(/\/claims\/\d+/);
    const claimUrl = ann.url();
    await bob.goto(claimUrl);

    await ann.getByLabel("Verdict", { exact: true }).selectOption("accurate");
    await ann.getByLabel("Rationale (markdown)").fill("Ann: the annual report confirms 4 million.");
    await ann.getByRole("button", { name: "Save verdict" }).click();
    await expect(ann.getByText("Verdict, rationale and status saved.")).toBeVisible();

    await bob.getByLabel("Verdict", { exact: true }).selectOption("inaccurate");
    await bob.getByLabel("Rationale (markdown)").fill("Bob: only 3.1 million were sold.");
    await bob.getByRole("button", { name: "Save verdict" }).click();
    await expect(bob.getByRole("alert")).toContainText(
      "Someone else saved this claim while you were editing it",
    );
    // Bob sees what Ann saved, and keeps his own unsaved input.
    await expect(bob.getByRole("region", { name: "The version saved by someone else" })).toContainText(
      "Ann: the annual report confirms 4 million.",
    );
    await expect(bob.getByLabel("Rationale (markdown)")).toHaveValue("Bob: only 3.1 million were sold.");
    await expect(bob.getByLabel("Verdict", { exact: true })).toHaveValue("inaccurate");

    await ann.reload();
    await expect(ann.getByLabel("Rationale (markdown)")).toHaveValue(
      "Ann: the annual report confirms 4 million.",
    );
    // Having seen Ann's version, Bob can deliberately save his own.
    await bob.getByRole("button", { name: "Save verdict" }).click();
    await expect(bob.getByText("Verdict, rationale and status saved.")).toBeVisible();
    expect(url).toContain("/articles/");
    await annContext.close();
    await bobContext.close();
  });

  test("bad input gets a clear message and loses nothing", async ({ page }, testInfo) => {
    failOnServerErrors(page);
    await signIn(page, "ann@desk.test");

    // Empty article.
    await page.goto("/articles/new");
    await page.getByLabel("Title").fill("Keeps my title");
    await page.getByRole("button", { name: "Import and propose claims" }).click();
    await expect(
      page.getByText("Paste the article's text, or upload a .md, .txt or saved .html file."),
    ).toBeVisible();
    await expect(page.getByLabel("Title")).toHaveValue("Keeps my title");

    // Over 2 MB.
    const huge = "Orbit Systems sold 4 million sensors in 2024. ".repeat(48_000);
    await page.getByLabel("Article text").fill(huge);
    await page.getByRole("button", { name: "Import and propose claims" }).click();
    // A 2 MB body to send and read: on a busy CI machine this takes longer than the default wait.
    await expect(page.getByText("The article is larger than 2 MB")).toBeVisible({ timeout: 30_000 });
    await expect(page.getByLabel("Title")).toHaveValue("Keeps my title");

    // A malformed upload: binary bytes in a .md file.
    const binary = testInfo.outputPath("broken.md");
    writeFileSync(binary, Buffer.from([0xff, 0xfe, 0x00, 0x9c, 0x80, 0x81]));
    await page.getByLabel("Article text").fill("");
    await page.getByLabel("Or upload a .md or .txt file").setInputFiles(binary);
    await page.getByRole("button", { name: "Import and propose claims" }).click();
    await expect(page.locator("#file-error")).toHaveText(
      "“broken.md” is not UTF-8 text. Save it as UTF-8 and upload it again.",
    );
    // A file of the wrong kind.
    const pdf = testInfo.outputPath("report.pdf");
    writeFileSync(pdf, "%PDF-1.4");
    await page.getByLabel("Or upload a .md or .txt file").setInputFiles(pdf);
    await page.getByRole("button", { name: "Import and propose claims" }).click();
    await expect(page.locator("#file-error")).toContainText("“report.pdf” is not a .md, .txt or .html file.");

    // A good upload works.
    const good = testInfo.outputPath("good.txt");
    writeFileSync(good, "Orbit Systems sold 4 million sensors in 2024.\n\nIts CEO said revenue doubled.");
    await page.getByLabel("Or upload a .md or .txt file").setInputFiles(good);
    await page.getByRole("button", { name: "Import and propose claims" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Keeps my title");

    // A quote that is not in the article.
    await page.getByLabel("Exact words from the article").fill("Orbit Systems sold 9 million sensors");
    await page.getByRole("button", { name: "Add claim" }).click();
    await expect(page.getByText("That passage is not in the article.")).toBeVisible();
    await expect(page.getByLabel("Exact words from the article")).toHaveValue(
      "Orbit Systems sold 9 million sensors",
    );

    // A non-http evidence URL, and an unknown verdict sent by a tampered form.
    await page.locator(".claim-item").first().getByRole("link", { name: "Check this claim" }).click();
    await page.getByLabel("URL", { exact: true }).fill("javascript:alert(1)");
    await page.getByLabel("Publisher").fill("Keeps my publisher");
    await page.locator("#new-stance").selectOption("refutes");
    await page.getByRole("button", { name: "Add source" }).click();
    await expect(page.getByText("Use a web address starting with http:// or https://.")).toBeVisible();
    await expect(page.getByLabel("Publisher")).toHaveValue("Keeps my publisher");

    await page.getByLabel("Verdict", { exact: true }).evaluate((select: HTMLSelectElement) => {
      select.add(new Option("Pants on fire", "pants-on-fire", true, true));
    });
    await page.getByLabel("Rationale (markdown)").fill("My careful rationale.");
    await page.getByRole("button", { name: "Save verdict" }).click();
    await expect(page.getByText("Choose a verdict from the scale.")).toBeVisible();
    await expect(page.getByLabel("Rationale (markdown)")).toHaveValue("My careful rationale.");

    // A stale form: saved once, then sent again with the version it had before that save.
    await page.getByLabel("Verdict", { exact: true }).selectOption("accurate");
    await page.getByRole("button", { name: "Save verdict" }).click();
    await expect(page.getByText("Verdict, rationale and status saved.")).toBeVisible();
    const versionInput = page.locator('form:has(input[name="intent"][value="review"]) input[name="version"]');
    const saved = Number(await versionInput.inputValue());
    await versionInput.evaluate((input: HTMLInputElement, stale) => {
      input.value = String(stale);
    }, saved - 1);
    await page.getByLabel("Rationale (markdown)").fill("My second thoughts.");
    await page.getByRole("button", { name: "Save verdict" }).click();
    await expect(page.getByRole("alert")).toContainText("Someone else saved this claim");
    await expect(page.getByLabel("Rationale (markdown)")).toHaveValue("My second thoughts.");

    // Unknown addresses are a 404 page, not a crash.
    const missing = await page.goto("/articles/999999");
    expect(missing?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  });

  test("sign-in is paused for an account after repeated failures", async ({ page }) => {
    createUser("locked@desk.test", "Lee Locked", "viewer");
    await page.goto("/login");
    for (let i = 0; i < 5; i++) {
      await page.getByLabel("E-mail").fill("locked@desk.test");
      await page.getByLabel("Password").fill(`wrong password ${i}`);
      // From the second attempt on, the alert is already on the page: wait for this attempt's own
      // answer, so the five sign-ins never overlap and all five are counted.
      const [answer] = await Promise.all([
        page.waitForResponse(isSignInAnswer),
        page.getByRole("button", { name: "Sign in" }).click(),
      ]);
      expect(answer.status()).toBe(401);
      await expect(page.getByRole("alert")).toHaveText(
        "That e-mail and password do not match an active account.",
      );
    }
    // Even the right password waits now, from this address (a stranger's failures elsewhere
    // would not pause it: app/routes/login.test.ts, e2e/11).
    await page.getByLabel("E-mail").fill("locked@desk.test");
    await page.getByLabel("Password").fill(PASSWORD);
    const [answer] = await Promise.all([
      page.waitForResponse(isSignInAnswer),
      page.getByRole("button", { name: "Sign in" }).click(),
    ]);
    expect(answer.status()).toBe(429);
    await expect(page.getByRole("alert")).toContainText(
      "Too many failed sign-ins from your address. Wait 15 minutes",
    );
  });

  test("state-changing requests from another site are refused", async ({ request }) => {
    const response = await request.post("/login", {
      form: { email: "ann@desk.test", password: "x" },
      headers: { Origin: "https://evil.example" },
    });
    expect(response.status()).toBe(403);
    expect(await response.text()).toContain("sent from another site");
  });
});

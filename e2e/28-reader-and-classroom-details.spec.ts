import { writeFileSync } from "node:fs";
import { expect, test, type APIResponse } from "@playwright/test";
import {
  createUser,
  PASSWORD,
  personIn,
  signIn,
  startOwnServer,
  submitAndWaitForAnswer,
  submitExpectingFocusOnMessage,
  waitForHydration,
} from "./helpers";

// Found by a newcomer walking the journalist's and the teacher's stories, with JavaScript on
// and off: each failed before its fix.

const SEED = "/fact-checks/alibaba-ai-chip";

test.beforeAll(() => {
  createUser("details-editor@desk.test", "Details Editor", "editor");
});

/** How many times an answer carries a header (a header sent twice is two entries). */
const timesSent = (response: APIResponse, name: string) =>
  response.headersArray().filter((header) => header.name.toLowerCase() === name.toLowerCase()).length;

test("every answer sends each security header once, the claim card too", async ({ page }) => {
  await page.goto(SEED);
  const claimId = await page.locator("#claim-10").getAttribute("data-claim");
  const card = await page.request.get(`/embed/claims/${claimId}`);
  expect(card.status()).toBe(200);
  expect(timesSent(card, "X-Content-Type-Options")).toBe(1);
  expect(timesSent(card, "X-Frame-Options")).toBe(0);

  // Static files too: they are answered before the app's routes.
  const anonymous = [
    SEED,
    "/fact-checks",
    `${SEED}/export.json`,
    "/fact-checks.atom",
    "/methodology",
    "/claimdesk.css",
  ];
  await signIn(page, "details-editor@desk.test");
  // Signed in, the fact-check and the list come from the app's routes rather than stored bytes.
  for (const address of [...anonymous, "/articles"]) {
    const answer = await page.request.get(address);
    expect(answer.status(), address).toBe(200);
    for (const name of ["X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options"])
      expect(timesSent(answer, name), `${name} of ${address}`).toBe(1);
  }
  await page.context().clearCookies();
  for (const address of anonymous) {
    const answer = await page.request.get(address);
    for (const name of ["X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options"])
      expect(timesSent(answer, name), `${name} of ${address}, anonymous`).toBe(1);
  }
});

test("the 404 page links to the published fact-checks it names", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page).toHaveTitle("Not found · Claimdesk");
  await page.locator("main").getByRole("link", { name: "/fact-checks" }).click();
  await expect(page).toHaveURL(/\/fact-checks$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Published fact-checks");
});

test("a page of the list past its end is a 404 that says so as every list does, and links to the first page", async ({
  page,
}) => {
  for (const reader of ["anonymous", "signed in"]) {
    if (reader === "signed in") await signIn(page, "details-editor@desk.test");
    const response = await page.goto("/fact-checks?page=999");
    expect(response?.status(), reader).toBe(404);
    await expect(page).toHaveTitle("No page 999 · Fact-checks · Claimdesk");
    const pager = page.getByRole("navigation", { name: "Pages of fact-checks" });
    await expect(pager).toHaveText(
      "There is nothing on page 999: the list ends before it. Go to the first page.",
    );
    await expect(page.getByText("Nothing has been published yet.")).toHaveCount(0);
    await pager.getByRole("link", { name: "Go to the first page" }).click();
    await expect(page).toHaveURL(/\/fact-checks$/);
    await expect(page.getByRole("link", { name: /Alibaba AI Chip/ }).first()).toBeVisible();
  }
});

test("the embed code shows whole, on a wide screen and on a phone", async ({ page }) => {
  await page.goto(SEED);
  await page.getByRole("link", { name: "Embed this claim" }).first().click();
  // The new page with its stylesheet: measured before the styles apply, the box is the browser's own.
  await page.waitForURL(/\/code$/, { waitUntil: "load" });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Embed this claim");
  const code = page.getByLabel("Code to paste into your page");
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 800 });
    await expect(code).toHaveValue(/^<iframe .*<\/iframe><script>.*<\/script>$/);
    const { scrollHeight, clientHeight, fontSize, boxWidth } = await code.evaluate((box) => ({
      scrollHeight: box.scrollHeight,
      clientHeight: box.clientHeight,
      fontSize: parseFloat(getComputedStyle(box).fontSize),
      boxWidth: box.getBoundingClientRect().width,
    }));
    expect(scrollHeight, `at ${width} px`).toBeLessThanOrEqual(clientHeight + 1);
    // Readable on a phone: the box fits the screen and its letters stay a readable size.
    expect(boxWidth, `at ${width} px`).toBeLessThanOrEqual(width);
    expect(fontSize).toBeGreaterThanOrEqual(12);
  }
});

test("a refused import says what can be imported", async ({ page }, testInfo) => {
  const choices =
    "Give the article's web address, paste its text (markdown, plain text or a web page's HTML), or upload a .md, .txt or saved .html file, up to 2 MB.";
  await signIn(page, "details-editor@desk.test");
  await page.goto("/articles/new");
  await page.getByRole("button", { name: "Import and propose claims" }).click();
  await expect(page.locator(".message--error")).toHaveText(
    `The article was not imported: there was nothing to import. ${choices}`,
  );

  const pdf = testInfo.outputPath("report.pdf");
  writeFileSync(pdf, "%PDF-1.4");
  await page.getByLabel("Title", { exact: true }).fill("A report");
  await page.getByLabel("Or upload a .md or .txt file, or a saved .html page").setInputFiles(pdf);
  await page.getByRole("button", { name: "Import and propose claims" }).click();
  await expect(page.locator(".message--error")).toHaveText(
    `The article was not imported: Claimdesk cannot read that kind of file. ${choices}`,
  );
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("A report");
});

test("a refused import moves focus to its message, with JavaScript on and off", async ({ browser }) => {
  for (const javaScriptEnabled of [true, false]) {
    const page = await personIn(browser, "details-editor@desk.test", { javaScriptEnabled });
    await page.goto("/articles/new");
    const importButton = page.getByRole("button", { name: "Import and propose claims" });
    await submitExpectingFocusOnMessage(page, importButton, /there was nothing to import/);
    // Refused again with the same words: focus moves to them again.
    await page.getByLabel("Title", { exact: true }).fill("Still empty");
    await submitExpectingFocusOnMessage(page, importButton, /there was nothing to import/);
    await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Still empty");
    await page.context().close();
  }
});

test.describe("setting up a new workspace (a server of its own, with no administrator yet)", () => {
  let own: Awaited<ReturnType<typeof startOwnServer>>;

  test.beforeAll(async () => {
    own = await startOwnServer("data/e2e-28-setup.db", { CLAIMDESK_SEED: "off" });
  });

  test.afterAll(() => {
    own?.child.kill();
  });

  test("a refused setup form moves focus to its message, with JavaScript on and off", async ({ browser }) => {
    for (const javaScriptEnabled of [true, false]) {
      const page = await personIn(browser, undefined, { javaScriptEnabled, baseURL: own.base });
      await page.goto("/setup");
      // Only spaces: the browser lets it through, the server refuses it.
      await page.getByLabel("Your name").fill("   ");
      await page.getByLabel("E-mail").fill("first@own.test");
      await page.getByLabel("Password").fill(PASSWORD);
      const create = page.getByRole("button", { name: "Create administrator" });
      await submitExpectingFocusOnMessage(page, create, "Check the highlighted fields.");
      await expect(page.locator("#name-error")).toHaveText("Enter a name.");
      await page.context().close();
    }
  });

  test("a refused role change shows the role as saved, not the one refused", async ({ browser }) => {
    const page = await personIn(browser, undefined, { baseURL: own.base });
    await page.goto("/setup");
    await page.getByLabel("Your name").fill("Only Admin");
    await page.getByLabel("E-mail").fill("only@own.test");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Create administrator" }).click();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    await page.goto("/settings/users");
    await waitForHydration(page);
    const role = page.getByLabel("Role of Only Admin", { exact: true });
    await role.selectOption("viewer");
    await submitExpectingFocusOnMessage(
      page,
      page.getByRole("button", { name: "Change role of Only Admin" }),
      "This is the last active administrator; make someone else an administrator first.",
    );
    await expect(role).toHaveValue("admin");
    await page.context().close();
  });
});

test.describe("a new exercise's suggested instructions", () => {
  const NEW_EXERCISE = "/exercises/new?slug=alibaba-ai-chip";
  const FIND = /^Read the article\. Mark every sentence you think makes a checkable claim/;
  const JUDGE = /^Read the article\. For each claim marked in it, say whether you think it is accurate/;

  test.beforeAll(() => {
    createUser("details-teacher@school.test", "Dana Teacher", "educator");
  });

  test("follow the chosen mode at once with JavaScript, until the teacher writes their own", async ({
    browser,
  }) => {
    const page = await personIn(browser, "details-teacher@school.test");
    await page.goto(NEW_EXERCISE);
    // The radios follow the instructions once React has hydrated the page.
    await waitForHydration(page);
    const instructions = page.getByLabel("Instructions");
    await expect(instructions).toHaveValue(FIND);
    await page.getByLabel("The article with the claims marked").check();
    await expect(instructions).toHaveValue(JUDGE);
    await page.getByLabel("The article alone").check();
    await expect(instructions).toHaveValue(FIND);

    await instructions.fill("Find two claims about the chip's speed.");
    await page.getByLabel("The article with the claims marked").check();
    await expect(page.getByLabel("The article with the claims marked")).toBeChecked();
    await expect(instructions).toHaveValue("Find two claims about the chip's speed.");
    await page.context().close();
  });

  test("follow the chosen mode on saving without JavaScript; the teacher's own words are kept", async ({
    browser,
  }) => {
    const page = await personIn(browser, "details-teacher@school.test", { javaScriptEnabled: false });
    for (const [typed, saved] of [
      [null, JUDGE],
      ["Judge the marked claims in pairs.", /^Judge the marked claims in pairs\.$/],
    ] as const) {
      await page.goto(NEW_EXERCISE);
      await page.getByLabel("The article with the claims marked").check();
      if (typed) await page.getByLabel("Instructions").fill(typed);
      await submitAndWaitForAnswer(page, page.getByRole("button", { name: "Create exercise" }));
      await expect(page).toHaveURL(/\/exercises\/\d+$/);
      await expect(page.getByLabel("Instructions")).toHaveValue(saved);
    }
    await page.context().close();
  });
});

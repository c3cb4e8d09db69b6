import { expect, test, type Page } from "@playwright/test";
import {
  createUser,
  expectAccessible,
  failOnServerErrors,
  personIn,
  postsOf,
  signIn,
  submitExpectingFocusOnMessage,
  waitForHydration,
} from "./helpers";

// A newcomer's walk through the claim page: what was saved is said truthfully, asking for review
// is a button, the approval box says why an editor cannot approve, a source's stance is chosen,
// a dismissal can be undone, and the reviewer who sent a claim back is named. Each step waits
// for the answer it causes.

const ARTICLE = [
  "# Clarity chip claims",
  "",
  "Vantor's new accelerator delivers 310 TOPS at 45 watts, the company said on Monday.",
  "",
  "Shares of Vantor rose 6% after the announcement.",
].join("\n");

test.beforeAll(() => {
  createUser("clara-editor@desk.test", "Clara Editor", "editor");
  createUser("remy-reviewer@desk.test", "Remy Reviewer", "reviewer");
  createUser("alma-admin@desk.test", "Alma Admin", "admin");
  createUser("maximiliana@desk.test", "Maximiliana Featherstonehaugh-Worthington of Lower Wallop", "editor");
});

async function importArticle(page: Page) {
  await page.goto("/articles/new");
  await page.getByLabel("Title").fill("Clarity chip claims");
  await page.getByLabel("Article text").fill(ARTICLE);
  await page.getByRole("button", { name: "Import and propose claims" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Clarity chip claims");
  return page.url();
}

test("the claim page says what was saved, asks for review with a button and names who sent it back", async ({
  page,
  browser,
}) => {
  failOnServerErrors(page);
  await signIn(page, "clara-editor@desk.test");
  const article = await importArticle(page);
  await page
    .locator(".claim-item", { hasText: "310 TOPS" })
    .getByRole("link", { name: "Check this claim" })
    .click();
  await page.waitForURL(/\/claims\/\d+$/);
  const claimPage = page.url();

  // An editor who wrote nothing yet is told who approves, instead of an empty space.
  const approval = page.locator(".approve");
  await expect(approval).toContainText("A reviewer approves verdicts.");
  // The verdict menu names verdicts only; their meanings are beside it, in full.
  await expect(page.getByLabel("Verdict", { exact: true }).locator("option", { hasText: ":" })).toHaveCount(
    0,
  );
  await page.getByText("What each verdict means").click();
  await expect(page.locator(".verdict-scale")).toContainText("Partly correct, partly wrong.");

  // A verdict without a rationale is saved, and the page says what is missing.
  await page.getByLabel("Verdict", { exact: true }).selectOption("unsupported");
  await page.getByRole("button", { name: "Save verdict" }).click();
  await expect(page.getByRole("status").first()).toHaveText(
    "Saved, without a written rationale: a reviewer cannot approve it until it has both.",
  );

  // Asking for review without a rationale is refused, saying what is missing.
  await page.getByRole("button", { name: "Save and ask for review" }).click();
  await expect(
    page.getByText(
      "Write the rationale before asking for review: a reviewer cannot approve a verdict without one.",
    ),
  ).toBeVisible();
  await expect(page.locator(".claim-title + .meta")).not.toContainText(/needs review/i);

  // "Save and ask for review" puts it on the reviewers' desk in one step.
  await page.getByLabel("Rationale (markdown)").fill("The company published no benchmark for 310 TOPS.");
  await page.getByRole("button", { name: "Save and ask for review" }).click();
  await expect(page.getByRole("status").first()).toHaveText(
    "Verdict, rationale and status saved. It waits on the reviewers' desk.",
  );
  await expect(page.locator(".claim-title + .meta")).toContainText(/needs review/i);
  await expect(page.getByRole("button", { name: "Save and ask for review" })).toHaveCount(0);
  await expect(approval).toContainText("You wrote this verdict and rationale");

  // A source's stance has no default: the form asks for one before it is sent.
  await page.getByLabel("URL", { exact: true }).fill("https://vantor.example/press");
  const posts = postsOf(page);
  await page.getByRole("button", { name: "Add source" }).click();
  await page.locator("#new-stance").selectOption("context");
  await page.getByRole("button", { name: "Add source" }).click();
  await expect(page.getByText("Source added.")).toBeVisible();
  // The first click sent nothing: the browser asked for a stance.
  expect(posts).toHaveLength(1);
  // A source the server refuses: focus goes to the message, beside the form, with JavaScript on.
  await page.locator("#new-url").fill("ftp://vantor.example/spec.pdf");
  await page.locator("#new-stance").selectOption("refutes");
  await submitExpectingFocusOnMessage(
    page,
    page.getByRole("button", { name: "Add source" }),
    "Nothing was saved. Check the highlighted fields.",
  );
  await expect(page.getByText("Use a web address starting with http:// or https://.")).toBeVisible();
  // Refused again in the same words: the message takes focus again.
  await submitExpectingFocusOnMessage(
    page,
    page.getByRole("button", { name: "Add source" }),
    "Nothing was saved. Check the highlighted fields.",
  );
  await expectAccessible(page);

  // The reviewer sends it back; the editor sees who did, without JavaScript too.
  const reviewer = await personIn(browser, "remy-reviewer@desk.test", { javaScriptEnabled: false });
  await reviewer.goto(claimPage);
  // The reviewer reads the rationale as readers will, not only as markdown in the edit box.
  await expect(reviewer.getByRole("region", { name: "The rationale as readers will read it" })).toContainText(
    "The company published no benchmark for 310 TOPS.",
  );
  await reviewer.getByText("Send back to the editor").click();
  // A refused form deep in the page takes focus to its message, here without JavaScript.
  await reviewer.getByLabel("What needs to change").fill("   ");
  await reviewer.getByLabel("What needs to change").evaluate((el) => el.removeAttribute("required"));
  await submitExpectingFocusOnMessage(
    reviewer,
    reviewer.getByRole("button", { name: "Send back" }),
    "Nothing was saved. Check the highlighted fields.",
  );
  // A refused edit of a source, without JavaScript: its "Edit or remove" opens on the message.
  const source = reviewer.locator("#evidence details", { hasText: "Edit or remove" }).first();
  await source.locator("summary").click();
  await source.getByLabel("URL", { exact: true }).fill("ftp://vantor.example/press");
  await submitExpectingFocusOnMessage(
    reviewer,
    source.getByRole("button", { name: "Save source" }),
    "Nothing was saved. Check the highlighted fields.",
  );
  await expect(source).toHaveAttribute("open", "");
  await reviewer.getByText("Send back to the editor").click();
  await reviewer.getByLabel("What needs to change").fill("Link the spec sheet you read.");
  await reviewer.getByRole("button", { name: "Send back" }).click();
  await expect(reviewer.getByRole("status").first()).toHaveText("Sent back to the editor with your comment.");
  await page.goto(claimPage);
  await expect(page.getByRole("note")).toContainText(
    "Sent back by Remy Reviewer: Link the spec sheet you read.",
  );
  // A reviewer who rewrites the verdict is its author: "send back" is not theirs to use.
  await reviewer.getByLabel("Rationale (markdown)").fill("The spec sheet gives no figure for 310 TOPS.");
  await reviewer.getByRole("button", { name: "Save and ask for review" }).click();
  await expect(reviewer.getByRole("status").first()).toHaveText(
    "Verdict, rationale and status saved. It waits on the reviewers' desk.",
  );
  await expect(reviewer.locator(".approve")).toContainText("You wrote this verdict and rationale");
  await expect(reviewer.getByText("Send back to the editor")).toHaveCount(0);

  // Dismissing asks nothing first, so it can be undone at once, with JavaScript and without.
  for (const editor of [
    page,
    await personIn(browser, "clara-editor@desk.test", { javaScriptEnabled: false }),
  ]) {
    await editor.goto(article);
    const list = editor.locator(".claim-list");
    await expect(list.locator(".claim-item", { hasText: "Shares of Vantor" })).toHaveCount(1);
    await list
      .locator(".claim-item", { hasText: "Shares of Vantor" })
      .getByRole("button", { name: "Dismiss" })
      .click();
    const undo = editor.locator("#claim-dismissed");
    await expect(undo).toContainText("Dismissed: “Shares of Vantor rose 6% after the announcement.”");
    // The button pressed went with its claim: the notice takes focus, its Undo one Tab away.
    await expect(undo).toBeFocused();
    await expect(list.locator(".claim-item", { hasText: "Shares of Vantor" })).toHaveCount(0);
    await undo.getByRole("button", { name: "Undo" }).click();
    await expect(list.locator(".claim-item", { hasText: "Shares of Vantor" })).toHaveCount(1);
    await expect(editor.locator("#claim-dismissed")).toHaveCount(0);
  }
  // The forms after the long list are one link away.
  await page.getByRole("link", { name: "Add a claim" }).click();
  await expect(page).toHaveURL(/#add-heading$/);
});

test("a list's page past its end is a 404 that says so and leads to the first page, instead of stepping back through empty ones", async ({
  browser,
}) => {
  const editor = await personIn(browser, "clara-editor@desk.test", { javaScriptEnabled: false });
  // Every paged page follows one rule, the readers' list included (signed in, it is the app's route).
  for (const [list, first] of [
    ["/desk?status=any&page=999", /\/desk\?status=any$/],
    ["/desk?status=any&page=20000", /\/desk\?status=any$/],
    ["/articles?page=999", /\/articles$/],
    ["/search?q=chip&kind=claim&page=999", /\/search\?q=chip&kind=claim$/],
    ["/reviews?page=999", /\/reviews$/],
    ["/reference?page=999", /\/reference$/],
    ["/fact-checks?page=999", /\/fact-checks$/],
    ["/fact-checks?q=chip&page=999", /\/fact-checks\?q=chip$/],
  ] as const) {
    const response = await editor.goto(list);
    expect(response?.status(), list).toBe(404);
    const pager = editor.locator("nav.pager");
    const asked = new URLSearchParams(list.split("?")[1]).get("page");
    await expect(pager, list).toContainText(`There is nothing on page ${asked}: the list ends before it.`);
    await expect(pager.getByRole("link", { name: "Previous page" })).toHaveCount(0);
    await pager.getByRole("link", { name: "Go to the first page" }).click();
    await expect(editor).toHaveURL(first);
  }
  // The workbench's list of claims too: past its last page, a 404 leading to the article's first.
  await editor.goto("/articles");
  const workbench = (await editor.locator("table a[href^='/articles/']").first().getAttribute("href"))!;
  expect((await editor.goto(`${workbench}?page=999`))?.status()).toBe(404);
  const claimsPager = editor.getByRole("navigation", { name: "Pages of claims" });
  await expect(claimsPager).toContainText("There is nothing on page 999: the list ends before it.");
  await expect(editor.locator(".claim-list .claim-item")).toHaveCount(0);
  await claimsPager.getByRole("link", { name: "Go to the first page" }).click();
  await expect(editor).toHaveURL(new RegExp(`${workbench}$`));
  await expect(editor.locator(".claim-list .claim-item").first()).toBeVisible();
  // The first page of a list is a page, empty or not, and its neighbours are found.
  expect((await editor.goto("/articles"))?.status()).toBe(200);
  expect((await editor.goto("/desk?status=any&page=2"))?.status()).toBe(200);
});

test("with JavaScript, a list's page past its end renders its message, not an error page", async ({
  browser,
}) => {
  const editor = await personIn(browser, "clara-editor@desk.test");
  await editor.goto("/articles");
  await waitForHydration(editor);
  // A client-side navigation to it (a stale link, a list emptied under the reader) reads its 404 as data.
  await editor.evaluate(() =>
    (
      window as unknown as { __reactRouterDataRouter: { navigate: (to: string) => Promise<void> } }
    ).__reactRouterDataRouter.navigate("/articles?page=999"),
  );
  const pager = editor.locator("nav.pager");
  await expect(pager).toContainText("There is nothing on page 999: the list ends before it.");
  await expect(editor.getByRole("heading", { level: 1 })).toHaveText("Workbench");
  await pager.getByRole("link", { name: "Go to the first page" }).click();
  await expect(editor).toHaveURL(/\/articles$/);
  await expect(editor.getByRole("heading", { level: 1 })).toHaveText("Workbench");
  await expect(editor.getByText(/There is nothing on page/)).toHaveCount(0);
});

test("at 1280 px the desk's header keeps to one line and its filters show their choices whole", async ({
  browser,
}) => {
  const editor = await personIn(browser, "clara-editor@desk.test");
  await editor.setViewportSize({ width: 1280, height: 800 });
  await editor.goto("/desk");
  // An administrator's header has the most links: it keeps to one line too.
  const admin = await personIn(browser, "alma-admin@desk.test");
  for (const person of [editor, admin]) {
    await person.setViewportSize({ width: 1280, height: 800 });
    await person.goto("/desk");
    const top = async (selector: string) =>
      person.locator(selector).evaluate((element) => Math.round(element.getBoundingClientRect().top));
    expect(await top(".site-header .account")).toBe(await top(".site-header nav"));
  }
  // Every choice but an article's title fits its menu: measured in the menu's own font.
  const cut = await editor.locator("form.filters select:not(#article)").evaluateAll((selects) =>
    (selects as HTMLSelectElement[]).flatMap((select) => {
      const style = getComputedStyle(select);
      const context = document.createElement("canvas").getContext("2d")!;
      context.font = style.font;
      const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
      return [...select.options]
        .filter((option) => !/^\d+$/.test(option.value))
        .filter((option) => context.measureText(option.text).width > room)
        .map((option) => `${select.name}: ${option.text}`);
    }),
  );
  expect(cut).toEqual([]);

  // On a phone, a long name in the menus or the header pushes nothing past the screen's edge.
  for (const person of [editor, await personIn(browser, "maximiliana@desk.test")]) {
    await person.setViewportSize({ width: 375, height: 800 });
    await person.goto("/desk?status=any");
    const claim = await person.locator("a.claim-title").first().getAttribute("href");
    for (const path of ["/desk?status=any", "/articles", claim!]) {
      await person.goto(path);
      const width = await person.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `${path} at 375 px`).toBeLessThanOrEqual(375);
    }
  }
});

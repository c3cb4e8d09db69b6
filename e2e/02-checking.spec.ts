import { expect, test } from "@playwright/test";
import { createUser, failOnServerErrors, postsOf, signIn } from "./helpers";

const ARTICLE = [
  "# Quantum chip claims",
  "",
  "Nimbus Labs said its new Q-7 processor runs **40% faster** than the previous model. Subscribe to our newsletter!",
  "",
  "The company shipped 2 million units in 2025, according to industry insiders.",
  "",
  "Shares of Nimbus rose 8% on Monday.",
].join("\n");

test.describe.serial("an article checked end to end", () => {
  test.beforeAll(() => {
    createUser("edna@desk.test", "Edna Editor", "editor");
    createUser("rex@desk.test", "Rex Reviewer", "reviewer");
  });

  let articleUrl = "";
  let publicUrl = "";

  test("an editor imports an article, trims its claims, adds evidence and a verdict", async ({ page }) => {
    failOnServerErrors(page);
    await signIn(page, "edna@desk.test");
    await page.getByRole("link", { name: "Import an article" }).click();
    await page.getByLabel("Title").fill("Quantum chip claims");
    await page.getByLabel("Outlet").fill("Example Tech News");
    await page.getByLabel("Original URL").fill("https://news.example/quantum");
    await page.getByLabel("Article text").fill(ARTICLE);
    await page.getByRole("button", { name: "Import and propose claims" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Quantum chip claims");
    articleUrl = page.url();

    const list = page.locator(".claim-list");
    await expect(list.locator(".claim-item")).toHaveCount(3);
    await expect(list).not.toContainText("newsletter");
    await expect(list.locator(".claim-item").first().locator("details")).toContainText("Contains a figure");

    // Trim: dismiss the share-price claim and the vague shipment sentence.
    await list
      .locator(".claim-item", { hasText: "Shares of Nimbus rose 8%" })
      .getByRole("button", { name: "Dismiss" })
      .click();
    // The first dismissal is answered before the second is sent (a second submission would cancel the first).
    await expect(list.locator(".claim-item")).toHaveCount(2);
    await list
      .locator(".claim-item", { hasText: "according to industry insiders" })
      .getByRole("button", { name: "Dismiss" })
      .click();
    await expect(list.locator(".claim-item")).toHaveCount(1);
    await expect(page.locator("details.dismissed summary")).toHaveText("Dismissed (2)");

    // Add the checkable core back by pasting its exact words (the form works without JavaScript too).
    await page.getByLabel("Exact words from the article").fill("The company shipped 2 million units in 2025");
    await page.getByRole("button", { name: "Add claim" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "“The company shipped 2 million units in 2025”",
    );

    // Adjust the first claim's boundaries to the checkable words.
    await page.goto(articleUrl);
    await list
      .locator(".claim-item", { hasText: "Nimbus Labs said" })
      .getByRole("link", { name: "Check this claim" })
      .click();
    await page
      .getByLabel("The claim's exact words")
      .fill("its new Q-7 processor runs 40% faster than the previous model");
    await page.getByRole("button", { name: "Save boundaries" }).click();
    await expect(page.getByText("Claim boundaries updated.")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "“its new Q-7 processor runs 40% faster than the previous model”",
    );

    await page.getByLabel("URL", { exact: true }).fill("https://nimbus.example/benchmarks");
    await page.getByLabel("Title").fill("Q-7 benchmark results");
    await page.getByLabel("Publisher").fill("Nimbus Labs");
    await page.getByLabel("Publication date").fill("2025-10-02");
    await page.getByLabel("Stance").selectOption("context");
    await page.getByLabel("Note").fill("The vendor's own benchmark, one workload only.");
    await page.getByRole("button", { name: "Add source" }).click();
    await expect(page.getByText("Source added.")).toBeVisible();
    await expect(page.locator("#evidence")).toContainText(
      "Q-7 benchmark results, Nimbus Labs, 2 October 2025",
    );

    await page.getByLabel("Verdict", { exact: true }).selectOption("misleading");
    await page
      .getByLabel("Rationale (markdown)")
      .fill("The **40%** figure comes from one vendor benchmark; independent tests show 12%.");
    await page.getByLabel("Status").selectOption("needs-review");
    await page.getByRole("button", { name: "Save verdict" }).click();
    await expect(page.getByText("Verdict, rationale and status saved.")).toBeVisible();
    await expect(
      page.getByText("You wrote this verdict and rationale, so a second person must approve it."),
    ).toBeVisible();
  });

  test("a reviewer approves and publishes; an anonymous visitor reads the annotated page", async ({
    page,
    browser,
  }) => {
    failOnServerErrors(page);
    await signIn(page, "rex@desk.test");
    await page.goto(articleUrl);
    await page
      .locator(".claim-item", { hasText: "its new Q-7 processor" })
      .getByRole("link", { name: "Check this claim" })
      .click();
    await page.getByRole("button", { name: "Approve this verdict" }).click();
    await expect(page.getByText("Approved. It will be included in the next publication.")).toBeVisible();

    await page.goto(articleUrl);
    await page.getByRole("button", { name: "Publish version 1" }).click();
    // The publisher lands on the latest address, not version 1's ("it may have been corrected since").
    await expect(page).toHaveURL(/\/fact-checks\/quantum-chip-claims$/);
    await expect(page.getByText("It may have been corrected since")).toHaveCount(0);
    publicUrl = page.url();

    const anonymous = await browser.newContext({ javaScriptEnabled: false });
    const reader = await anonymous.newPage();
    await reader.goto(publicUrl);
    await expect(reader.getByRole("heading", { name: "1 claim checked" })).toBeVisible();
    // The claim crosses **bold**: a mark before, one inside and one after, never across the tag.
    const marks = reader.locator(".article-text mark[data-claim]");
    await expect(marks).toHaveCount(3);
    await expect(marks).toHaveText(["its new Q-7 processor runs ", "40% faster", " than the previous model"]);
    await expect(reader.locator(".article-text strong mark")).toHaveText("40% faster");
    await expect(reader.locator("#claim-note-1 .verdict")).toHaveText(/Misleading/);
    await expect(reader.locator("#claim-note-1 .rationale strong")).toHaveText("40%");
    await expect(reader.locator("#claim-note-1")).toContainText("Approved by Rex Reviewer");
    // Work not approved is not published.
    await expect(reader.locator("body")).not.toContainText("according to industry insiders.\u201D");
    await expect(reader.locator("mark", { hasText: "2 million units" })).toHaveCount(0);
    await anonymous.close();
  });

  test("a correction publishes version 2 with its note; version 1 stays unchanged", async ({
    page,
    browser,
  }) => {
    failOnServerErrors(page);
    await signIn(page, "edna@desk.test");
    await page.goto(articleUrl);
    await page
      .locator(".claim-item", { hasText: "its new Q-7 processor" })
      .getByRole("link", { name: "Check this claim" })
      .click();
    await page.getByLabel("Verdict", { exact: true }).selectOption("inaccurate");
    await page.getByLabel("Rationale (markdown)").fill("Independent tests show 12%, not 40%.");
    await page.getByRole("button", { name: "Save verdict" }).click();
    await expect(page.getByText("Verdict, rationale and status saved.")).toBeVisible();

    await signIn(page, "rex@desk.test");
    await page.goto(articleUrl);
    await page
      .locator(".claim-item", { hasText: "its new Q-7 processor" })
      .getByRole("link", { name: "Check this claim" })
      .click();
    await page.getByRole("button", { name: "Approve this verdict" }).click();
    await expect(page.getByText("Approved. It will be included in the next publication.")).toBeVisible();
    await page.goto(articleUrl);
    const posts = postsOf(page);
    await page.getByRole("button", { name: "Publish version 2" }).click();
    // Version 2 needs a change note: the form holds back an empty one (the server refuses it too).
    await expect(page.locator("#changeNote:invalid")).toHaveCount(1);
    await page.getByLabel("What changed").fill("Rating changed to Inaccurate after independent benchmarks.");
    // Corrected or Updated is what readers see first: nothing is chosen for the publisher, and
    // the form holds back a version without the choice.
    const kinds = page.getByRole("group", { name: /This version/ }).getByRole("radio");
    await expect(kinds).toHaveCount(2);
    for (const kind of await kinds.all()) await expect(kind).not.toBeChecked();
    await page.getByRole("button", { name: "Publish version 2" }).click();
    await expect(page.locator("input[name=changeKind]:invalid")).toHaveCount(2);
    await expect(page).toHaveURL(articleUrl);
    // Both clicks were held back by the browser: nothing was sent whose answer could arrive later.
    expect(posts).toHaveLength(0);
    // A browser that does not hold it back (or a forged form) is refused by the server, with JavaScript and without.
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({ javaScriptEnabled });
      const other = await context.newPage();
      await signIn(other, "rex@desk.test");
      await other.goto(articleUrl);
      await other
        .getByLabel("What changed")
        .fill("Rating changed to Inaccurate after independent benchmarks.");
      await other
        .locator("input[name=changeKind]")
        .evaluateAll((radios) => radios.forEach((r) => r.removeAttribute("required")));
      await other.getByRole("button", { name: "Publish version 2" }).click();
      await expect(other.getByRole("alert").first()).toHaveText(
        "Choose whether version 2 corrects something published or adds to it: readers see “Corrected” or “Updated”.",
      );
      await expect(other.getByLabel("What changed")).toHaveValue(
        "Rating changed to Inaccurate after independent benchmarks.",
      );
      await expect(other.locator("input[name=changeKind][aria-invalid=true]")).toHaveCount(2);
      await other
        .locator("#publish-heading")
        .locator("..")
        .screenshot({ path: test.info().outputPath(`publish-refused-js-${javaScriptEnabled}.png`) });
      await context.close();
    }
    // A changed verdict is a correction.
    await page.getByRole("radio", { name: /corrects something published/ }).check();
    await page.getByRole("button", { name: "Publish version 2" }).click();
    await expect(page).toHaveURL(publicUrl);
    await expect(page.locator(".correction-banner")).toContainText("Corrected");

    await page.goto(publicUrl);
    await expect(page.locator("#claim-note-1 .verdict")).toHaveText(/Inaccurate/);
    await expect(page.locator(".corrections")).toContainText(
      "Rating changed to Inaccurate after independent benchmarks.",
    );
    // The article's history shows who changed the verdict, from what to what.
    await page.goto(`${articleUrl}/history`);
    const change = page.locator(".history li", { hasText: "Edna Editor saved the verdict of" }).first();
    await expect(change.locator("tr", { hasText: "Verdict" })).toContainText("MisleadingInaccurate");

    await page.goto(`${publicUrl}/v/1`);
    await expect(page.locator("#claim-note-1 .verdict")).toHaveText(/Misleading/);
    await expect(page.getByRole("note")).toContainText("This is version 1 of this fact-check");
    await page.getByRole("note").getByRole("link", { name: "read the latest version" }).click();
    await expect(page.locator("#claim-note-1 .verdict")).toHaveText(/Inaccurate/);
  });

  test("an anonymous visitor cannot see a draft", async ({ page, request }) => {
    await page.goto(articleUrl);
    await expect(page).toHaveURL(/\/login\?next=/);
    await signIn(page, "edna@desk.test");
    await page.getByRole("link", { name: "Import an article" }).click();
    await page.getByLabel("Title").fill("Secret draft");
    await page.getByLabel("Article text").fill("Nimbus Labs will announce 3 new chips in 2026.");
    await page.getByRole("button", { name: "Import and propose claims" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Secret draft");
    const draftPath = new URL(page.url()).pathname;
    for (const path of [draftPath, "/fact-checks/secret-draft", "/fact-checks/secret-draft/v/1"]) {
      const response = await request.get(path);
      expect(await response.text(), path).not.toContain("announce 3 new chips");
    }
    expect(await (await request.get("/fact-checks")).text()).not.toContain("Secret draft");
  });
});

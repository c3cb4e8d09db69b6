import { expect, test } from "@playwright/test";
import { createUser, expectAccessible, failOnServerErrors, personIn, postsOf, signIn } from "./helpers";

// "Has this been checked before?": an article that repeats the seed's claims in other words shows
// the seed's checks on its claim pages; a changed figure is named; an editor confirms and starts
// from the earlier check, with JavaScript and without.

const RETOLD = [
  "# The Alibaba chip, retold",
  "",
  "Alibaba's new inference processor reaches 12 TOPS, on par with mid-range Nvidia chips, the company says.",
  "",
  "The chip's memory bandwidth reaches 640 GB/s, according to the company.",
].join("\n");

test.beforeAll(() => {
  createUser("mika-match@desk.test", "Mika Match", "editor");
});

test("a repeated claim shows the seed's check; a changed figure is named; an editor starts from the check", async ({
  page,
  browser,
}) => {
  failOnServerErrors(page);
  await signIn(page, "mika-match@desk.test");
  await page.goto("/articles/new");
  await page.getByLabel("Title").fill("The Alibaba chip, retold");
  await page.getByLabel("Article text").fill(RETOLD);
  await page.getByRole("button", { name: "Import and propose claims" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("The Alibaba chip, retold");
  const article = page.url();

  // The figure that differs: named on the claim page.
  await page
    .locator(".claim-item", { hasText: "640 GB/s" })
    .getByRole("link", { name: "Check this claim" })
    .click();
  await page.waitForURL(/\/claims\/\d+/);
  const bandwidth = page.getByRole("region", { name: "Checked before?" });
  await expect(bandwidth.locator(".match", { hasText: "512 GB/s" })).toContainText(
    "this claim says 640 GB/s, that one 512 GB/s",
  );
  // Confirming them as one claim anyway asks the editor to say so (the server checks it too).
  const differing = bandwidth.locator(".match", { hasText: "512 GB/s" });
  const posts = postsOf(page);
  await differing.getByRole("button", { name: "Same claim" }).click();
  await differing.getByLabel("Same claim despite the difference").check();
  await differing.getByRole("button", { name: "Same claim" }).click();
  await expect(bandwidth.getByRole("heading", { name: "The same claim, checked elsewhere" })).toBeVisible();
  // The first click sent nothing: the browser asked for the box to be ticked.
  expect(posts).toHaveLength(1);

  // The repeated claim: the seed's check, with its verdict, likely the same.
  await page.goto(article);
  await page
    .locator(".claim-item", { hasText: "12 TOPS" })
    .getByRole("link", { name: "Check this claim" })
    .click();
  await page.waitForURL(/\/claims\/\d+/);
  const claimPage = page.url();
  const panel = page.getByRole("region", { name: "Checked before?" });
  const seed = panel.locator(".match", { hasText: "Up to 12 TOPS" });
  await expect(seed).toContainText("Likely the same claim");
  await expect(seed).toContainText("Inaccurate");
  await expectAccessible(page);

  // Without JavaScript: confirm, then start from the check.
  // On a phone: each answer is said in the section the page lands on, and the page lands on it
  // (the fragment names it: reader and keyboard navigation start there; autofocus cannot, with a fragment).
  const plain = await personIn(browser, "mika-match@desk.test", { javaScriptEnabled: false });
  await plain.setViewportSize({ width: 375, height: 740 });
  await plain.goto(claimPage);
  const plainPanel = plain.getByRole("region", { name: "Checked before?" });
  await plainPanel
    .locator(".match", { hasText: "Up to 12 TOPS" })
    .getByRole("button", { name: "Same claim" })
    .click();
  const same = plainPanel.getByRole("status");
  await expect(same).toContainText(/Marked as the same claim as claim \d+ of “Alibaba AI Chip/);
  await expect(same).toContainText("the history records the decision");
  await expect(same).toBeInViewport();
  expect(await same.evaluate((message) => message.matches(":target"))).toBe(true);
  await expect(plainPanel.getByRole("heading", { name: "The same claim, checked elsewhere" })).toBeVisible();
  await plainPanel.getByRole("button", { name: "Start from this check" }).click();
  const started = plainPanel.getByRole("status");
  await expect(started).toHaveText(
    /^Copied the verdict \(Inaccurate\), the rationale and \d+ sources? from claim (\d+) of “Alibaba AI Chip[^”]*”\. This claim now waits for review by someone else\.$/,
  );
  await expect(started).toBeInViewport();
  expect(await started.evaluate((message) => message.matches(":target"))).toBe(true);
  const number = (await started.textContent())!.match(/from claim (\d+)/)![1];
  await expect(plain.getByLabel("Verdict", { exact: true })).toHaveValue("inaccurate");
  // The rationale names the claim as readers see it, linked to its place on the fact-check.
  await expect(plain.getByLabel("Rationale (markdown)")).toHaveValue(
    new RegExp(
      `From the earlier check of the same claim in “Alibaba AI Chip[^”]*” \\(\\[claim ${number}\\]\\(http[^)]*/fact-checks/alibaba-ai-chip/v/\\d+#claim-${number}\\)\\)\\.$`,
    ),
  );

  // With JavaScript, the page shows the same after a reload.
  await page.reload();
  await expect(page.getByRole("region", { name: "Checked before?" })).toContainText(
    "The same claim, checked elsewhere",
  );
});

test("the desk dismisses or confirms the suggestions of the selected claims at once, without JavaScript", async ({
  browser,
}) => {
  const desk = await personIn(browser, "mika-match@desk.test", { javaScriptEnabled: false });
  await desk.goto("/desk?status=open&assignee=any&verdict=none");
  const rows = desk.locator(".desk-table tbody tr", { hasText: "640 GB/s" });
  await rows.first().getByRole("checkbox").check();
  await desk.getByLabel("With the selected claims").selectOption("dismissed");
  await desk.getByRole("button", { name: "Apply to selected" }).click();
  await expect(desk.getByRole("status").first()).toContainText(/\d+ decisions? recorded for 1 claim\./);
  const withScripts = await personIn(browser, "mika-match@desk.test");
  await withScripts.goto("/desk?status=open&assignee=any");
  await expectAccessible(withScripts);
});

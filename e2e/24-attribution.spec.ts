import { expect, test } from "@playwright/test";
import { createUser, expectAccessible, failOnServerErrors, personIn, signIn } from "./helpers";

// Who made a claim: the sentence's own attribution is offered (never saved by itself), an editor
// records it with a date and another place it appeared, and the published ClaimReview names them.
// With JavaScript and without.

const ARTICLE = [
  "# Server makers wait for GPUs",
  "",
  "Server OEMs cannot get enough AI and HPC GPUs to fulfil their server orders this quarter, Omdia claims.",
  "",
  "Shipments of AI servers rose 40% in the second quarter of 2025, according to Counterpoint Research.",
].join("\n");

test.beforeAll(() => {
  createUser("aria-attribution@desk.test", "Aria Attribution", "editor");
});

test("the sentence's claimant is offered, recorded with its date and appearances, and refused when malformed", async ({
  page,
  browser,
}) => {
  failOnServerErrors(page);
  await signIn(page, "aria-attribution@desk.test");
  await page.goto("/articles/new");
  await page.getByLabel("Title").fill("Server makers wait for GPUs");
  await page.getByLabel("Article text").fill(ARTICLE);
  await page.getByRole("button", { name: "Import and propose claims" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Server makers wait for GPUs");
  const article = page.url();

  await page
    .locator(".claim-item", { hasText: "Server OEMs" })
    .getByRole("link", { name: "Check this claim" })
    .click();
  await page.waitForURL(/\/claims\/\d+/);
  const claimPage = page.url();
  const panel = page.getByRole("region", { name: "Who made this claim" });
  await expect(panel).toContainText("Not recorded");
  await expect(panel).toContainText("The sentence attributes it: “claims”. Record Omdia as the claimant?");
  await expectAccessible(page);

  // Without JavaScript: accept the proposal, saying what Omdia is.
  const plain = await personIn(browser, "aria-attribution@desk.test", { javaScriptEnabled: false });
  await plain.goto(claimPage);
  await plain.getByRole("button", { name: "Omdia is an organisation" }).click();
  await expect(plain.getByRole("status").first()).toContainText("Claimant, date and appearances saved");
  const plainPanel = plain.getByRole("region", { name: "Who made this claim" });
  await expect(plainPanel).toContainText("Omdia (an organisation)");
  await expect(plainPanel.getByRole("button", { name: /Omdia is/ })).toHaveCount(0);

  // With JavaScript: a malformed address is refused with its line, and nothing is lost.
  await page.reload();
  await panel.getByText("Edit claimant, date and appearances").click();
  await panel.getByLabel("Date the claim was made").fill("2025-08");
  await panel.getByLabel("Other places it appeared").fill("https://example.com/omdia-note\nomdia.com/report");
  await panel.getByRole("button", { name: "Save claimant, date and appearances" }).click();
  await expect(panel.getByRole("alert").first()).toContainText("Nothing was saved");
  await expect(panel).toContainText("Line 2 (“omdia.com/report”) is not a web address");
  await expect(panel.getByLabel("Date the claim was made")).toHaveValue("2025-08");
  await panel.getByLabel("Other places it appeared").fill("https://example.com/omdia-note");
  await panel.getByRole("button", { name: "Save claimant, date and appearances" }).click();
  await expect(page.getByRole("status").first()).toContainText("Claimant, date and appearances saved");
  await expect(panel).toContainText("August 2025");
  await expect(panel.getByRole("link", { name: "https://example.com/omdia-note" })).toBeVisible();

  // The other claim's proposal names an organisation by its name alone: one button.
  await page.goto(article);
  await page
    .locator(".claim-item", { hasText: "Shipments of AI servers" })
    .getByRole("link", { name: "Check this claim" })
    .click();
  await page.waitForURL(/\/claims\/\d+/);
  await expect(page.getByRole("button", { name: /Counterpoint Research is/ })).toHaveText(
    "Counterpoint Research is an organisation",
  );
});

import { expect, test } from "@playwright/test";
import { createUser, failOnServerErrors, signIn } from "./helpers";

test("with JavaScript, selecting words in the article fills the claim form", async ({ page }) => {
  createUser("sel@desk.test", "Sam Selector", "editor");
  failOnServerErrors(page);
  await signIn(page, "sel@desk.test");
  await page.goto("/articles/new");
  await page.getByLabel("Title").fill("Selection test");
  await page
    .getByLabel("Article text")
    .fill("Vega Robotics opened a plant in Ohio. It employs 1,200 people.");
  await page.getByRole("button", { name: "Import and propose claims" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Selection test");

  // Once the page's script runs, the form says selecting works; then select the words.
  await expect(page.getByText("Select text in the article to fill this in")).toBeVisible();
  // Select "opened a plant in Ohio" and let go of the mouse, as a person ending a drag would
  // (again, if the first try raced the page settling after navigation).
  await page.waitForLoadState("networkidle");
  await expect(async () => {
    await page
      .locator(".article-text p")
      .first()
      .evaluate((p) => {
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.textContent!.indexOf("opened a plant in Ohio");
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + "opened a plant in Ohio".length);
          getSelection()!.removeAllRanges();
          getSelection()!.addRange(range);
          p.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
          return;
        }
        throw new Error("text not found");
      });
    await expect(page.getByLabel("Exact words from the article")).toHaveValue("opened a plant in Ohio", {
      timeout: 1000,
    });
  }).toPass({ timeout: 10_000 });
  await page.getByRole("button", { name: "Add claim" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("“opened a plant in Ohio”");
});

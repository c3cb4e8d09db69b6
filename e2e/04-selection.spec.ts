import { expect, test } from "@playwright/test";
import { createUser, expectAccessible, failOnServerErrors, signIn, waitForHydration } from "./helpers";

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
  await waitForHydration(page);
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

test("a selection across a highlighted claim adds its words, not the claim's number", async ({ page }) => {
  createUser("sel@desk.test", "Sam Selector", "editor");
  failOnServerErrors(page);
  await signIn(page, "sel@desk.test");
  await page.goto("/articles/new");
  await page.getByLabel("Title").fill("Selection across a claim");
  await page
    .getByLabel("Article text")
    .fill(
      "Vega Robotics opened a plant in Ohio. It employs 1,200 people, the company said. Work starts soon.",
    );
  await page.getByRole("button", { name: "Import and propose claims" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Selection across a claim");
  await expect(page.getByText("Select text in the article to fill this in")).toBeVisible();
  // The claim about 1,200 people is highlighted, its number badge after it.
  await expect(page.locator(".article-text .claim-ref")).not.toHaveCount(0);

  // Select from "opened" to "Work starts", across the highlighted claim and its badge (again, if
  // the first try raced the page settling after navigation, as in the story above).
  const wanted = "opened a plant in Ohio. It employs 1,200 people, the company said. Work starts";
  await waitForHydration(page);
  await expect(async () => {
    await page
      .locator(".article-text p")
      .first()
      .evaluate((p) => {
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
        const nodes: Text[] = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
        const start = nodes.find((n) => n.textContent!.includes("opened"))!;
        const end = nodes.find((n) => n.textContent!.includes("Work starts"))!;
        const range = document.createRange();
        range.setStart(start, start.textContent!.indexOf("opened"));
        range.setEnd(end, end.textContent!.indexOf("Work starts") + "Work starts".length);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        p.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
      });
    // The form has the article's words only, not the claim's number.
    await expect(page.getByLabel("Exact words from the article")).toHaveValue(wanted, { timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  // The selection shows where it is seen: a bar at the foot of the window.
  const bar = page.getByRole("region", { name: "Selected words" });
  await expect(bar).toBeVisible();
  await expect(bar).toContainText(`Selected: “${wanted}”`);
  await expectAccessible(page, "the workbench with words selected");
  await bar.getByRole("button", { name: "Add as a claim" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`“${wanted}”`);
});

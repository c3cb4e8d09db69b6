import { expect, test } from "@playwright/test";
import { createUser, expectAccessible, failOnServerErrors, personIn, signIn } from "./helpers";

// The figures of a claim, read from its quote: each as written, its value, unit and what it
// measures, with the common unit when it differs. With JavaScript and without.

const ARTICLE = [
  "# Quanta ships its edge chip",
  "",
  "Quanta said its Q1 chip delivers 40 TOPS at 8 watts and moves 1.2 TB/s, three times as efficient as Nvidia's H20.",
  "",
  "The company was founded in 2019 by Hana Ito, a former Apple engineer.",
].join("\n");

test.beforeAll(() => {
  createUser("quinn-quantities@desk.test", "Quinn Quantities", "editor");
});

test("a claim's figures are listed with value, unit and what they measure", async ({ page, browser }) => {
  failOnServerErrors(page);
  await signIn(page, "quinn-quantities@desk.test");
  await page.goto("/articles/new");
  await page.getByLabel("Title").fill("Quanta ships its edge chip");
  await page.getByLabel("Article text").fill(ARTICLE);
  await page.getByRole("button", { name: "Import and propose claims" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Quanta ships its edge chip");
  await page
    .locator(".claim-item", { hasText: "40 TOPS" })
    .getByRole("link", { name: "Check this claim" })
    .click();
  await page.waitForURL(/\/claims\/\d+/);
  const claimPage = page.url();

  await expect(page.getByRole("region", { name: "Figures in this claim" })).toBeVisible();
  const figures = page.getByRole("table", { name: "Figures in this claim" });
  const row = (figure: string) => figures.getByRole("row", { name: new RegExp(`^“${figure}”`) });
  await expect(figures.getByRole("row")).toHaveCount(5); // the header and four figures
  await expect(row("40 TOPS").getByRole("cell")).toHaveText(["40", "TOPS", "Compute performance", ""]);
  await expect(row("8 watts").getByRole("cell")).toHaveText(["8", "W", "Power", ""]);
  await expect(row("1.2 TB/s").getByRole("cell")).toHaveText(["1.2", "TB/s", "Bandwidth", "= 1,200 GB/s"]);
  await expect(row("three times").getByRole("cell")).toHaveText([
    "3",
    "× (times)",
    "Ratio (a multiple)",
    "compared with Nvidia's H20",
  ]);
  // "Q1" names the chip and "H20" a rival: neither is a figure.
  await expect(figures).not.toContainText("Q1");
  await expectAccessible(page);

  // Without JavaScript the table is the same: it is rendered by the server.
  const plain = await personIn(browser, "quinn-quantities@desk.test", { javaScriptEnabled: false });
  await plain.goto(claimPage);
  const plainFigures = plain.getByRole("table", { name: "Figures in this claim" });
  await expect(plainFigures.getByRole("row")).toHaveCount(5);
  await expect(plainFigures).toContainText("= 1,200 GB/s");

  // A claim whose only number is a year shows no table.
  await page.goBack();
  await page.waitForURL((url) => !/\/claims\//.test(url.pathname));
  await page
    .locator(".claim-item", { hasText: "founded in 2019" })
    .getByRole("link", { name: "Check this claim" })
    .click();
  await page.waitForURL(/\/claims\/\d+/);
  await expect(page.getByRole("region", { name: "Who made this claim" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Figures in this claim" })).toHaveCount(0);
});

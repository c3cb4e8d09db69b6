import { expect, test } from "@playwright/test";
import { createUser, expectAccessible, failOnServerErrors, personIn, signIn } from "./helpers";

// The spec checker: a claim naming chips shows their reference figures with Epoch AI's credit
// and flags the figure the reference contradicts; an editor corrects the reference row (without
// JavaScript), bad input and a stale form are refused with a sentence, and the claim page follows
// the correction. The verdict is never touched.

const ARTICLE = [
  "# Alibaba's inference chip",
  "",
  "Alibaba says its Hanguang 800 chip delivers 900 TOPS, while Nvidia's H20 GPU offers 296 TOPS.",
].join("\n");
const CREDIT = "Figures: Epoch AI, Machine Learning Hardware dataset, CC BY 4.0";

test.beforeAll(() => {
  createUser("rhea-reference@desk.test", "Rhea Reference", "editor");
  createUser("otto-reference@desk.test", "Otto Reference", "editor");
});

test("a claim's chips are set against the reference, and an editor's correction reaches the claim page", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000); // three people, axe over the claim page and the row's form, on a busy machine
  failOnServerErrors(page);
  await signIn(page, "rhea-reference@desk.test");
  await page.goto("/articles/new");
  await page.getByLabel("Title").fill("Alibaba's inference chip");
  await page.getByLabel("Article text").fill(ARTICLE);
  await page.getByRole("button", { name: "Import and propose claims" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Alibaba's inference chip");
  await page
    .locator(".claim-item", { hasText: "Hanguang 800" })
    .getByRole("link", { name: "Check this claim" })
    .click();
  await page.waitForURL(/\/claims\/\d+/);
  const claimPage = page.url();

  const panel = page.getByRole("region", { name: "Reference figures" });
  await expect(panel.getByRole("heading", { name: "T-Head Hanguang 800" })).toBeVisible();
  await expect(panel.getByRole("heading", { name: /NVIDIA HGX H20/ })).toBeVisible();
  await expect(panel.getByRole("note")).toHaveText(
    "Claims 900 TOPS; the reference lists 825 TOPS INT8 (Epoch AI).",
  );
  await expect(panel.getByRole("link", { name: CREDIT })).toHaveAttribute(
    "href",
    "https://epoch.ai/data/machine-learning-hardware",
  );
  const hanguang = panel.getByRole("table", { name: "Reference figures for T-Head Hanguang 800" });
  await expect(hanguang.getByRole("row", { name: /INT8 performance/ })).toContainText("Disagrees");
  const h20 = panel.getByRole("table", { name: "Reference figures for NVIDIA HGX H20" });
  await expect(h20.getByRole("row", { name: /INT8 performance/ })).toContainText("Agrees");
  await expect(page.getByLabel("Verdict", { exact: true })).toHaveValue("");
  await expectAccessible(page);

  // Without JavaScript: open the row from the claim page, refuse bad input, save a correction.
  const plain = await personIn(browser, "rhea-reference@desk.test", { javaScriptEnabled: false });
  await plain.goto(claimPage);
  await plain.getByRole("link", { name: "Correct the figures for T-Head Hanguang 800" }).click();
  await plain.waitForURL(/\/reference\?q=/);
  await expect(plain.getByRole("status")).toHaveText("1 row matches “T-Head Hanguang 800”.");
  await plain.getByRole("link", { name: "T-Head Hanguang 800" }).click();
  await plain.waitForURL(/\/reference\/\d+$/);
  const rowPage = plain.url();

  // Someone else opens the same row before the correction.
  const other = await personIn(browser, "otto-reference@desk.test");
  await other.goto(rowPage);

  await plain.getByLabel("INT8 performance (TOPS)").fill("lots");
  await plain.getByLabel("Source", { exact: true }).fill("");
  await plain.getByRole("button", { name: "Save correction" }).click();
  await expect(plain.getByRole("alert").first()).toContainText(
    "Nothing was saved. Check the highlighted fields.",
  );
  await expect(plain.locator("#int8Tops-error")).toHaveText(
    "INT8 performance must be a positive number in TOPS, or left empty.",
  );
  await expect(plain.getByLabel("INT8 performance (TOPS)")).toHaveValue("lots");
  await plain.getByLabel("INT8 performance (TOPS)").fill("900");
  await plain.getByLabel("Source", { exact: true }).fill("Alibaba datasheet");
  await plain.getByLabel("Source link").fill("https://www.alibabacloud.com/hanguang");
  await plain.getByRole("button", { name: "Save correction" }).click();
  await expect(plain.getByRole("status").first()).toHaveText(
    "Correction saved. Claim pages show the new figures.",
  );
  await expect(plain.getByRole("region", { name: /Changes/ })).toContainText("Rhea Reference corrected it");
  await expect(plain.getByRole("region", { name: /Changes/ })).toContainText("int8Tops: 825 → 900");

  // The other editor's form is stale: refused, with what was saved meanwhile.
  await other.getByLabel("TDP (W)").fill("280");
  await other.getByRole("button", { name: "Save correction" }).click();
  await expect(other.getByRole("alert").first()).toContainText("changed since you opened it");
  await expect(other.getByRole("region", { name: "The version saved by someone else" })).toContainText(
    "INT8 performance 900 TOPS",
  );
  await expectAccessible(other);

  // With JavaScript: the claim page now agrees, credits the editor's source, and still no verdict.
  await page.goto(claimPage);
  await expect(hanguang.getByRole("row", { name: /INT8 performance/ })).toContainText("Agrees");
  await expect(
    hanguang.getByRole("row", { name: /INT8 performance/ }).getByRole("link", { name: "Alibaba datasheet" }),
  ).toHaveAttribute("href", "https://www.alibabacloud.com/hanguang");
  await expect(panel.getByRole("note")).toHaveCount(0);
  // The H20's figures are still Epoch AI's: the credit stays.
  await expect(panel.getByRole("link", { name: CREDIT })).toBeVisible();
  await expect(page.getByLabel("Verdict", { exact: true })).toHaveValue("");

  await page.goto("/reference?q=Ascend");
  await expect(page.getByRole("status")).toHaveText("19 rows match “Ascend”.");
  await expectAccessible(page);

  // Without JavaScript the claim page shows the same.
  await plain.goto(claimPage);
  await expect(
    plain
      .getByRole("table", { name: "Reference figures for T-Head Hanguang 800" })
      .getByRole("row", { name: /INT8 performance/ }),
  ).toContainText("Agrees");
});

test("only editors reach the reference pages", async ({ browser }) => {
  createUser("vic-reference@desk.test", "Vic Viewer", "viewer");
  const viewer = await personIn(browser);
  await signIn(viewer, "vic-reference@desk.test");
  const answer = await viewer.goto("/reference");
  expect(answer?.status()).toBe(403);
});

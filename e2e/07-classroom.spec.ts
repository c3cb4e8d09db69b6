import { expect, test, type Browser } from "@playwright/test";
import { createUser, expectAccessible, failOnServerErrors, signIn } from "./helpers";

/** A student with no account, in a browser context of their own, on a phone-sized screen. */
async function student(
  browser: Browser,
  code: string,
  name: string,
  marks: Array<{ sentence: string; verdict: string; source: string }>,
) {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    javaScriptEnabled: false,
  });
  const page = await context.newPage();
  failOnServerErrors(page);
  await page.goto("/x");
  await page.getByLabel("Exercise code").fill(code.toLowerCase().replace("-", " "));
  await page.getByRole("button", { name: "Open the exercise" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check it yourself: Alibaba's chip");
  await page.getByLabel("Your display name").fill(name);
  for (const mark of marks) {
    const unit = page.locator(".unit", { hasText: mark.sentence }).first();
    await unit.getByRole("checkbox").check();
    await unit.getByLabel("Your verdict").selectOption({ label: mark.verdict });
    await unit.getByLabel("What would settle it").selectOption({ label: mark.source });
  }
  await page.getByRole("button", { name: "Send my answers and see the fact-check" }).click();
  return { page, context };
}

test("an educator runs an exercise on the seeded fact-check; two students compare their work with it", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000); // two students, axe over a ~100-sentence form
  createUser("teacher@school.test", "Tess Teacher", "educator");
  failOnServerErrors(page);
  await signIn(page, "teacher@school.test");
  await page.getByRole("link", { name: "Classroom" }).click();
  await page
    .locator(".card", { hasText: "Alibaba AI Chip" })
    .getByRole("link", { name: "New exercise" })
    .click();
  await page.getByLabel("Title students see").fill("Check it yourself: Alibaba's chip");
  await page.getByLabel("The article alone").check();
  await page.getByRole("button", { name: "Create exercise" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check it yourself: Alibaba's chip");
  const code = (await page.locator("code.code").textContent())!;
  expect(code).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);

  // Ada finds two claims and gets one verdict right; Ben finds one, and marks a sentence that was not counted.
  const ada = await student(browser, code, "Ada", [
    {
      sentence: "Memory Bandwidth: 512 GB/s.",
      verdict: "Unsupported",
      source: "The company's own statement or data",
    },
    { sentence: "Alibaba’s shares spiked", verdict: "Accurate", source: "Market or trading data" },
  ]);
  await expect(ada.page.locator(".summary-line")).toContainText(
    "You found 2 of 16 claims the fact-checkers checked, and your verdict matched theirs on 1.",
  );
  const memory = ada.page.locator(".compare", { hasText: "Memory Bandwidth: 512 GB/s." });
  await expect(memory.getByRole("group", { name: "Your answer" })).toContainText("Unsupported");
  await expect(memory.getByRole("group", { name: "Your answer" })).toContainText("✓ Same verdict");
  await expect(memory.getByRole("group", { name: "The fact-checkers' answer" })).toContainText("Unsupported");
  await expect(memory.getByRole("group", { name: "Why it is worth checking" })).toContainText(
    "Contains a figure or measurement (“512 GB/s”)",
  );
  const shares = ada.page.locator(".compare", { hasText: "Alibaba’s shares spiked" });
  await expect(shares.getByRole("group", { name: "Your answer" })).toContainText("≠ A different verdict");
  await expect(shares.getByRole("group", { name: "The fact-checkers' answer" })).toContainText("Misleading");
  await expect(ada.page.locator(".compare--missed")).toHaveCount(14);
  // Accessibility of the student's pages (axe needs JavaScript, so in a page of its own).
  const checkerContext = await browser.newContext();
  const checker = await checkerContext.newPage();
  for (const url of [ada.page.url(), `/x/${code.replace("-", "")}`]) {
    await checker.goto(url);
    await expectAccessible(checker, url);
  }
  await checkerContext.close();

  const ben = await student(browser, code, "Ben", [
    {
      sentence: "Process Node: 5nm technology.",
      verdict: "Inaccurate",
      source: "Independent testing or measurement",
    },
    {
      sentence: "Markets moved quickly after Alibaba’s announcement.",
      verdict: "Accurate",
      source: "Market or trading data",
    },
  ]);
  await expect(ben.page.locator(".summary-line")).toContainText("You found 1 of 16 claims");
  await expect(
    ben.page
      .getByRole("region", { name: "You also marked" })
      .or(ben.page.locator("section", { hasText: "You also marked" })),
  ).toContainText("Markets moved quickly");
  // Each student's page is their own: Ben's link does not show Ada's answers.
  await expect(ben.page.locator("body")).not.toContainText("Thank you, Ada");

  // The educator's results match what they sent.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Results: 2 students" })).toBeVisible();
  const memoryRow = page.locator("tr", { hasText: "Memory Bandwidth: 512 GB/s." });
  await expect(memoryRow).toContainText("1 of 2");
  await expect(memoryRow.getByRole("img")).toHaveAttribute("aria-label", /Unsupported: 1/);
  await expect(
    page.locator("tr", { hasText: "Process Node: 5nm technology." }).getByRole("img"),
  ).toHaveAttribute("aria-label", /Inaccurate: 1/);
  const csv = await (await page.request.get(page.url().replace(/\?.*$/, "") + "/results.csv")).text();
  const rows = csv.trim().split("\r\n");
  expect(rows[0]).toBe(
    '"student","submitted_at","claim_number","claim","found","student_verdict","student_source","published_verdict"',
  );
  expect(rows).toHaveLength(1 + 2 * 16);
  expect(rows.filter((r) => r.includes('"yes"'))).toHaveLength(3);
  expect(rows.find((r) => r.startsWith('"Ada"') && r.includes("Memory Bandwidth"))).toContain(
    '"yes","Unsupported","The company\'s own statement or data","Unsupported"',
  );
  expect(rows.find((r) => r.startsWith('"Ben"') && r.includes("Process Node"))).toContain(
    '"yes","Inaccurate","Independent testing or measurement","Unsupported"',
  );

  // Closing the exercise stops new answers; deleting removes them, and the students' links with them.
  await page.getByRole("button", { name: "Close the exercise" }).click();
  await expect(page.getByText("The exercise is closed")).toBeVisible();
  const late = await browser.newContext({ javaScriptEnabled: false });
  const latePage = await late.newPage();
  await latePage.goto(`/x/${code.replace("-", "")}`);
  await expect(latePage.getByRole("note")).toContainText("This exercise is closed");
  await page.getByLabel("Yes, delete every student's answers").check();
  await page.getByRole("button", { name: "Delete all answers" }).click();
  await expect(page.getByRole("heading", { name: "Results: 0 students" })).toBeVisible();
  await ada.page.reload();
  await expect(ada.page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await Promise.all([ada.context.close(), ben.context.close(), late.close()]);
});

test("bad input to an exercise gets a clear message and keeps the answers", async ({ page, browser }) => {
  await page.goto("/x?code=nope");
  await expect(page.getByText("Codes have ten letters and digits")).toBeVisible();
  expect((await page.request.get("/x/ABCDE23456")).status()).toBe(404);

  createUser("teacher2@school.test", "Theo Teacher", "educator");
  await signIn(page, "teacher2@school.test");
  await page.goto("/exercises");
  await page
    .locator(".card", { hasText: "Alibaba AI Chip" })
    .getByRole("link", { name: "New exercise" })
    .click();
  await page.getByLabel("The article with the claims marked").check();
  await page.getByRole("button", { name: "Create exercise" }).click();
  const code = (await page.locator("code.code").textContent())!.replace("-", "");

  const context = await browser.newContext({ javaScriptEnabled: false });
  const student = await context.newPage();
  failOnServerErrors(student);
  await student.goto(`/x/${code}`);
  await expect(student.locator(".article-text mark")).not.toHaveCount(0);
  await student.getByLabel("Your display name").fill("Cleo");
  const first = student.locator(".unit").first();
  await first.getByLabel("Your verdict").selectOption({ label: "Accurate" });
  await student.getByRole("button", { name: "Send my answers and see the fact-check" }).click();
  await expect(student.getByRole("alert")).toContainText("Your answers were not sent yet.");
  await expect(student.getByRole("alert")).toContainText("choose the kind of source that would settle it");
  await expect(student.getByLabel("Your display name")).toHaveValue("Cleo");
  await expect(student.locator(".unit").first().getByLabel("Your verdict")).toHaveValue("accurate");
  await context.close();
});

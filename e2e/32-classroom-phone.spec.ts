import { expect, test, type Browser, type Page } from "@playwright/test";
import { createUser, expectAccessible, failOnServerErrors, signIn } from "./helpers";

// The classroom on a 375 px phone: a student's boxes are 24 px targets before their own sentence;
// a teacher's students table shows every column; "claims marked" quotes hug their words and the
// claims' skipped numbers are explained. Without JavaScript for the student, as a school's
// locked-down tablets may be.

const PHONE = { width: 375, height: 812 };
const TEACHER = "phone-teacher@school.test";

async function newExercise(page: Page, title: string, mode: RegExp) {
  await page.goto("/exercises");
  await page
    .locator(".card", { hasText: "Alibaba AI Chip" })
    .getByRole("link", { name: "New exercise" })
    .click();
  await page.getByLabel("Title students see").fill(title);
  await page.getByLabel(mode).check();
  await page.getByRole("button", { name: "Create exercise" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  return { code: (await page.locator("code.code").textContent())!.replace("-", ""), results: page.url() };
}

async function phone(browser: Browser, javaScriptEnabled = false) {
  const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled });
  const page = await context.newPage();
  failOnServerErrors(page);
  return page;
}

test("the classroom on a 375 px phone: boxes before their sentences, every column of the students table", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  createUser(TEACHER, "Tess Phone", "educator");
  failOnServerErrors(page);
  await signIn(page, TEACHER);
  const exercise = await newExercise(page, "Phone: find the claims", /The article alone/);

  const student = await phone(browser);
  await student.goto(`/x/${exercise.code}`);
  const marks = student.locator(".sentence__mark");
  expect(await marks.count()).toBeGreaterThan(20);
  for (let i = 0; i < 20; i++) {
    const box = (await marks.nth(i).getByRole("checkbox").boundingBox())!;
    const words = (await marks.nth(i).locator("span").first().boundingBox())!;
    const label = (await marks.nth(i).boundingBox())!;
    // WCAG 2.2 target size: the box itself, not only its label.
    expect(box.width, `box ${i}`).toBeGreaterThanOrEqual(24);
    expect(box.height, `box ${i}`).toBeGreaterThanOrEqual(24);
    // Before its own sentence, in a column of its own: nothing of another sentence beside it.
    expect(box.x + box.width, `box ${i}`).toBeLessThanOrEqual(words.x);
    expect(box.y, `box ${i}`).toBeGreaterThanOrEqual(label.y);
    expect(box.y, `box ${i}`).toBeLessThan(words.y + 20);
    expect(words.x + words.width, `sentence ${i}`).toBeLessThanOrEqual(PHONE.width);
  }
  // Mia marks a sentence the key does not count, and one it does.
  await student.getByLabel("Your display name").fill("Mia B.");
  for (const [sentence, verdict] of [
    ["just about hardware", "Misleading"],
    ["Memory Bandwidth: 512 GB/s.", "Unsupported"],
  ]) {
    const row = student.locator(".sentence", { hasText: sentence }).first();
    await row.getByRole("checkbox").check();
    await row.getByRole("radio", { name: new RegExp(`^${verdict} `) }).check();
    await row.getByLabel("What would settle it").selectOption({ label: "An independent expert" });
  }
  await student.getByRole("button", { name: "Send my answers" }).click();
  await expect(student.getByRole("status")).toContainText("Your answers are saved, Mia B.");

  // The teacher, on a phone: every column of the students table is on the screen.
  const teacher = await phone(browser, true);
  await signIn(teacher, TEACHER);
  await teacher.goto(exercise.results);
  const table = teacher.getByRole("table", { name: "Students" });
  for (const cell of await table.locator("tbody th, tbody td").all()) {
    const box = (await cell.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
  }
  await expect(table.getByText("Not yet: can still change answers")).toBeVisible();
  await expect(table.getByText("Mark reasoning")).toBeVisible();
  await expect(table.locator("details.remove summary")).toBeVisible();
  // The sentence outside the key is on the teacher's page, and Mia's whole answer sheet opens from the table.
  const others = teacher.getByRole("region", { name: "Sentences marked that the key does not count" });
  await expect(others).toContainText("just about hardware");
  await expect(others).toContainText("marked by 1 of 1");
  await expect(others).toContainText("Misleading: 1");
  await expectAccessible(teacher, "results on a phone");
  await table.getByRole("link", { name: "Mia B.'s answers" }).click();
  await expect(teacher.getByRole("heading", { level: 1 })).toHaveText("Mia B.'s answers");
  await expect(teacher.locator("section", { hasText: "You also marked" })).toContainText(
    "just about hardware",
  );
  await expectAccessible(teacher, "a student's answer sheet on a phone");
  // The list of exercises is wider than a phone: its box scrolls, takes keyboard focus and says what it holds.
  await teacher.goto("/exercises");
  const list = teacher.getByRole("region", { name: "Your exercises" });
  await list.focus();
  await expect(list).toBeFocused();
  await expectAccessible(teacher, "the list of exercises on a phone");
});

test("'claims marked' on a phone: quotes hug their words, skipped claim numbers are explained", async ({
  page,
  browser,
}) => {
  createUser(TEACHER, "Tess Phone", "educator");
  failOnServerErrors(page);
  await signIn(page, TEACHER);
  const exercise = await newExercise(page, "Phone: judge the claims", /with the claims marked/);
  const student = await phone(browser);
  await student.goto(`/x/${exercise.code}`);
  const first = student.locator(".unit__mark").first();
  // As laid out: the opening quote mark is on the words, not a gap away from them.
  expect(await first.innerText()).toMatch(/^\d+\.\s+“\S[^\n]*\S”$/);
  // The seeded fact-check's checked claims start at 2 (decision 029): the page says why.
  await expect(first.locator("strong")).not.toHaveText("1.");
  await expect(
    student.getByText("so the numbers of claims this exercise does not ask about are skipped"),
  ).toBeVisible();
});

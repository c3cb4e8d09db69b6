import { execFile } from "node:child_process";
import { mkdirSync } from "node:fs";
import { promisify } from "node:util";
import { expect, request as playwrightRequest, test, type Browser, type Page } from "@playwright/test";
import { databaseUrl, expectAccessible, failOnServerErrors, PASSWORD, signIn } from "./helpers";
import { E2E_DATABASE } from "../playwright.config";

/** Where the story leaves its screenshots for a person to look at. */
const SHOTS = "test-results/classroom-school";

/** The seeded fact-check's first three claims count; students judge them in "claims marked" mode. */
const CLAIMS = 3;

/** Educators made through the operations CLI (npm run user:create), all at once and without npx's start-up. */
async function createEducators(people: Array<[email: string, name: string]>) {
  await Promise.all(
    people.map(([email, name]) =>
      promisify(execFile)(
        process.execPath,
        [
          "--import",
          "tsx",
          "scripts/user-create.ts",
          "--email",
          email,
          "--name",
          name,
          "--role",
          "educator",
          "--password",
          PASSWORD,
        ],
        { env: { ...process.env, DATABASE_URL: databaseUrl(E2E_DATABASE) } },
      ),
    ),
  );
}

/** The wall-clock time ("YYYY-MM-DDTHH:mm") in Paris, hours from now: what a teacher types. */
function parisTime(hoursFromNow: number): string {
  const instant = new Date(Date.now() + hoursFromNow * 3_600_000);
  const parts = new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Europe/Paris",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(instant);
  return parts.replace(" ", "T");
}

/** A person in a browser context of their own, at an address of the story's choosing. */
async function personAt(
  browser: Browser,
  baseURL: string,
  options: { width?: number; javaScriptEnabled?: boolean } = {},
): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    ...(options.width ? { viewport: { width: options.width, height: 844 } } : {}),
  });
  const page = await context.newPage();
  failOnServerErrors(page);
  return page;
}

/** Answers every marked claim on the student's form: the same verdict and source for each. */
async function judgeEveryClaim(page: Page, verdict: RegExp) {
  const claims = page.locator("fieldset.verdict-choices");
  await expect(claims).toHaveCount(CLAIMS);
  for (let i = 0; i < CLAIMS; i++) {
    await claims.nth(i).getByRole("radio", { name: verdict }).check();
    await page.locator("select[name^='source-']").nth(i).selectOption({ label: "Market or trading data" });
  }
}

/** A student's answers as their browser would post them, from a device (cookie jar) of their own. */
async function studentByForm(baseURL: string, code: string, name: string) {
  const device = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL } });
  const form = await device.get(`/x/${code}`);
  const units = [...(await form.text()).matchAll(/name="source-(\d+)"/g)].map((m) => m[1]!);
  const answers: Record<string, string> = { displayName: name };
  for (const unit of units)
    Object.assign(answers, { [`verdict-${unit}`]: "mostly-accurate", [`source-${unit}`]: "market-data" });
  const sent = await device.post(`/x/${code}`, { form: answers, maxRedirects: 0 });
  const result = sent.headers().location ?? "";
  const page = result ? await (await device.get(result)).text() : "";
  await device.dispose();
  return { status: `${form.status()} ${units.length} ${sent.status()}`, page };
}

test("a school: an educator, a co-teacher, an educator from elsewhere, and 40 students behind one address", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  mkdirSync(SHOTS, { recursive: true });
  await createEducators([
    ["tess@school20.test", "Tess Teacher"],
    ["cora@school20.test", "Cora Coteacher"],
    ["otto@elsewhere20.test", "Otto Other"],
  ]);
  // The educator reaches the server at another address than "localhost": the share link must use hers.
  const schoolAddress = baseURL!.replace("localhost", "127.0.0.1");
  expect(schoolAddress).not.toBe(baseURL);

  const tess = await personAt(browser, schoolAddress);
  await signIn(tess, "tess@school20.test");
  await tess.goto("/exercises");
  await expectAccessible(tess, "/exercises");
  await tess.goto("/exercises/own");
  await expectAccessible(tess, "/exercises/own");
  await tess.goto("/exercises/new?slug=alibaba-ai-chip");
  await expectAccessible(tess, "/exercises/new");
  await tess.getByLabel("Title students see").fill("Spot the spin: Alibaba's chip");
  await tess.getByLabel("The article with the claims marked").check();
  const claimBoxes = tess.locator("input[name=claimIds]");
  for (let i = (await claimBoxes.count()) - 1; i >= CLAIMS; i--) await claimBoxes.nth(i).uncheck();
  await tess.getByLabel("Due on").fill(parisTime(24));
  await tess.getByLabel("Time zone").selectOption("Europe/Paris");
  await tess.getByRole("button", { name: "Create exercise" }).click();
  await expect(tess.getByRole("heading", { level: 1 })).toHaveText("Spot the spin: Alibaba's chip");
  const exerciseUrl = tess.url();
  const share = tess.getByRole("region", { name: "Share with students" });
  const link = (await share.getByRole("link").textContent())!;
  expect(link).toMatch(new RegExp(`^${schoolAddress.replace(/[.]/g, "\\.")}/x/[2-9A-HJKMNP-Z]{10}$`));
  const code = link.slice(-10);
  await expect(share.getByRole("img", { name: `QR code for ${link}` })).toBeVisible();
  await expect(share).toContainText(/Due: \w+day, \d+ \w+ \d{4}, \d\d:\d\d \(Europe\/Paris\)/);
  await expectAccessible(tess, "an exercise's page before any answer");
  await tess.getByLabel("Add a co-teacher by their Claimdesk e-mail").fill("cora@school20.test");
  await tess.getByRole("button", { name: "Add co-teacher" }).click();
  await expect(tess.getByRole("status")).toContainText("The co-teacher was added");

  // A phone with JavaScript follows the link: a mistake first (focus on the error summary), then answers.
  const maya = await personAt(browser, schoolAddress, { width: 390 });
  await maya.goto(link);
  await expect(maya.getByText(/^Due: /)).toContainText("(Europe/Paris)");
  await expect(maya.getByRole("img", { name: /QR code/ })).toBeHidden(); // on the printed handout only
  await maya.screenshot({ path: `${SHOTS}/student-390.png` });
  await expectAccessible(maya, "the student's form");
  await maya.getByRole("button", { name: "Send my answers" }).click();
  await expect(maya.locator(".error-summary")).toBeFocused();
  await expectAccessible(maya, "the student's form with its error summary");
  await maya.getByLabel("Your display name").fill("Maya");
  await judgeEveryClaim(maya, /^Mostly accurate /);
  await maya.getByRole("button", { name: "Send my answers" }).click();
  await expect(maya.getByRole("status")).toContainText("Your answers are saved, Maya: 3 answers");
  await expectAccessible(maya, "the saved-answers page");
  await maya.getByRole("button", { name: "I'm done: show me the fact-check" }).click();
  await expect(maya.locator(".summary-line")).toBeFocused();
  await expectAccessible(maya, "the reveal");
  await maya.context().close();
  // The teacher prints the student's page as a handout: it carries the QR code of the link.
  const handout = await personAt(browser, schoolAddress);
  await handout.goto(`/x/${code}`);
  await handout.emulateMedia({ media: "print" });
  await expect(handout.getByRole("img", { name: `QR code for ${link}` })).toBeVisible();
  await expect(handout.getByRole("button")).toHaveCount(0);
  await handout.screenshot({ path: `${SHOTS}/handout-print.png`, fullPage: true });
  await handout.context().close();

  // Two phones without JavaScript type the code at /x.
  for (const name of ["Leo", "Zoë"]) {
    const phone = await personAt(browser, schoolAddress, { width: 390, javaScriptEnabled: false });
    await phone.goto("/x");
    await phone.getByLabel("Exercise code").fill(code.toLowerCase());
    await phone.getByRole("button", { name: "Open the exercise" }).click();
    await phone.getByLabel("Your display name").fill(name);
    await judgeEveryClaim(phone, /^Accurate /);
    await phone.getByRole("button", { name: "Send my answers" }).click();
    await expect(phone.getByRole("status")).toContainText(`Your answers are saved, ${name}`);
    await phone.context().close();
  }

  // 36 more from the same address, each a device of its own, posting the form as a browser does.
  const bulk = await Promise.all(
    Array.from({ length: 36 }, (_, i) => studentByForm(schoolAddress, code, `Pupil ${i + 1}`)),
  );
  expect(bulk.map((b) => b.status)).toEqual(Array.from({ length: 36 }, () => `200 ${CLAIMS} 302`));
  expect(bulk.every((b) => b.page.includes("Your answers are saved"))).toBe(true);
  expect(bulk.some((b) => b.page.includes("after the due time"))).toBe(false);

  // Before the due time, everyone is on time.
  await tess.goto(exerciseUrl);
  await expect(tess.getByRole("heading", { name: "Results: 39 students, 0 late" })).toBeVisible();
  await expect(
    tess.getByRole("table", { name: "Students" }).getByRole("row", { name: /Maya/ }),
  ).toContainText("On time");

  // The due time passes (the teacher moves it to an hour ago, so every answer so far came after it
  // too): the 40th student is told, still answers, and is marked late.
  await tess.getByText("Edit the title, instructions and due time").click();
  await tess.getByLabel("Due on").fill(parisTime(-1));
  await tess.getByRole("button", { name: "Save the title, instructions and due time" }).click();
  await expect(tess.getByRole("status")).toContainText("The title, instructions and due time were saved.");
  const lateForm = await tess.request.get(`/x/${code}`);
  expect(await lateForm.text()).toContain("The due time has passed: you can still send your answers");
  const late = await studentByForm(schoolAddress, code, "Latecomer");
  expect(late.status).toBe(`200 ${CLAIMS} 302`);
  expect(late.page).toContain("You sent these answers after the due time");

  await tess.reload();
  await expect(tess.getByRole("heading", { name: "Results: 40 students, 40 late" })).toBeVisible();
  const students = tess.getByRole("table", { name: "Students" });
  await expect(students.getByRole("row")).toHaveCount(41);
  await expect(students.getByRole("row", { name: /Latecomer/ })).toContainText("Late");
  await expectAccessible(tess, "the results of 40 students");
  await tess.screenshot({ path: `${SHOTS}/educator.png`, fullPage: true });
  await tess.setViewportSize({ width: 390, height: 844 });
  await tess.screenshot({ path: `${SHOTS}/educator-390.png` });
  const csv = await tess.request.get(`${exerciseUrl}/students.csv`);
  const rows = (await csv.text()).trim().split("\r\n");
  expect(rows).toHaveLength(41);
  expect(new Set(rows.slice(1).map((r) => r.split(",")[0])).size).toBe(40);

  // The co-teacher sees the class; the educator from elsewhere gets nothing of it.
  const cora = await personAt(browser, baseURL!);
  await signIn(cora, "cora@school20.test");
  await cora.goto("/exercises");
  await expect(cora.getByRole("row", { name: /Spot the spin/ })).toContainText(
    /Open · due \w+day, .*\(Europe\/Paris\)/,
  );
  await cora.getByRole("link", { name: "Spot the spin: Alibaba's chip" }).click();
  await expect(cora.getByRole("heading", { name: "Results: 40 students, 40 late" })).toBeVisible();
  await expect(cora.getByRole("table", { name: "Students" }).getByRole("row", { name: /Zoë/ })).toBeVisible();

  const otto = await personAt(browser, baseURL!);
  await signIn(otto, "otto@elsewhere20.test");
  await otto.goto("/exercises");
  await expect(otto.getByRole("link", { name: "Spot the spin: Alibaba's chip" })).toHaveCount(0);
  const path = new URL(exerciseUrl).pathname;
  for (const url of [path, `${path}/students.csv`, `${path}/results.csv`]) {
    const response = await otto.request.get(url);
    expect([403, 404], url).toContain(response.status());
    expect(await response.text(), url).not.toContain("Maya");
  }
  const close = await otto.request.post(path, {
    form: { intent: "close" },
    headers: { Origin: baseURL! },
    maxRedirects: 0,
  });
  expect([403, 404]).toContain(close.status());
  await tess.reload();
  await expect(tess.getByRole("region", { name: "Share with students" })).toContainText("Open for answers.");
});

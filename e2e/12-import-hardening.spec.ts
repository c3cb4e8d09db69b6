import { expect, test } from "@playwright/test";
import { createUser, failOnServerErrors, signIn } from "./helpers";

// A saved page just under the 2 MB upload limit: 190,000 nested <div>s. Readability on the
// request thread took minutes on it and held every other request meanwhile.
const DEPTH = 190_000;
const NESTED_DIVS = `<html><head><title>Nested</title></head><body>${"<div>".repeat(DEPTH)}<p>Acme sold 5 million chips in 2024.</p>${"</div>".repeat(DEPTH)}</body></html>`;

test.beforeAll(() => createUser("hardening@desk.test", "Hana Hardy", "editor"));

test("a page too complex to extract is refused with a clear message, and public pages answer while it is tried", async ({
  page,
  request,
}) => {
  failOnServerErrors(page);
  await signIn(page, "hardening@desk.test");
  await page.goto("/articles/new");
  await page
    .getByLabel("Or upload a .md or .txt file, or a saved .html page")
    .setInputFiles({ name: "nested.html", mimeType: "text/html", buffer: Buffer.from(NESTED_DIVS) });

  const events: string[] = [];
  const isUpload = (url: string, method: string) =>
    method === "POST" && new URL(url).pathname.startsWith("/articles/new");
  const sent = page.waitForRequest((r) => isUpload(r.url(), r.method()));
  const answered = page
    .waitForResponse((r) => isUpload(r.url(), r.request().method()))
    .then(() => events.push("upload answered"));
  await page.getByRole("button", { name: "Import and propose claims" }).click();
  await sent;
  for (let i = 0; i < 10; i++) {
    expect((await request.get("/methodology")).status()).toBe(200);
    events.push("public page answered");
  }
  await answered;
  expect(events).toEqual([...Array(10).fill("public page answered"), "upload answered"]);

  await expect(page.locator(".message--error")).toHaveText(
    "The article was not imported: the uploaded page could not be extracted.",
  );
  await expect(page.locator("#file-error")).toHaveText(
    "This page is too complex to extract within 10 seconds. Save it as text or markdown and import that instead.",
  );
  await expect(page.getByLabel("Or upload a .md or .txt file, or a saved .html page")).toBeVisible();
});

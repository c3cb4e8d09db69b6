import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { createUser, failOnServerErrors, signIn } from "./helpers";

let ORIGINAL = "";
let page_html = "";
let server: http.Server;
let origin = "";

test.beforeAll(async () => {
  createUser("web@desk.test", "Wen Webber", "editor");
  server = http.createServer((req, res) => {
    if (req.url === "/story")
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(page_html);
    else if (req.url === "/source")
      res
        .writeHead(200, { "Content-Type": "text/html" })
        .end(
          '<html><head><title>BIS rule text</title><meta property="og:site_name" content="Federal Register"><meta property="article:published_time" content="2025-10-14"></head><body><article><p>The rule adds 140 entities.</p></article></body></html>',
        );
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The page names itself (canonical URL) at this test server, as a live site would.
  ORIGINAL = readFileSync("fixtures/web/chip-export-rules.html", "utf8").replaceAll(
    "https://wire.example/tech/chip-export-rules",
    `${origin}/story`,
  );
  page_html = ORIGINAL;
});

test.afterAll(() => server.close());

test("an editor imports an article from its URL, fills evidence from a page, and re-imports a corrected version", async ({
  page,
}) => {
  failOnServerErrors(page);
  await signIn(page, "web@desk.test");
  await page.goto("/articles/new");
  await page.getByLabel("Web address of the article").fill(`${origin}/story`);
  await page.getByRole("button", { name: "Import and propose claims" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "US tightens export rules on AI chips to China",
  );
  await expect(page.locator(".page-head .meta")).toContainText("Example Wire · Sam Okafor · 2025-10-14");
  await expect(page.locator(".article-text")).not.toContainText("Subscribe");
  const articleUrl = page.url();
  const claims = page.locator(".claim-list .claim-item");
  expect(await claims.count()).toBeGreaterThanOrEqual(5);

  // Evidence details from the source page itself.
  await claims
    .filter({ hasText: "adding 140 companies" })
    .getByRole("link", { name: "Check this claim" })
    .click();
  await page.getByLabel("URL", { exact: true }).fill(`${origin}/source`);
  // A look-up saves nothing, so the page's data is not reloaded after it: a reload drew a new
  // form seed and re-keyed the form, dropping a stance chosen as the answer arrived (a CI flake).
  const reloads: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "GET" && r.url().includes(".data")) reloads.push(r.url());
  });
  await page.getByRole("button", { name: /Fill in title, publisher, date and archive link/ }).click();
  await expect(page.getByText("Filled in from the page.")).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveValue("BIS rule text");
  await expect(page.getByLabel("Publisher")).toHaveValue("Federal Register");
  await expect(page.getByLabel("Publication date")).toHaveValue("2025-10-14");
  await expect(page.getByLabel("Archive URL (optional)")).toHaveValue(
    `https://web.archive.org/web/${origin}/source`,
  );
  await page.locator("#new-stance").selectOption("context");
  await page.waitForLoadState("networkidle");
  expect(reloads).toEqual([]);
  await expect(page.locator("#new-stance")).toHaveValue("context");
  await page.getByRole("button", { name: "Add source" }).click();
  await expect(page.locator("#evidence")).toContainText("BIS rule text, Federal Register, 14 October 2025");

  // The outlet corrects a figure and cuts a sentence; re-importing re-anchors the claims.
  page_html = ORIGINAL.replace("adding 140 companies", "adding 104 companies").replace(
    "<p>Analysts at Harbor Securities estimate that Chinese buyers ordered more than 1 million H20 chips in the first half of 2025.</p>",
    "",
  );
  await page.goto(articleUrl);
  await page.getByRole("button", { name: "Re-import from the original URL" }).click();
  await expect(page.getByRole("status")).toContainText(
    /Text updated\. Claims: \d+ unchanged, 1 followed an edit, 1 lost their place/,
  );
  await expect(page.locator(".claim-list")).toContainText("adding 104 companies");
  const orphans = page.getByRole("region", { name: /Lost their place/ });
  await expect(orphans).toContainText("Analysts at Harbor Securities estimate");
  await expect(page.locator(".article-text")).not.toContainText("Harbor Securities");
});

test("a refused address says why and keeps the form", async ({ page }) => {
  await signIn(page, "web@desk.test");
  await page.goto("/articles/new");
  await page.getByLabel("Web address of the article").fill("http://169.254.169.254/latest/meta-data/");
  await page.getByLabel("Outlet").fill("Kept outlet");
  await page.getByRole("button", { name: "Import and propose claims" }).click();
  await expect(page.locator("#url-error")).toHaveText(
    "Refused to fetch 169.254.169.254: 169.254.169.254 is a cloud metadata address.",
  );
  await expect(page.getByLabel("Outlet")).toHaveValue("Kept outlet");
});

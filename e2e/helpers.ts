import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import {
  expect,
  test,
  type Browser,
  type BrowserContextOptions,
  type Locator,
  type Page,
} from "@playwright/test";
import type { Role } from "../app/auth/roles";
import { createTestDatabase, MISSING_POSTGRES } from "../app/db/testing.server";
import { E2E_DATABASE, postgresE2eUrl } from "../playwright.config";

/** Whether the running story belongs to the "postgres" project (playwright.config.ts). */
export const onPostgres = () => test.info().project.name === "postgres";

/**
 * The DATABASE_URL for one of the stories' databases, named by its SQLite file: that file, or in
 * the "postgres" project a PostgreSQL database named after it on the server `npm test` started.
 */
export function databaseUrl(database: string): string {
  if (!onPostgres()) return `file:./${database}`;
  return postgresE2eUrl(path.basename(database, ".db"));
}

export const PASSWORD = "a long test password";

/** Creates an account through the operations CLI (npm run user:create), on the e2e database. */
export function createUser(email: string, name: string, role: Role, database = E2E_DATABASE) {
  try {
    execFileSync(
      "npx",
      [
        "tsx",
        "scripts/user-create.ts",
        "--email",
        email,
        "--name",
        name,
        "--role",
        role,
        "--password",
        PASSWORD,
      ],
      {
        env: { ...process.env, DATABASE_URL: databaseUrl(database) },
        stdio: "pipe",
      },
    );
  } catch (error) {
    // A retried hook may meet the account it made the first time.
    if (!String((error as { stderr?: Buffer }).stderr).includes("already exists")) throw error;
  }
}

export async function signIn(page: Page, email: string) {
  await page.context().clearCookies();
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

/**
 * Clicks a form's submit button and waits for the server's answer to the POST it sends: for
 * forms whose result the next step cannot tell from the page (it looked the same before).
 */
export async function submitAndWaitForAnswer(page: Page, button: Locator) {
  await Promise.all([
    page.waitForResponse((response) => response.request().method() === "POST"),
    button.click(),
  ]);
}

/** The POST requests the page sends from now on, as they are sent: to tell a form that was not submitted. */
export function postsOf(page: Page): string[] {
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.url());
  });
  return posts;
}

/** No page of the story may fail with a server error. */
export function failOnServerErrors(page: Page) {
  page.on("response", (response) => {
    if (response.status() >= 500) throw new Error(`${response.status()} from ${response.url()}`);
  });
}

/** A JSON API call with a personal token; anything but a 2xx throws with the answer. */
export async function callApi(base: string, token: string, method: string, address: string, body?: unknown) {
  const response = await fetch(`${base}/api/v1${address}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`${method} ${address}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/**
 * Every claim of an article, in reading order, as an API client reads them: the article's first
 * page, then its `claimsNext` and each page's `next` (their path and query, on this server).
 */
export async function claimsOfArticle(base: string, token: string, articleId: number) {
  const article = await callApi(base, token, "GET", `/articles/${articleId}?limit=200`);
  const claims = [...article.claims];
  for (let next: string | null = article.claimsNext; next !== null;) {
    const { pathname, search } = new URL(next);
    const page = await callApi(base, token, "GET", pathname.replace(/^\/api\/v1/, "") + search);
    claims.push(...page.claims);
    next = page.next;
  }
  if (claims.length !== article.claimCount)
    throw new Error(`Article ${articleId}: claims changed while read.`);
  return claims;
}

/** A personal API token for an existing user, through the operations CLI (npm run token:create). */
export function createToken(email: string, database = E2E_DATABASE): string {
  return execFileSync("npx", ["tsx", "scripts/token-create.ts", "--email", email], {
    env: { ...process.env, DATABASE_URL: databaseUrl(database) },
    stdio: ["ignore", "pipe", "pipe"],
  })
    .toString()
    .trim();
}

/** axe finds no violation on the page as it is now. */
export async function expectAccessible(page: Page, label = page.url()) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${label}: ${v.id} (${v.nodes.length}) ${v.help}`)).toEqual([]);
}

/** A person in their own browser context, signed in when an e-mail is given. */
export async function personIn(
  browser: Browser,
  email?: string,
  options: Pick<BrowserContextOptions, "javaScriptEnabled" | "baseURL"> = {},
): Promise<Page> {
  const page = await (await browser.newContext(options)).newPage();
  failOnServerErrors(page);
  if (email) await signIn(page, email);
  return page;
}

export async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * Another server.js on a database of its own (made afresh unless `shared`, when it joins one
 * another server already uses), with NODE_ENV unset and the given settings. `output` is all it
 * has printed so far.
 */
export async function startOwnServer(
  database: string,
  env: Record<string, string>,
  { shared = false } = {},
): Promise<{ base: string; child: ChildProcess; output: () => string }> {
  const url = databaseUrl(database);
  if (!shared && onPostgres()) {
    const admin = process.env.CLAIMDESK_TEST_POSTGRES_URL;
    if (!admin) throw new Error(MISSING_POSTGRES);
    await createTestDatabase(admin, new URL(url).pathname.slice(1));
  } else if (!shared)
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${database}${suffix}`, { force: true });
  const port = await freePort();
  const { NODE_ENV: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, ["server.js"], {
    env: { ...inherited, PORT: String(port), DATABASE_URL: url, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk) => {
      output += chunk;
      if (output.includes("Claimdesk is running")) resolve();
    });
    child.stderr!.on("data", (chunk) => (output += chunk));
    child.on("exit", (code) => reject(new Error(`server.js exited with ${code}: ${output}`)));
  });
  return { base: `http://localhost:${port}`, child, output: () => output };
}

/**
 * Presses a form's button from the keyboard's place on it and waits for the server's answer:
 * focus must then be on the form's error message, whose text matches.
 */
export async function submitExpectingFocusOnMessage(page: Page, button: Locator, text: string | RegExp) {
  await button.focus();
  await submitAndWaitForAnswer(page, button);
  const focusedMessage = page.locator(".message--error:focus");
  await expect(focusedMessage).toHaveCount(1);
  await expect(focusedMessage).toHaveText(text);
}

/**
 * Waits until React runs the page (`data-hydrated` on <html>, set after every effect): before
 * that, a click on a radio or a form's button is the browser's alone, and React never hears of it.
 */
export async function waitForHydration(page: Page) {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

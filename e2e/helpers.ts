import { execFileSync } from "node:child_process";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Browser, type Locator, type Page } from "@playwright/test";
import type { Role } from "../app/auth/roles";
import { E2E_DATABASE } from "../playwright.config";

export const PASSWORD = "a long test password";

/** Creates an account through the operations CLI (npm run user:create), on the e2e database. */
export function createUser(email: string, name: string, role: Role) {
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
        env: { ...process.env, DATABASE_URL: `file:./${E2E_DATABASE}` },
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

/** No page of the story may fail with a server error. */
export function failOnServerErrors(page: Page) {
  page.on("response", (response) => {
    if (response.status() >= 500) throw new Error(`${response.status()} from ${response.url()}`);
  });
}

/** A personal API token for an existing user, through the operations CLI (npm run token:create). */
export function createToken(email: string): string {
  return execFileSync("npx", ["tsx", "scripts/token-create.ts", "--email", email], {
    env: { ...process.env, DATABASE_URL: `file:./${E2E_DATABASE}` },
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
  options: { javaScriptEnabled?: boolean } = {},
): Promise<Page> {
  const page = await (await browser.newContext(options)).newPage();
  failOnServerErrors(page);
  if (email) await signIn(page, email);
  return page;
}

import { execFileSync } from "node:child_process";
import http from "node:http";
import net from "node:net";
import { expect, test } from "@playwright/test";
import { PORT } from "../playwright.config";
import { createUser, PASSWORD, startOwnServer } from "./helpers";

// Request-level checks against the built server (server.js). Stories that lock out an address
// or need other settings run on a second server of their own, so the shared one is unaffected.

const MAIN = `http://localhost:${PORT}`;

/** A request sent byte for byte: fetch and Playwright would resolve `..` in the path first. */
function rawRequest(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body = "",
): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        hostname,
        port,
        method,
        path,
        headers: { ...headers, "Content-Length": String(Buffer.byteLength(body)) },
      },
      (res) => {
        let text = "";
        res.on("data", (chunk) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** A request line and headers written to the socket as they are: clients would fix them first. */
function rawSocket(base: string, head: string): Promise<{ status: number; text: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    let text = "";
    const socket = net.connect(Number(port), hostname, () => socket.end(`${head}\r\n\r\n`));
    socket.setEncoding("utf8").on("data", (chunk) => (text += chunk));
    socket.on("end", () => resolve({ status: Number(/^HTTP\/1\.\d (\d{3})/.exec(text)?.[1] ?? 0), text }));
    socket.on("error", reject);
  });
}

function postLogin(base: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    body: new URLSearchParams(fields),
    headers: { Origin: base, ...headers },
  });
}

async function sessionCookie(base: string, email: string): Promise<string> {
  const response = await postLogin(base, { email, password: PASSWORD });
  expect(response.status, `signing in ${email}`).toBe(302);
  return response.headers.get("set-cookie")!.split(";")[0]!;
}

test.describe("on the shared server", () => {
  // Accounts first: the CLI takes seconds, longer than a kept-alive connection stays open.
  test.beforeAll(() => {
    createUser("hardening-admin@desk.test", "Hardening Admin", "admin");
    createUser("hardening-plain@desk.test", "Plain", "viewer");
  });

  test("the Origin check is decided on the path the router sees: /api/../settings is a page", async () => {
    const cookie = await sessionCookie(MAIN, "hardening-admin@desk.test");
    const body = new URLSearchParams({ intent: "create-token", name: "Smuggled token" }).toString();
    const form = { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" };
    for (const path of [
      "/api/../settings",
      "/api/%2e%2e/settings",
      "/api/v1/../../settings",
      "/api/v1/%2E%2E/%2e%2e/settings",
    ]) {
      const answer = await rawRequest(MAIN, "POST", path, form, body);
      expect(answer.status, path).toBe(403);
      expect(answer.body, path).toContain("sent from another site");
      // A bearer token does not exempt a request that the router gives to a page.
      expect(
        (await rawRequest(MAIN, "POST", path, { ...form, Authorization: "Bearer cdk_whatever" }, body))
          .status,
        path,
      ).toBe(403);
    }
    const settings = await (await fetch(`${MAIN}/settings`, { headers: { Cookie: cookie } })).text();
    expect(settings).not.toContain("Smuggled token");
    // The API itself still answers its clients: without a token, 401 in JSON.
    const api = await rawRequest(
      MAIN,
      "POST",
      "/api/v1/articles",
      { "Content-Type": "application/json" },
      "{}",
    );
    expect(api.status).toBe(401);
    expect(JSON.parse(api.body).error).toMatch(/Bearer/);
  });

  test("a method no route answers is a 405, with or without an Origin, never a 500", async () => {
    const withAndWithoutOrigin: Array<Record<string, string>> = [{ Origin: MAIN }, {}];
    for (const method of ["TRACE", "PROPFIND", "MKCOL"])
      for (const path of ["/login", "/", "/fact-checks", "/api/v1/articles"])
        for (const headers of withAndWithoutOrigin) {
          const answer = await rawRequest(MAIN, method, path, headers);
          const label = `${method} ${path} ${JSON.stringify(headers)}`;
          expect(answer.status, label).toBe(405);
          expect(answer.body, label).toContain(`Claimdesk does not answer ${method} requests.`);
        }
  });

  test("after sign-in, next never leads to another site and never fails", async () => {
    const cookie = await sessionCookie(MAIN, "hardening-admin@desk.test");
    const hostile = [
      "/\t/127.0.0.1:3190/landing",
      "/\n/127.0.0.1:3190/landing",
      "//evil.example",
      "/\\evil.example",
      "https://evil.example",
      "/%2F%2Fevil.example",
      "/.//evil.example",
    ];
    for (const next of hostile) {
      const response = await fetch(`${MAIN}/login?next=${encodeURIComponent(next)}`, {
        headers: { Cookie: cookie },
        redirect: "manual",
      });
      expect(response.status, JSON.stringify(next)).toBe(302);
      const location = response.headers.get("location")!;
      expect(new URL(location, MAIN).origin, JSON.stringify(next)).toBe(MAIN);
    }
    const kept = await fetch(`${MAIN}/login?next=${encodeURIComponent("/desk?status=open")}`, {
      headers: { Cookie: cookie },
      redirect: "manual",
    });
    expect(kept.headers.get("location")).toBe("/desk?status=open");
  });

  test("without the proxy setting, a forwarded protocol is not believed", async () => {
    const response = await postLogin(
      MAIN,
      { email: "hardening-plain@desk.test", password: PASSWORD },
      { "X-Forwarded-Proto": "https" },
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("set-cookie")).not.toMatch(/;\s*Secure/i);
  });

  test("an e-mail over 254 characters is refused with 400 before any work", async () => {
    const response = await postLogin(MAIN, {
      email: `${"x".repeat(10_000)}@desk.test`,
      password: "whatever",
    });
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain("at most 254 characters");
    expect(page.length).toBeLessThan(200_000);
  });

  test("a sign-in body larger than a sign-in form needs is refused with 413 before it is parsed", async () => {
    // 400,000 tiny fields took seconds of the request thread to parse, for everyone.
    const fields = Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`f${i}`, "x"]));
    const response = await postLogin(MAIN, { email: "a@desk.test", password: "whatever", ...fields });
    expect(response.status).toBe(413);
    expect(await response.text()).toBe(
      "That form is too large (over 16 KB for this page). Nothing was saved.",
    );
  });
});

test.describe("on a server of its own (NODE_ENV unset, behind a trusted proxy)", () => {
  const DATABASE = "data/e2e-11-own.db";
  let own: Awaited<ReturnType<typeof startOwnServer>>;

  test.beforeAll(async () => {
    own = await startOwnServer(DATABASE, { CLAIMDESK_TRUST_PROXY: "1", CLAIMDESK_SEED: "off" });
    for (const name of ["burst", "secure", "owner"]) {
      execFileSync(
        "npx",
        [
          "tsx",
          "scripts/user-create.ts",
          "--email",
          `${name}@own.test`,
          "--name",
          name,
          "--role",
          "editor",
          "--password",
          PASSWORD,
        ],
        {
          env: { ...process.env, DATABASE_URL: `file:./${DATABASE}` },
          stdio: "pipe",
        },
      );
    }
  });

  test.afterAll(() => {
    own?.child.kill();
  });

  test("malformed addresses get Claimdesk's own 400, never a stack trace", async () => {
    for (const path of [
      "/api/v1/publications/%E0%A4%A",
      "/fact-checks/%E0%A4%A",
      "/x/%E0%A4%A",
      "/%E0%A4%A",
      "/assets/%E0%A4%A",
    ]) {
      const response = await fetch(`${own.base}${path}`);
      const body = await response.text();
      expect(response.status, path).toBe(400);
      expect(body, path).toContain("malformed");
      expect(body, path).not.toMatch(/<html|<pre|URIError|node_modules|\/work\/|\bat \w/);
    }
    // Hosts and request targets a browser never sends: 400 with a sentence, nothing in the log.
    const logged = own.output().length;
    for (const head of [
      "GET /methodology HTTP/1.1\r\nHost: a b",
      "GET /methodology HTTP/1.1\r\nHost: [",
      "GET /methodology HTTP/1.1\r\nHost: localhost:99999",
      "GET /methodology HTTP/1.1\r\nHost: %zz",
      "GET /methodology HTTP/1.1\r\nHost: 999.1.1.1",
      "GET /methodology HTTP/1.0",
      `GET ${own.base}/settings HTTP/1.1\r\nHost: ${new URL(own.base).host}`,
      // This server trusts its proxy: what the proxy forwards is checked too.
      `GET /methodology HTTP/1.1\r\nHost: ${new URL(own.base).host}\r\nX-Forwarded-Host: a b`,
      `GET /methodology HTTP/1.1\r\nHost: ${new URL(own.base).host}\r\nX-Forwarded-Proto: a b`,
    ]) {
      const answer = await rawSocket(own.base, `${head}\r\nConnection: close`);
      expect(answer.status, head).toBe(400);
      expect(answer.text, head).toMatch(/no valid Host header|not a path|X-Forwarded-Proto/);
    }
    expect(own.output().slice(logged)).not.toMatch(/TypeError|Invalid URL|\bat \w/);
    const fine = await rawSocket(
      own.base,
      `GET /methodology HTTP/1.1\r\nHost: ${new URL(own.base).host}\r\nConnection: close`,
    );
    expect(fine.status).toBe(200);
  });

  test("40 parallel wrong passwords are all counted, and the right one in the middle is refused", async () => {
    const attempts = Array.from({ length: 41 }, (_, i) =>
      postLogin(own.base, { email: "burst@own.test", password: i === 20 ? PASSWORD : `wrong ${i}` }),
    );
    const statuses = (await Promise.all(attempts)).map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses[20]).toBe(429);
    expect(statuses.filter((s) => s === 302)).toHaveLength(0);
  });

  test("a stranger's failures pause the stranger's address, not the owner's", async () => {
    const stranger = { "X-Forwarded-For": "203.0.113.9" };
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push(
        (await postLogin(own.base, { email: "owner@own.test", password: `guess ${i}` }, stranger)).status,
      );
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const refused = await postLogin(own.base, { email: "owner@own.test", password: PASSWORD }, stranger);
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain("Too many failed sign-ins from your address.");
    // The owner, from their own address, signs in with the right password.
    const owner = { "X-Forwarded-For": "198.51.100.9" };
    expect((await postLogin(own.base, { email: "owner@own.test", password: PASSWORD }, owner)).status).toBe(
      302,
    );
    // So does the burst's victim: the burst above came from the proxy's own address.
    expect((await postLogin(own.base, { email: "burst@own.test", password: PASSWORD }, owner)).status).toBe(
      302,
    );
  });

  test("behind the trusted proxy, the session cookie is Secure when the proxy says https", async () => {
    // Each sign-in comes from its own forwarded address: the burst above paused only its own.
    // A browser on the TLS side names the https origin; the proxy forwards it as it is.
    const browserOrigin = own.base.replace(/^http:/, "https:");
    const secure = await postLogin(
      own.base,
      { email: "secure@own.test", password: PASSWORD },
      { Origin: browserOrigin, "X-Forwarded-Proto": "https", "X-Forwarded-For": "198.51.100.7" },
    );
    expect(secure.status).toBe(302);
    expect(secure.headers.get("set-cookie")).toMatch(/;\s*Secure/i);
    const plain = await postLogin(
      own.base,
      { email: "secure@own.test", password: PASSWORD },
      { "X-Forwarded-Proto": "http", "X-Forwarded-For": "198.51.100.8" },
    );
    expect(plain.status).toBe(302);
    expect(plain.headers.get("set-cookie")).not.toMatch(/;\s*Secure/i);
  });

  test("guessing exercise codes at /x/CODE is limited like /x?code=", async () => {
    const statuses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        fetch(
          `${own.base}/x/ABCDE${String(23456 + i)
            .slice(-5)
            .replace(/[01]/g, "7")}`,
        ).then((r) => r.status),
      ),
    );
    expect(statuses.filter((s) => s === 404)).toHaveLength(30);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10);
  });
});

import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import fc from "fast-check";
import { createUser, PASSWORD } from "./helpers";
import { PORT } from "../playwright.config";

// No input may produce a 5xx. Every form action (the route modules with an action, from
// app/routes.ts, with the intents and fields their source names) and every API operation (the
// operation table in app/api/v1.server.ts) gets generated bodies — missing fields, wrong types,
// huge strings, unusual unicode, negative and huge ids, unknown intents, malformed bodies and
// wrong content types — from anonymous visitors and each role, against the built server.

const BASE = `http://localhost:${PORT}`;
const ROLES = ["viewer", "educator", "editor", "reviewer", "admin"] as const;
type Who = "anonymous" | (typeof ROLES)[number];
const WHO: Who[] = ["anonymous", ...ROLES];
const RUNS_PER_TARGET = Number(process.env.FUZZ_RUNS ?? 25);

const unique = (values: Iterable<string>) => [...new Set(values)].sort();
const matches = (source: string, pattern: RegExp) => unique([...source.matchAll(pattern)].map((m) => m[1]!));

interface FormTarget {
  path: string;
  intents: string[];
  fields: string[];
}

/**
 * A route module's source with the components it renders: the app's own .tsx modules it imports,
 * and theirs, so a form moved out of the route still lends its field names to the route's target.
 */
function withComponents(file: string, seen = new Set<string>()): string {
  if (seen.has(file)) return "";
  seen.add(file);
  const source = readFileSync(file, "utf8");
  const components = [...source.matchAll(/from "(\.{1,2}\/[^"]+)"/g)]
    .map((m) => join(dirname(file), `${m[1]!}.tsx`))
    .filter((component) => !component.includes(".server") && existsSync(component));
  return [source, ...components.map((component) => withComponents(component, seen))].join("\n");
}

/** The routes whose module exports an action; ending sessions and sign-in come last so the others keep theirs. */
function formTargets(): FormTarget[] {
  const routes = readFileSync("app/routes.ts", "utf8");
  const entries = [
    ...[...routes.matchAll(/index\("([^"]+)"\)/g)].map((m) => ({ path: "/", file: m[1]! })),
    ...[...routes.matchAll(/route\("([^"]*)",\s*"([^"]+)"/g)].map((m) => ({ path: `/${m[1]}`, file: m[2]! })),
  ];
  const last = ["/settings", "/settings/users", "/logout", "/login", "/setup", "/invite/:token"];
  return entries
    .filter(({ path }) => !path.includes("*"))
    .map(({ path, file }) => ({ path, source: withComponents(`app/${file}`) }))
    .filter(({ source }) => /export async function action\b/.test(source))
    .map(({ path, source }) => ({
      path,
      intents: matches(source, /(?:case |intent === )"([\w-]+)"/g),
      fields: unique([
        ...matches(source, /values\.(\w+)/g),
        ...matches(source, /name="(\w+)"/g),
        ...matches(source, /getAll\("(\w+)"\)/g),
      ]),
    }))
    .sort((a, b) => last.indexOf(a.path) - last.indexOf(b.path));
}

interface ApiTarget {
  method: string;
  template: string;
}

function apiTargets(): ApiTarget[] {
  const source = readFileSync("app/api/v1.server.ts", "utf8");
  return [...source.matchAll(/method: "(\w+)",\s*path: \/\^(.+?)\$\//g)].map((m) => ({
    method: m[1]!,
    template: m[2]!.replace(/\\\//g, "/").replace(/\(\[\^\/\]\+\)/g, ":id"),
  }));
}

const apiFields = matches(readFileSync("app/api/schemas.ts", "utf8"), /^\s+(\w+): z\./gm);

// Values of every troublesome kind.
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const oddCharacters = fc.constantFrom(
  "\u0000",
  "\uFFFE",
  "\uFFFF",
  "\u202E",
  "\u00A0",
  "e\u0301",
  "🧪",
  "\r\n",
  "<script>",
  "' OR 1=1 --",
  "%E0%A4%A",
  "../../etc/passwd",
);
const number = fc.oneof(
  fc.integer().map(String),
  fc.constantFrom(
    "-1",
    "0",
    "1",
    "2",
    "999",
    "1e309",
    "NaN",
    "Infinity",
    "99999999999999999999",
    "1.5",
    " ",
    "0x10",
    "",
  ),
);
const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc
    .array(fc.oneof(loneSurrogate, oddCharacters, fc.string({ maxLength: 3 })), { maxLength: 12 })
    .map((parts) => parts.join("")),
  number,
  fc.constantFrom(
    "x".repeat(100_000),
    "https://example.org/a",
    "javascript:alert(1)",
    "2025-02-30",
    "accurate",
    "supports",
    "needs-review",
    "admin",
    "superadmin",
  ),
);
const pathPiece = fc.oneof(
  number,
  fc.constantFrom(
    "alibaba-ai-chip",
    "abc",
    "%E0%A4%A",
    "%00",
    "..",
    "x".repeat(3000),
    "json",
    "md",
    "1.data",
  ),
);

type Body =
  | { kind: "form" | "multipart" | "json"; values: Record<string, string> }
  | { kind: "raw"; contentType: string; raw: string };

const formBody = (fields: string[], intents: string[]): fc.Arbitrary<Body> =>
  fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({
        kind: fc.constantFrom("form" as const, "multipart" as const, "json" as const),
        values: fc
          .tuple(
            fc.option(fc.constantFrom(...intents, "no-such-intent", ""), { nil: undefined }),
            fc.dictionary(fc.constantFrom(...fields, "version", "id", "junk"), text, { maxKeys: 8 }),
          )
          .map(([intent, values]) => (intent === undefined ? values : { ...values, intent })),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant("raw" as const),
        contentType: fc.constantFrom(
          "application/x-www-form-urlencoded",
          "multipart/form-data",
          "multipart/form-data; boundary=x",
          "application/json",
          "text/plain",
          "application/octet-stream",
          "",
        ),
        raw: fc.oneof(
          fc.string({ unit: "binary", maxLength: 200 }),
          fc.constantFrom(
            "%E0%A4%A=1&&=&intent=%ZZ",
            "{",
            '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n',
            "\u0000\u0001",
            "a=" + "%".repeat(1000),
          ),
        ),
      }),
    },
  );

const apiBody: fc.Arbitrary<Body> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("json" as const),
      values: fc.dictionary(
        fc.constantFrom(...apiFields, "junk"),
        fc.oneof(text, fc.jsonValue() as fc.Arbitrary<never>),
        { maxKeys: 8 },
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("raw" as const),
      contentType: fc.constantFrom("application/json", "text/plain", "application/x-www-form-urlencoded", ""),
      raw: fc.oneof(
        fc.json(),
        fc.string({ unit: "binary", maxLength: 200 }),
        fc.constantFrom(
          "{",
          "[]",
          "null",
          "1",
          '"x"',
          '{"version": 1e999}',
          "[".repeat(5000) + "]".repeat(5000),
        ),
      ),
    }),
  },
);

function options(method: string, body: Body, headers: Record<string, string>) {
  const base = { method, maxRedirects: 0, failOnStatusCode: false, headers: { ...headers } };
  switch (body.kind) {
    case "form":
      return { ...base, form: body.values };
    case "multipart":
      return { ...base, multipart: body.values };
    case "json":
      return {
        ...base,
        data: JSON.stringify(body.values),
        headers: { ...base.headers, "Content-Type": "application/json" },
      };
    case "raw":
      return {
        ...base,
        data: body.raw,
        headers: body.contentType ? { ...base.headers, "Content-Type": body.contentType } : base.headers,
      };
  }
}

const clients = new Map<Who, APIRequestContext>();
const tokens = new Map<Who, string>();

test.beforeAll(async () => {
  for (const who of WHO) {
    const context = await playwrightRequest.newContext({ baseURL: BASE, extraHTTPHeaders: { Origin: BASE } });
    if (who !== "anonymous") {
      const email = `${who}@fuzz.test`;
      createUser(email, `Fuzz ${who}`, who);
      const signedIn = await context.post("/login", {
        form: { email, password: PASSWORD, next: "/" },
        maxRedirects: 0,
      });
      expect(signedIn.status(), `sign-in of ${who}`).toBe(302);
      const made = await context.post("/settings", { form: { intent: "create-token", name: "fuzz" } });
      tokens.set(who, /data-testid="new-token">([^<]+)</.exec(await made.text())![1]!);
    }
    clients.set(who, context);
  }
  // A real exercise, so its actions also meet an existing row.
  await clients.get("educator")!.post("/exercises/new", {
    form: { slug: "alibaba-ai-chip", title: "Fuzz exercise", instructions: "", mode: "article" },
    maxRedirects: 0,
  });
});

test.afterAll(async () => {
  for (const context of clients.values()) await context.dispose();
});

/**
 * The server may answer before reading a body it refuses, and close the connection: not an error if it is
 * still up. The probe opens a connection of its own: a pooled one may be the very socket just closed.
 */
async function send(context: APIRequestContext, url: string, init: ReturnType<typeof options>) {
  try {
    return await context.fetch(url, init);
  } catch (error) {
    if (!/ECONNRESET|EPIPE|socket hang up/.test(String(error))) throw error;
    const probe = await playwrightRequest.newContext({ baseURL: BASE });
    try {
      const alive = await probe.get("/methodology");
      expect(alive.status(), `the server is still up after ${init.method} ${url}`).toBe(200);
    } finally {
      await probe.dispose();
    }
    return null;
  }
}

async function expectNoServerError(
  context: APIRequestContext,
  url: string,
  init: ReturnType<typeof options>,
  what: string,
) {
  const response = await send(context, url, init);
  if (!response) return;
  if (response.status() >= 500) {
    const shown = JSON.stringify(
      "form" in init ? init.form : "multipart" in init ? init.multipart : init.data,
    )?.slice(0, 400);
    const type =
      (init.headers as Record<string, string>)["Content-Type"] ??
      ("multipart" in init
        ? "multipart/form-data"
        : "form" in init
          ? "application/x-www-form-urlencoded"
          : "none");
    throw new Error(
      `${response.status()} from ${init.method} ${url} as ${what}\nContent-Type: ${type}\nbody: ${shown}\n${(await response.text()).slice(0, 400)}`,
    );
  }
}

const fill = (template: string, pieces: string[]) => {
  let i = 0;
  return template.replace(/:\w+/g, () => pieces[i++] ?? "1");
};

test.describe.configure({ timeout: 180_000 });

/** Runs every target's property, collecting each one's shrunk counterexample, so one run shows them all. */
async function failuresOf(checks: Array<() => Promise<void>>): Promise<string[]> {
  const failures: string[] = [];
  for (const check of checks) {
    await check().catch((error: Error) =>
      failures.push(String((error.cause as Error | undefined)?.message ?? error.message)),
    );
  }
  return failures;
}

test("every API operation answers generated bodies without a server error", async () => {
  const targets = apiTargets();
  expect(targets.length).toBeGreaterThanOrEqual(16);
  const failures = await failuresOf(
    targets.map(
      (target) => () =>
        fc.assert(
          fc.asyncProperty(
            fc.constantFrom(...WHO),
            fc.array(pathPiece, { minLength: 1, maxLength: 1 }),
            fc.constantFrom(target.method, target.method, "PUT", "DELETE"),
            apiBody,
            async (who, pieces, method, body) => {
              const token = tokens.get(who);
              const url = `/api/v1${fill(target.template, pieces)}`;
              const sendsBody = method !== "GET";
              const init = sendsBody
                ? options(method, body, token ? { Authorization: `Bearer ${token}` } : {})
                : {
                    method,
                    maxRedirects: 0,
                    failOnStatusCode: false,
                    headers: token ? { Authorization: `Bearer ${token}` } : {},
                  };
              await expectNoServerError(
                clients.get("anonymous")!,
                url,
                init as ReturnType<typeof options>,
                who,
              );
            },
          ),
          { numRuns: RUNS_PER_TARGET },
        ),
    ),
  );
  expect(failures).toEqual([]);
});

// Last: it signs people out and exhausts the sign-in limit.
test("every form action answers generated bodies without a server error", async () => {
  const targets = formTargets();
  expect(targets.map((t) => t.path)).toEqual(
    expect.arrayContaining(["/articles/:id/claims/:claimId", "/exercises/:id", "/settings/users"]),
  );
  const failures = await failuresOf(
    targets.map(
      (target) => () =>
        fc.assert(
          fc.asyncProperty(
            fc.constantFrom(...WHO),
            fc.array(pathPiece, { minLength: 2, maxLength: 2 }),
            fc.boolean(),
            formBody(target.fields, target.intents),
            async (who, pieces, asData, body) => {
              const url = fill(target.path, pieces) + (asData ? ".data" : "");
              await expectNoServerError(clients.get(who)!, url, options("POST", body, {}), who);
            },
          ),
          {
            numRuns: RUNS_PER_TARGET,
            examples:
              target.path === "/exercises/:id"
                ? [["educator", ["999", "1"], false, { kind: "form", values: { intent: "close" } }]]
                : [],
          },
        ),
    ),
  );
  expect(failures).toEqual([]);
});

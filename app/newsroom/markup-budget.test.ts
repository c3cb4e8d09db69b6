import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../db/testing.server";
import { apiHandler } from "../api/testing.server";
import { routeArgs } from "../routes/testing.server";
import { createParser, DEFAULT_PARSER_LIMITS, parser } from "../importing/parser.server";
import { UserError } from "../utils/errors";
import { extractClaims } from "./extraction.server";

// Markdown that is valid but slow for markdown-it to read ("![" over and over) is refused where
// an article's text is read, in the parsing worker, before every later view pays for it; ordinary
// prose of the full 2 MB is not. Through the API and the import form, on a real database.
await useFreshDatabase();
const handleApi = await apiHandler();
const { createUser } = await import("../auth/users.server");
const { createApiToken } = await import("../auth/tokens.server");
const { startSession } = await import("../auth/session.server");
const { db } = await import("../db/client.server");
const importPage = await import("../routes/articles.new");

/**
 * 500 kB of "![": about 2 s of markdown-it in a worker here (1.6 s for 400 kB, 6.2 s for the
 * probe's 1.8 MB), twice the markup budget of 1 s and a fifth of the worker's 10 s: refused for
 * its markup, not for running out of time.
 */
const SLOW = `One sentence. ${"![".repeat(250_000)}`;
/** Ordinary prose, 2 MB less a little: what the size limit lets in must pass. */
const PROSE = "Acme shipped 5 million chips in 2024, up from 3 million the year before, the company said.\n\n"
  .repeat(22_000)
  .slice(0, 2 * 1024 * 1024 - 1_000);
const REFUSED =
  /^This text's formatting takes longer than 1 second to read, .* split the article in parts; nothing was saved\.$/;

let token = "";
let cookie = "";
const tiny = createParser({ ...DEFAULT_PARSER_LIMITS, markupBudgetMs: 50 });
afterAll(() => tiny.close());

async function call(method: string, path: string, body: unknown) {
  const response = await handleApi(
    new Request(`http://localhost/api/v1${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    }),
  );
  return { status: response.status, json: (await response.json()) as Record<string, any> };
}

beforeAll(async () => {
  const editor = await createUser({
    email: "ed@markup.test",
    name: "Ed",
    role: "editor",
    password: "a long password",
  });
  token = (await createApiToken(editor.id, "test")).token;
  cookie = (await startSession(editor.id, new Request("http://localhost/"))).split(";")[0]!;
});

describe("markdown past the markup budget", () => {
  it("is refused with 422 by the worker, the budget a parser's limit", async () => {
    expect(parser.limits.markupBudgetMs).toBe(1_000);
    const small = `One sentence. ${"![".repeat(20_000)}`;
    const failure = await extractClaims(small, tiny).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UserError);
    expect((failure as UserError).status).toBe(422);
    expect((failure as UserError).message).toMatch(
      /^This text's formatting takes longer than 0.05 seconds to read/,
    );
    // The same text under the default budget, and ordinary text under the small one, pass.
    await expect(extractClaims(small)).resolves.toMatchObject({ projection: { text: expect.any(String) } });
    await expect(extractClaims("Acme shipped 5 million chips in 2024.", tiny)).resolves.toMatchObject({
      claims: [expect.anything()],
    });
  });

  it("is refused when imported or revised through the API, and nothing is stored", async () => {
    const refused = await call("POST", "/articles", { title: "Slow", markdown: SLOW });
    expect(refused.status).toBe(422);
    expect(refused.json.error).toMatch(REFUSED);
    expect(await db().article.count({ where: { title: "Slow" } })).toBe(0);

    const prose = await call("POST", "/articles", { title: "Prose", markdown: PROSE });
    expect(prose.status).toBe(201);
    const id = prose.json.article?.id ?? prose.json.id;
    const before = await db().article.findUniqueOrThrow({ where: { id } });
    expect(before.markdown).toBe(PROSE);

    const revised = await call("PATCH", `/articles/${id}`, { markdown: SLOW, version: before.version });
    expect(revised.status).toBe(422);
    expect(revised.json.error).toMatch(REFUSED);
    const after = await db().article.findUniqueOrThrow({ where: { id } });
    expect({ version: after.version, markdown: after.markdown }).toEqual({
      version: before.version,
      markdown: PROSE,
    });
  });

  it("is refused by the import form, which keeps everything typed in it", async () => {
    const typed = { title: "Slow form", outlet: "Wire", author: "Ann", format: "markdown", source: SLOW };
    const response = await importPage.action(
      routeArgs(
        new Request("http://localhost/articles/new", {
          method: "POST",
          headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams(typed),
        }),
      ),
    );
    const { data, init } = response as unknown as {
      data: { error: string; values: Record<string, string> };
      init: { status: number };
    };
    expect(init.status).toBe(422);
    expect(data.error).toMatch(REFUSED);
    expect(data.values).toMatchObject(typed);
    expect(await db().article.count({ where: { title: "Slow form" } })).toBe(0);
  });
});

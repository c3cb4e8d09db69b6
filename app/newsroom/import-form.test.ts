import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { useFreshDatabase } from "../db/testing.server";
import type { CurrentUser } from "../auth/session.server";

// The import page's action on a real SQLite file: what a person pastes or uploads.
await useFreshDatabase();
const { db } = await import("../db/client.server");
const { createUser } = await import("../auth/users.server");
const { importFromForm } = await import("./import-form.server");
const { createParser, DEFAULT_PARSER_LIMITS, parser } = await import("../importing/parser.server");

const PAGE = readFileSync("fixtures/web/chip-export-rules.html", "utf8");
let editor: CurrentUser;

beforeAll(async () => {
  const user = await createUser({
    email: "ed@form.test",
    name: "Edith",
    role: "editor",
    password: "a long password",
  });
  editor = { ...user, role: "editor" };
});

describe("pasting a web page's HTML into the Markdown box", () => {
  it("imports it as the upload of a saved page would be, and says so", async () => {
    const pasted = await importFromForm({ source: PAGE, format: "markdown", title: "" }, null, editor);
    const uploaded = await importFromForm({}, new File([PAGE], "saved.html"), editor);
    expect(pasted.importedAs).toBe("html");
    expect(uploaded.importedAs).toBeNull();
    const read = (id: number) => db().article.findUniqueOrThrow({ where: { id } });
    const fromPaste = await read(pasted.article.id);
    const fromFile = await read(uploaded.article.id);
    expect(fromPaste.title).toBe("US tightens export rules on AI chips to China");
    expect(fromPaste.author).toBe("Sam Okafor");
    expect(fromPaste.markdown).toBe(fromFile.markdown);
    expect(fromPaste.markdown).not.toMatch(/<title>|<p>|<!doctype/i);
    const quotes = await db().claim.findMany({ where: { articleId: fromPaste.id }, select: { quote: true } });
    expect(quotes.some((c) => /[<>]/.test(c.quote))).toBe(false);
  });

  it("leaves Markdown with a tag or two as Markdown", async () => {
    const { article, importedAs } = await importFromForm(
      {
        source: "# Acme\n\nAcme sold 5 million chips in 2024.<br>Rival sold 2 million.",
        format: "markdown",
        title: "Acme",
      },
      null,
      editor,
    );
    expect(importedAs).toBeNull();
    expect((await db().article.findUniqueOrThrow({ where: { id: article.id } })).markdown).toContain("<br>");
  });
});

describe("while every parsing worker is busy", () => {
  it("refuses a pasted or uploaded page with the 429 an article's text gets, not as a page without an article", async () => {
    // A parser whose workers are all taken and whose queue is full: it refuses every job at once.
    const full = createParser({ ...DEFAULT_PARSER_LIMITS, concurrency: 0, maxWaiting: 0 });
    const spy = vi.spyOn(parser, "page").mockImplementation(full.page);
    try {
      for (const [values, file] of [
        [{ source: PAGE, format: "markdown", title: "" }, null],
        [{}, new File([PAGE], "saved.html")],
      ] as const) {
        await expect(importFromForm(values, file, editor)).rejects.toMatchObject({
          status: 429,
          retryAfterSeconds: 60,
          message:
            "Too many articles or pages are being read at once; try again in a minute. Nothing was saved.",
        });
      }
    } finally {
      spy.mockRestore();
    }
  });
});

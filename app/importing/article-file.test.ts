import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { articleFileKind, FileRefused, readArticleFile } from "./article-file.server";
import { MAX_ARTICLE_BYTES } from "./limits";

const PAGE = readFileSync("fixtures/web/chip-export-rules.html", "utf8");
const file = (content: BlobPart, name: string) => new File([content], name);
const refusal = (work: Promise<unknown>) => work.then(() => null).catch((error: unknown) => error);

describe("reading an article file (uploads, npm run import, npm run extract)", () => {
  it("tells a saved page, markdown and plain text apart by name", () => {
    expect(["a.html", "a.HTM", "a.md", "a.markdown", "a.txt", "a.pdf", "a"].map(articleFileKind)).toEqual([
      "html",
      "html",
      "markdown",
      "markdown",
      "text",
      null,
      null,
    ]);
  });

  it("reads markdown and plain text as they are", async () => {
    expect(await readArticleFile(file("# Title\n\nAcme rose **12%**.", "a.md"))).toEqual({
      source: "# Title\n\nAcme rose **12%**.",
      format: "markdown",
    });
    expect(await readArticleFile(file("Acme rose **12%**.", "a.txt"))).toEqual({
      source: "Acme rose **12%**.",
      format: "text",
    });
  });

  it("extracts a saved page's article and metadata, as a fetched page's", async () => {
    const { source, format, page } = await readArticleFile(file(PAGE, "saved.html"));
    expect(format).toBe("markdown");
    expect(page).toMatchObject({
      title: "US tightens export rules on AI chips to China",
      author: "Sam Okafor",
    });
    expect(source).toBe(page!.markdown);
    expect(source).toContain("## Industry reaction");
  });

  it("refuses other names unless told how to read them", async () => {
    const error = await refusal(readArticleFile(file("Acme rose.", "notes.rtf")));
    expect(error).toBeInstanceOf(FileRefused);
    expect((error as FileRefused).message).toBe(
      "“notes.rtf” is not a .md, .txt or .html file. Upload markdown, plain text or a saved web page.",
    );
    expect(await readArticleFile(file("Acme rose.", "notes.rtf"), "text")).toEqual({
      source: "Acme rose.",
      format: "text",
    });
  });

  it("refuses files over 2 MB, text that is not UTF-8, and binary files", async () => {
    const big = await refusal(readArticleFile(file("a".repeat(MAX_ARTICLE_BYTES + 1), "big.md")));
    expect((big as Error).message).toBe("“big.md” is 2.0 MB; articles are limited to 2 MB.");
    const latin1 = await refusal(readArticleFile(file(new Uint8Array([0x63, 0x61, 0x66, 0xe9]), "a.txt")));
    expect((latin1 as Error).message).toMatch(/is not UTF-8 text/);
    const binary = await refusal(readArticleFile(file("a\u0000b", "a.md")));
    expect((binary as Error).message).toBe("“a.md” looks like a binary file, not text.");
    for (const error of [big, latin1, binary]) {
      expect(error).toBeInstanceOf(FileRefused);
      expect((error as FileRefused).summary).toBe(
        "The article was not imported: the uploaded file cannot be read.",
      );
    }
  });
});

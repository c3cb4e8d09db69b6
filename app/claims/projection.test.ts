import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { plainTextToMarkdown } from "./markdown";
import { BLOCK_SEPARATOR, project } from "./projection";

describe("text projection", () => {
  it("is the inline text of the markdown, blocks joined by a fixed separator", () => {
    const { text, blocks } = project(
      "# Title\n\nSome **bold** and `code` with [a link](https://example.com).\n\n- one\n- two",
    );
    expect(text).toBe(["Title", "Some bold and code with a link.", "one", "two"].join(BLOCK_SEPARATOR));
    expect(blocks.map((b) => b.kind)).toEqual(["heading", "paragraph", "list-item", "list-item"]);
    for (const block of blocks) expect(text.slice(block.start, block.end)).not.toContain(BLOCK_SEPARATOR);
  });

  it("keeps line breaks inside a paragraph as newlines", () => {
    expect(project("Q: Is it?\nA: Not yet.").text).toBe("Q: Is it?\nA: Not yet.");
  });

  it("drops raw HTML and unsafe links as markup but keeps their text visible", () => {
    const { text } = project("<script>alert(1)</script> and [x](javascript:alert(1))");
    expect(text).toContain("<script>alert(1)</script>");
    expect(text).toContain("[x](javascript:alert(1))");
  });

  it("reads plain text back unchanged, whatever markdown syntax it contains", () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(
            "a",
            "B",
            " ",
            "*",
            "_",
            "#",
            "1.",
            "-",
            "[",
            "]",
            "(",
            ")",
            "<",
            ">",
            "`",
            "\\",
            "&amp;",
            "!",
            "|",
            "~",
            ":",
            "/",
            "h",
          ),
          maxLength: 120,
        }),
        (line) => {
          const expected = line.trim();
          expect(project(plainTextToMarkdown(line)).text).toBe(expected);
        },
      ),
      { numRuns: 400 },
    );
  });
});

import fc from "fast-check";
import { parseHTML } from "linkedom";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { rationaleMarkdown } from "./rationale-markdown";

/** A renderer that allows raw HTML and any link, as a site showing export.md might. */
const anyRenderer = new MarkdownIt({ html: true, linkify: true });
anyRenderer.validateLink = () => true;

/** The footnote's text as its container gives it to the renderer: its blocks de-indented. */
const rendered = (rationale: string) =>
  anyRenderer.render(`**Unsupported.** ${rationaleMarkdown(rationale)}`.replace(/^ {4}/gm, ""));

/** What markdown alone makes, images aside: anything else came from raw HTML or an image. */
const MARKDOWN_ELEMENTS = "P CODE PRE A STRONG EM S BR HR BLOCKQUOTE H1 H2 H3 H4 H5 H6 UL OL LI".split(" ");

describe("rationaleMarkdown", () => {
  it("keeps a fenced block's lines as an indented code block of the footnote, one left open too", () => {
    // Indented, not fenced: a renderer that knows no fences would read a fence's lines as HTML.
    expect(rationaleMarkdown("Why:\n~~~\n<b>a</b>\n\n  c\n~~~\nSo.")).toBe(
      ["Why:", "", "        <b>a</b>", "", "          c", "", "    So."].join("\n"),
    );
    expect(rationaleMarkdown("```\na<b")).toBe(["", "", "        a<b"].join("\n"));
    expect(rendered("```\na<b")).toContain("<pre><code>a&lt;b\n</code></pre>");
  });

  it("writes an escaped < as &lt;, which older renderers do not read as an escape", () => {
    // Markdown.pl and Python-Markdown print the backslash and pass the tag through.
    expect(rationaleMarkdown("\\<img src=x onerror=alert(1)>")).toBe("&lt;img src=x onerror=alert(1)>");
    expect(rendered("a \\<b>")).toContain("a &lt;b&gt;");
  });

  it("escapes backticks that open no code span, and those in a link's destination and title", () => {
    expect(rationaleMarkdown("a ` b `` c")).toBe("a \\` b \\`\\` c");
    expect(rationaleMarkdown('[a](https://x.example "`") <i> `')).toBe(
      '[a](https://x.example "\\`") &lt;i> \\`',
    );
    expect(rationaleMarkdown("\\` `<b>`")).toBe("\\` `<b>`");
  });

  it("writes an image as a link to it, which a site rendering the file does not load", () => {
    expect(rationaleMarkdown("See ![the chart](https://cdn.example/c.png).")).toBe(
      "See [image: the chart](https://cdn.example/c.png).",
    );
    expect(
      rationaleMarkdown('![](https://cdn.example/p.gif "pixel") and ![a [b] c](<https://x.example/d.png>)'),
    ).toBe('[image](https://cdn.example/p.gif "pixel") and [image: a [b] c](<https://x.example/d.png>)');
    expect(rendered("A ![pixel](https://tracker.example/p.gif) here")).toContain(
      '<a href="https://tracker.example/p.gif">image: pixel</a>',
    );
    // Not an image: it reads as written (a `!` before a `[` escaped, which renders the same).
    expect(rationaleMarkdown("Wow![sic] and `![x](y)` and \\![x](https://x.example)")).toBe(
      "Wow\\![sic] and `![x](y)` and \\![x](https://x.example)",
    );
    expect(rendered("Wow![sic]")).toContain("Wow![sic]</p>");
  });

  it("reads each image's label a bounded way: past the look-ahead, the `!` is escaped instead", () => {
    const longAlt = `![${"a".repeat(400)}](https://cdn.example/c.png)`;
    expect(rationaleMarkdown(longAlt)).toBe(`\\${longAlt}`);
    expect(rendered(longAlt)).not.toContain("<img");
    // Many openings and no image: each `!` escaped, nothing read to the end of the text for each.
    expect(rationaleMarkdown("![".repeat(5))).toBe("\\![".repeat(5));
  });

  it("writes a paragraph after a code block that would define a link reference as text", () => {
    const html = rendered("```\nx\n```\n[x]: javascript:alert(1)\n\n```\ny\n```\nSee [x].");
    expect(html).not.toContain("<a");
    expect(html).toContain("[x]: javascript:alert(1)");
  });

  it("lets no rationale put HTML or a script link into a renderer that allows both", () => {
    const fragment = fc.constantFrom(
      "`",
      "``",
      "\\",
      "\\`",
      "<img src=x onerror=alert(1)>",
      "<script>alert(1)</script>",
      '[a](https://x.example "`")',
      '[a](/relative "`")',
      '[a](javascript:alert(1) "`")',
      "[a](<https://x.example>)",
      "[a](<javascript:alert(1)>)",
      "<https://x.example/`y>",
      "<javascript:alert(1)>",
      "](",
      ")",
      "[",
      "]",
      '"',
      "\n",
      "\n\n",
      "\n```\n",
      "\n~~~~\n",
      "\n    ",
      "[x]: javascript:alert(1)",
      "[x]",
      "![i](javascript:alert(1))",
      "![i](https://x.example/i.png)",
      "![",
      "!",
      "[c](data:text/html,x)",
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(fragment, fc.string({ maxLength: 4 })), { maxLength: 12 }), (parts) => {
        const { document } = parseHTML(`<html><body>${rendered(parts.join(""))}</body></html>`);
        for (const element of document.querySelectorAll("body *")) {
          expect(MARKDOWN_ELEMENTS).toContain(element.tagName);
          for (const attribute of element.attributes) {
            expect(["href", "class", "title"]).toContain(attribute.name);
            if (attribute.name === "href") expect(attribute.value).toMatch(/^(https?:|mailto:|$)/i);
          }
        }
      }),
      { numRuns: 3000 },
    );
  });
});

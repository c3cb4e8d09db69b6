import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { textParts } from "../claims/parts";
import { project } from "../claims/projection";
import { renderAnnotated, renderAnnotatedPart, renderMarkdown, type Highlight } from "./annotate";

function highlight(start: number, end: number, id = "1"): Highlight {
  return {
    start,
    end,
    claimId: id,
    className: "claim",
    anchorId: `claim-${id}`,
    ref: { href: `#n-${id}`, text: id, label: `Claim ${id}` },
  };
}

/** The text inside the <mark>s of one claim, joined. */
function markedText(html: string, id: string): string {
  const pieces = [...html.matchAll(/<mark data-claim="([^"]*)"[^>]*>([\s\S]*?)<\/mark>/g)]
    .filter((m) => m[1]!.split(" ").includes(id))
    .map((m) => m[2]!.replace(/<[^>]+>/g, ""));
  return pieces.join("");
}

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

describe("annotated rendering", () => {
  it("wraps exactly the projection's span in <mark>", () => {
    const source = "Alibaba’s shares spiked—up to **+13%** on the news.\n\nNvidia stock dipped 3–4%.";
    const { text } = project(source);
    const start = text.indexOf("Alibaba");
    const end = text.indexOf(" on the news");
    const html = renderAnnotated(source, [highlight(start, end)]);
    expect(decode(markedText(html, "1"))).toBe(text.slice(start, end));
    // The claim crosses <strong>: it gets one mark outside and one inside, never crossing a tag.
    expect(html).toContain('<strong><mark data-claim="1" class="claim">+13%</mark><sup class="claim-ref">');
    expect(html).toContain('<mark data-claim="1" class="claim" id="claim-1">');
    expect(html.match(/id="claim-1"/g)).toHaveLength(1);
    expect(html).toContain('<sup class="claim-ref"><a href="#n-1" aria-label="Claim 1">1</a></sup>');
  });

  it("agrees with the projection for any span of any markdown", () => {
    const markdown = fc
      .array(
        fc.constantFrom(
          "Plain words. ",
          "**bold text** ",
          "_em_ ",
          "`code` ",
          "[link](https://e.com) ",
          "\n",
          "\n\n",
          "# Head\n\n",
          "- item\n",
          "1. one\n",
          "> quote\n\n",
          "a < b & c ",
          "https://x.org ",
        ),
        { minLength: 1, maxLength: 25 },
      )
      .map((parts) => parts.join(""));
    fc.assert(
      fc.property(markdown, fc.nat(), fc.nat(), (source, a, b) => {
        const { text } = project(source);
        if (text.length < 2) return;
        const start = a % text.length;
        const end = start + 1 + (b % (text.length - start));
        const html = renderAnnotated(source, [highlight(start, end)]);
        const marked = decode(markedText(html, "1"));
        // Marked text is the span without the block separators and line breaks between pieces.
        expect(marked).toBe(text.slice(start, end).replace(/\n/g, ""));
      }),
      { numRuns: 300 },
    );
  });

  it("keeps the page's outline: article headings start at h3", () => {
    expect(renderAnnotated("# Title\n\n## Part\n\n###### Deep", [])).toBe(
      "<h3>Title</h3>\n<h4>Part</h4>\n<h6>Deep</h6>\n",
    );
  });

  it("renders overlapping claims with both ids", () => {
    const source = "One two three four five.";
    const html = renderAnnotated(source, [highlight(0, 13, "a"), highlight(8, 18, "b")]);
    expect(html).toContain('<mark data-claim="a b" class="claim claim" id="claim-b">three</mark>');
  });

  it("never lets markup through from articles or rationales", () => {
    for (const render of [
      (s: string) => renderMarkdown(s),
      (s: string) => renderAnnotated(s, [highlight(0, 5)]),
    ]) {
      const html = render(
        "<img src=x onerror=alert(1)> [a](javascript:alert(1)) [b](data:text/html,x) <script>x</script>",
      );
      expect(html).not.toMatch(/<script|<img|href="javascript:|href="data:/i);
    }
    expect(renderMarkdown("[ok](https://example.com) <mailto:a@b.org>")).toContain(
      'href="https://example.com"',
    );
  });
});

describe("renderAnnotatedPart", () => {
  const sections = Array.from(
    { length: 12 },
    (_, i) => `## Section ${i + 1}\n\nPlant ${i + 1} employs ${100 + i} people.\n\n- item ${i + 1}\n- more`,
  );
  const source = sections.join("\n\n");
  const { text } = project(source);

  it("cuts the text into parts at top-level blocks; together they render the whole article once", () => {
    const first = renderAnnotatedPart(source, [], 1, 60);
    expect(first.parts).toBeGreaterThan(3);
    const all = Array.from({ length: first.parts }, (_, i) => renderAnnotatedPart(source, [], i + 1, 60));
    expect(all.map((p) => p.html).join("")).toBe(renderAnnotated(source, []));
    all.forEach((p, i) => {
      expect(p.part).toBe(i + 1);
      expect(p.start).toBe(i === 0 ? 0 : all[i - 1]!.end);
    });
    expect(all.at(-1)!.end).toBeGreaterThanOrEqual(text.length);
  });

  it("highlights the words a claim's offsets name, in any part", () => {
    const words = "Plant 12 employs 111 people.";
    const at = text.indexOf(words);
    const parts = renderAnnotatedPart(source, [], 1, 60).parts;
    const last = renderAnnotatedPart(source, [highlight(at, at + words.length, "7")], parts, 60);
    expect(last.start).toBeLessThanOrEqual(at);
    expect(markedText(last.html, "7")).toBe(words);
    expect(renderAnnotatedPart(source, [highlight(at, at + words.length, "7")], 1, 60).html).not.toContain(
      "<mark",
    );
  });

  it("cuts where the workbench's list of claims cuts (claims/parts, on the claims' own parse)", () => {
    const parts = textParts(source, 60);
    expect(parts.map((p) => [p.start, p.end])).toEqual(
      parts.map((p) => {
        const rendered = renderAnnotatedPart(source, [], p.part, 60);
        return [rendered.start, rendered.end];
      }),
    );
  });

  it("reads a part past the last as the last", () => {
    const parts = renderAnnotatedPart(source, [], 1, 60).parts;
    expect(renderAnnotatedPart(source, [], parts + 5, 60).part).toBe(parts);
  });
});

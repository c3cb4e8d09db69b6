import { describe, expect, it } from "vitest";
import { project } from "../claims/projection";
import { renderAnnotated, renderMarkdown, type Highlight } from "./annotate";

// Public pages load nothing from other hosts for Markdown images (docs/decisions/010).
const ARTICLE =
  'Acme shipped 5 million chips. ![Chart of shipments](https://tracker.example/pixel.png?reader=1 "Shipments")\n\n[![Logo](https://cdn.example/logo.svg)](https://acme.example/) Rival fell.';

describe("Markdown images", () => {
  for (const [name, render] of [
    ["article", (s: string) => renderAnnotated(s, [])],
    ["rationale", renderMarkdown],
  ] as const) {
    it(`become links naming the image and its host in the ${name}`, () => {
      const html = render(ARTICLE);
      expect(html).not.toMatch(/<img\b/i);
      expect(html).toContain(
        '<a class="image-link" href="https://tracker.example/pixel.png?reader=1" rel="nofollow noopener noreferrer">[image: Chart of shipments] (tracker.example)</a>',
      );
      // A linked image keeps its link; the image inside is its label, as links cannot nest.
      expect(html).toContain(
        '<a href="https://acme.example/"><span class="image-link">[image: Logo] (cdn.example)</span></a>',
      );
    });
  }

  it("without alt text still say what they are, escaped", () => {
    expect(renderMarkdown("![](https://x.example/a.png)")).toContain(">[image] (x.example)</a>");
    expect(renderMarkdown('![<b>"x"</b>](https://x.example/a.png)')).toContain(
      ">[image: &lt;b&gt;&quot;x&quot;&lt;/b&gt;] (x.example)</a>",
    );
  });

  it("leave claim highlights where the projection puts them", () => {
    const { text } = project(ARTICLE);
    const start = text.indexOf("Rival fell");
    const highlight: Highlight = {
      start,
      end: start + "Rival fell".length,
      claimId: "1",
      className: "claim",
      anchorId: "claim-1",
      ref: { href: "#n-1", text: "1", label: "Claim 1" },
    };
    expect(renderAnnotated(ARTICLE, [highlight])).toContain(
      '<mark data-claim="1" class="claim" id="claim-1">Rival fell</mark>',
    );
  });
});

describe("stored public pages", () => {
  it("may load images from their own origin only, whatever HTML they hold", async () => {
    const { publicPageHeaders } = await import("./serve.server");
    const csp = publicPageHeaders('"x"', true)["Content-Security-Policy"]!;
    const imgSrc = csp.split("; ").find((d) => d.startsWith("img-src"));
    expect(imgSrc).toBe("img-src 'self' data:");
  });
});

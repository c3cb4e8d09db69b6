import fc from "fast-check";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { renderAnnotated, renderMarkdown } from "./annotate";
import { createHash } from "node:crypto";
import { CARD_CSP, renderClaimCard } from "./embed.server";
import { renderFactCheckPage } from "./page.server";
import type { Snapshot } from "./snapshot";

// Hostile fragments: script and event handlers, dangerous URL schemes (with case and entity
// tricks), markdown links and autolinks, HTML that must stay text.
const HOSTILE = [
  "<script>alert(1)</script>",
  '<img src=x onerror="alert(1)">',
  "<svg onload=alert(1)>",
  '"><iframe src=javascript:alert(1)>',
  "[click](javascript:alert(1))",
  "[click](JaVaScRiPt:alert(1))",
  "[click](&#106;avascript:alert(1))",
  "[x](data:text/html;base64,PHNjcmlwdD4=)",
  "![img](javascript:alert(1))",
  "<javascript:alert(1)>",
  "<a href='javascript:alert(1)'>a</a>",
  "**bold** _em_ `code`",
  "https://example.com/ok",
  "</textarea><script>x</script>",
  "'; alert(1); //",
  "\u2028\u2029",
];
const hostileText = fc
  .array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 20 })), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.join(" "));
const hostileUrl = fc.constantFrom(
  "javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "https://ok.example/a?b=<script>",
  "vbscript:x",
  " javascript:alert(1)",
);

/** What must never survive rendering: script elements, event handlers, script-bearing links. */
function assertInert(html: string) {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  for (const script of document.querySelectorAll("script")) {
    // Our own external enhancement script, or JSON-LD, which is data and must not break out.
    if (script.getAttribute("src") === "/fact-check.js" && (script.textContent ?? "") === "") continue;
    // The card's own script, exactly as its Content-Security-Policy allows it by hash.
    const hash = createHash("sha256")
      .update(script.textContent ?? "")
      .digest("base64");
    if (!script.hasAttribute("src") && CARD_CSP.includes(`'sha256-${hash}'`)) continue;
    expect(script.getAttribute("type")).toBe("application/ld+json");
    expect(() => JSON.parse(script.textContent ?? "")).not.toThrow();
  }
  for (const el of document.querySelectorAll("*")) {
    for (const attr of el.attributes) {
      expect(attr.name.toLowerCase().startsWith("on"), `${el.tagName} ${attr.name}`).toBe(false);
      if (["href", "src", "action", "formaction", "xlink:href"].includes(attr.name.toLowerCase())) {
        // eslint-disable-next-line no-control-regex -- browsers ignore control characters in URLs; so must the check
        expect(attr.value.replace(/[\s\u0000-\u001f]/g, "").toLowerCase()).not.toMatch(
          /^(javascript|data|vbscript):/,
        );
      }
    }
  }
  expect(document.querySelectorAll("iframe, object, embed, svg, img[onerror]").length).toBe(0);
}

function snapshotWith(text: string, url: string): Snapshot {
  const markdown = `# ${text}\n\nAcme said ${text} and sold 5 million chips.`;
  return {
    schema: "claimdesk.publication/1",
    number: 1,
    publishedAt: "2026-01-01T00:00:00.000Z",
    publishedBy: text,
    changeNote: text,
    changeKind: "correction",
    article: {
      title: text,
      slug: "x",
      outlet: text,
      author: text,
      sourceUrl: url,
      originalDate: "2025",
      markdown,
    },
    claims: [
      {
        id: 1,
        number: 1,
        start: 0,
        end: 4,
        quote: text,
        prefix: text,
        suffix: "",
        verdict: "misleading",
        rationale: text,
        checkedBy: text,
        approvedBy: text,
        approvedAt: "2026-01-01T00:00:00.000Z",
        claimant: text,
        claimantType: "person",
        claimDate: "2025",
        appearances: [url],
        evidence: [
          {
            url,
            title: text,
            publisher: text,
            publishedOn: "2025",
            stance: "refutes",
            note: text,
            excerpt: text,
            archiveUrl: url,
          },
        ],
        figures: [
          {
            text,
            value: 5,
            unit: text,
            measure: "count",
            normalized: { value: 5, unit: text },
            comparedTo: text,
          },
        ],
        referenceChecks: [
          {
            hardware: text,
            metric: text,
            claimed: text,
            value: 1,
            unit: text,
            agrees: false,
            note: text,
            sources: [
              { name: text, url, hardware: text },
              { name: text, url, hardware: text },
            ],
          },
        ],
      },
    ],
  };
}

describe("no script survives any public renderer", () => {
  it("markdown: articles and rationales", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        assertInert(renderMarkdown(text));
        assertInert(
          renderAnnotated(text, [
            {
              start: 0,
              end: Math.min(3, text.length),
              claimId: '1" onmouseover="x',
              className: '"><script>',
              anchorId: '"><b',
              ref: { href: "#n", text, label: text },
            },
          ]),
        );
      }),
      { numRuns: 300 },
    );
    // A claim reference may only point within the page.
    expect(() =>
      renderAnnotated("Claim text.", [
        {
          start: 0,
          end: 5,
          claimId: "1",
          className: "c",
          anchorId: "a",
          ref: { href: "javascript:x", text: "1", label: "1" },
        },
      ]),
    ).toThrow();
  });

  it("the published page and the embeddable card, with hostile titles, notes, names and URLs", () => {
    fc.assert(
      fc.property(hostileText, hostileUrl, (text, url) => {
        const snapshot = snapshotWith(text, url);
        const publisher = { baseUrl: "https://checks.example", name: text };
        assertInert(
          renderFactCheckPage(
            snapshot,
            [{ number: 1, publishedAt: snapshot.publishedAt, changeNote: text, changeKind: "correction" }],
            "latest",
            publisher,
          ),
        );
        assertInert(renderClaimCard(snapshot, snapshot.claims[0]!, publisher));
      }),
      { numRuns: 150 },
    );
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { looksLikeHtml } from "./pasted-html";

describe("looksLikeHtml", () => {
  it("recognises a whole page copied from 'view source'", () => {
    expect(
      looksLikeHtml("<!DOCTYPE html>\n<html><head><title>Chips</title></head><body><p>Hi</p></body></html>"),
    ).toBe(true);
    expect(looksLikeHtml("  <!-- saved -->\n<html lang=en><body>Text</body></html>")).toBe(true);
    expect(looksLikeHtml("\uFEFF<!doctype HTML><p>x")).toBe(true);
  });

  it("recognises an article's HTML fragment where block tags dominate", () => {
    const fragment =
      '<h1>Acme chip</h1>\n<p class="lede">Acme said its chip is 40% faster.</p>\n<p>It ships in 2026.</p>\n<ul><li>One</li></ul>';
    expect(looksLikeHtml(fragment)).toBe(true);
  });

  it("leaves Markdown and plain text alone, even with a few tags of their own", () => {
    expect(looksLikeHtml(readFileSync("fixtures/alibaba-ai-chip.txt", "utf8"))).toBe(false);
    expect(
      looksLikeHtml("# Title\n\nRevenue rose 12%.<br>Shares fell.<sup>1</sup>\n\n- a <b>bold</b> item"),
    ).toBe(false);
    expect(looksLikeHtml("The <html> element is the root of a page, and <p> marks a paragraph.")).toBe(false);
    const longProse = `${"Acme sold many chips in 2025 and more in 2026. ".repeat(40)}<p>a</p><p>b</p>`;
    expect(looksLikeHtml(longProse)).toBe(false);
    expect(looksLikeHtml("")).toBe(false);
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { dropByline } from "./byline";
import { pageFromHtml } from "./import.server";

describe("dropByline", () => {
  it("drops a leading byline paragraph, whoever it names", () => {
    expect(dropByline("By Sam Okafor · 14 October 2025\n\nThe US widened its rules.", "Sam Okafor")).toBe(
      "The US widened its rules.",
    );
    expect(dropByline("**By Ana Ruiz**\n\nAcme sold 5 million chips.", "")).toBe(
      "Acme sold 5 million chips.",
    );
    expect(dropByline("# Title\n\nSam Okafor, technology reporter\n\nText.", "Sam Okafor")).toBe(
      "# Title\n\nText.",
    );
  });

  it("keeps paragraphs that are the article", () => {
    const sentence = "By Friday, the company had sold 5 million units.\n\nMore text.";
    expect(dropByline(sentence, "")).toBe(sentence);
    const article = "By 2026, Acme will ship 5 million chips.\n\nMore text.";
    expect(dropByline(article, "Sam Okafor")).toBe(article);
    const named = "Sam Okafor said the rules were tough. Others disagreed.\n\nMore.";
    expect(dropByline(named, "Sam Okafor")).toBe(named);
    expect(dropByline("One.\n\nTwo.\n\nThree.\n\nBy Sam Okafor", "Sam Okafor")).toBe(
      "One.\n\nTwo.\n\nThree.\n\nBy Sam Okafor",
    );
  });

  it("leaves no byline at the start of a saved page's article", async () => {
    const page = await pageFromHtml(readFileSync("fixtures/web/chip-export-rules.html", "utf8"));
    expect(page.author).toBe("Sam Okafor");
    expect(page.markdown.startsWith("The US Commerce Department on Tuesday")).toBe(true);
  });
});

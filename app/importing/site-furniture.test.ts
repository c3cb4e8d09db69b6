import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { project } from "../claims/projection";
import { extractPage } from "./extract-page";
import { withoutSiteFurniture } from "./site-furniture";

const seedText = readFileSync("fixtures/alibaba-ai-chip.txt", "utf8");
const seedQuotes: string[] = JSON.parse(
  readFileSync("fixtures/alibaba-ai-chip.fact-check.json", "utf8"),
).claims.map((c: { quote: string }) => c.quote);

describe("site furniture", () => {
  it("leaves the seed article's donation boxes, buttons and page controls out, and every other line in", () => {
    const cleaned = withoutSiteFurniture(seedText);
    const dropped = seedText.split("\n").filter((line) => line.trim() && !cleaned.split("\n").includes(line));
    expect(dropped.map((line) => line.slice(0, 40))).toEqual([
      "🔥 TOP 10 DONATOR",
      "Be among the very first to have your nam",
      "🔥 TOP 10 DONATOR",
      "Support us on Patreon — and get your nam",
      "☕ Enjoying the article so far?",
      "If yes, please consider supporting us — ",
      "Buy me a coffee",
      "Quick & easy — no registration needed",
      "Did you enjoy the article?",
      "If yes, please consider supporting us — ",
      "Buy me a coffee",
      "Quick & easy — no registration needed",
      "Support Us on Patreon",
      "Exclusive content & community perks",
      "Follow us on social media:",
      "Scroll to Top",
    ]);
    // The article's own words stay, its promotions of its own sections included.
    expect(cleaned).toContain("Spread the Word");
    expect(cleaned).toContain("explore our dedicated AI section");
    const { text } = project(cleaned);
    for (const quote of seedQuotes) expect(text).toContain(quote.replace(/\*\*/g, ""));
  });

  it("keeps a line that says something checkable, and code", () => {
    const kept = [
      "Support us on Patreon: 5,000 readers gave $12 each in 2024.",
      "Patreon said creators earned $3.5 billion through it.",
      "Thank you, said the minister, and the bill passed.",
      // Found by a review: "US" is a country, and "support us" inside a sentence is someone's words.
      "European allies support US sanctions on Russia.",
      "Support US troops, the senator urged.",
      "Farmers say the new rules support us, not the importers.",
      "The app works with no registration needed, its maker says.",
      "```",
      "Scroll to Top",
      "```",
    ].join("\n");
    expect(withoutSiteFurniture(kept)).toBe(kept);
  });

  it("leaves out a support box that a web page puts inside its article", () => {
    const paragraph = (words: string) =>
      `<p>${words} ${"The chip draws 8 watts at full load. ".repeat(8)}</p>`;
    const html = `<!doctype html><html><head><title>Chip</title></head><body><article>
      <h1>Chip</h1>${paragraph("Acme shipped a chip.")}
      <div class="support-box"><p>☕ <strong>Enjoying the article so far?</strong></p>
        <p>If yes, please consider supporting us — we create this for you. Thank you! 💛</p>
        <p><a href="https://www.buymeacoffee.com/example">Buy me a coffee</a></p>
        <p><small>Quick &amp; easy — no registration needed</small></p></div>
      ${paragraph("Rivals responded.")}
      <h3>🔥 TOP 10 DONATOR</h3><p>Support us on Patreon — and get your name featured in the Top 10!</p>
    </article></body></html>`;
    const { markdown } = extractPage(html, "https://chips.example/a");
    expect(markdown).toContain("Acme shipped a chip.");
    expect(markdown).toContain("Rivals responded.");
    expect(markdown).not.toMatch(/Enjoying|supporting us|coffee|registration|DONATOR|Patreon/);
  });
});
